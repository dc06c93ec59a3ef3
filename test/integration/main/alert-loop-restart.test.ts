import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src-shared/settings/settings';
import type { AlertCandidate } from '../../../src-main/alerts/alert-candidate';
import { runAlertPass } from '../../../src-main/alerts/alert-loop';
import type { NotificationContent } from '../../../src-main/alerts/notification-text';
import { openDatabase, type Db } from '../../../src-main/db/connection';
import { createRaisedAlertStore } from '../../../src-main/db/repositories/raised-alerts-repository';
import { NOW, pool, workspace } from '../../unit/main/helpers/snapshot-fixtures';

const dirs: string[] = [];
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const candidate = (percent: number, period = '2026-11-01T00:00:00.000Z'): AlertCandidate => ({
  key: `acme|integration|${period}|threshold|${percent}`,
  kind: 'threshold',
  workspaceId: 'acme',
  pool: 'integration',
  percent,
  at: '2026-11-20T11:00:00.000Z',
  message: `Acme: ${percent}%`,
});
const workspaces = [workspace('acme', 'Acme', [pool({ percentUsed: 93 })])];
const quiet = { ...DEFAULT_SETTINGS, quietHours: { enabled: true, start: '22:00', end: '07:00' } };

/** One app run: open the cache file, run alert passes, close it. */
function appRun(
  file: string,
  now: number,
  candidates: AlertCandidate[],
  settings = DEFAULT_SETTINGS,
): NotificationContent[] {
  const db = openDatabase(file);
  open.push(db);
  const shown: NotificationContent[] = [];
  runAlertPass(
    {
      store: createRaisedAlertStore(db, () => now),
      notify: (n) => shown.push(n),
      now: () => now,
      timeZone: 'Europe/Paris',
    },
    { candidates, workspaces, settings, pausedUntil: null },
  );
  db.close();
  return shown;
}

describe('alert loop over the real cache file', () => {
  it('never repeats an alert after a restart, and re-arms in a new period', () => {
    const dir = mkdtempSync(join(tmpdir(), 'creditbar-alerts-'));
    dirs.push(dir);
    const file = join(dir, 'cache.db');
    expect(appRun(file, NOW, [candidate(50), candidate(90)]).map((n) => n.title)).toEqual([
      'Acme: 90% of integration credits used',
    ]);
    expect(appRun(file, NOW + 3_600_000, [candidate(50), candidate(90)])).toEqual([]);
    expect(
      appRun(file, NOW + 12 * 86_400_000, [candidate(50, '2026-12-01T00:00:00.000Z')]).map((n) => n.title),
    ).toEqual(['Acme: 50% of integration credits used']);
  });

  it('releases after a restart what quiet hours held before it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'creditbar-alerts-'));
    dirs.push(dir);
    const file = join(dir, 'cache.db');
    expect(appRun(file, Date.parse('2026-11-20T22:30:00Z'), [candidate(50)], quiet)).toEqual([]);
    expect(
      appRun(file, Date.parse('2026-11-21T06:00:00Z'), [candidate(50)], quiet).map((n) => n.title),
    ).toEqual(['Acme: 50% of integration credits used']);
    expect(appRun(file, Date.parse('2026-11-21T06:05:00Z'), [candidate(50)], quiet)).toEqual([]);
  });
});
