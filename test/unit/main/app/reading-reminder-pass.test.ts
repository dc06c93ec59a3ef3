import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../src-shared/settings/settings';
import { openCache, type Cache } from '../../../../src-main/cache/cache';
import type { NotificationContent } from '../../../../src-main/alerts/notification-text';
import { readingReminderPass } from '../../../../src-main/app/reading-reminder-pass';
import { tempDir } from '../../../fixtures/temp-dir';
import { pool, snapshot, workspace } from '../helpers/snapshot-fixtures';

// 2026-11-23 is a Monday; in UTC, 09:00 local is 09:00Z.
const MONDAY_0930 = Date.parse('2026-11-23T09:30:00Z');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function cache(): Cache {
  const dir = tempDir();
  const c = openCache(dir.file());
  cleanups.push(() => {
    c.close();
    dir.cleanup();
  });
  return c;
}

const studio = workspace('studio', 'Support studio', [pool({ percentUsed: 20 })], {
  source: 'manual',
  freshness: { kind: 'stale', lastSyncAt: '2026-11-20T09:00:00.000Z', ageSeconds: 0, basis: 'reading' },
});

function pass(c: Cache, now: number, settings = DEFAULT_SETTINGS, pausedUntil: number | null = null) {
  const sent: NotificationContent[] = [];
  readingReminderPass({
    cache: c,
    snapshot: snapshot([studio]),
    settings,
    pausedUntil,
    now,
    timeZone: 'UTC',
    notify: (n) => sent.push(n),
  });
  return sent;
}

describe('the reading reminder in the runtime', () => {
  it('sends one notification a day, remembered in the cache, whose click opens the reading field', () => {
    const c = cache();
    expect(pass(c, MONDAY_0930)).toEqual([
      {
        key: 'reading-reminder|2026-11-23',
        workspaceId: 'studio',
        readingPool: 'integration',
        title: "Today's reading for Support studio",
        body: 'Support studio: type what the usage page shows so the balance and forecast stay current.',
      },
    ]);
    expect(pass(c, MONDAY_0930 + 60_000)).toEqual([]);
    expect(c.read.appState.get('readingReminderDay', null)).toBe('2026-11-23');
  });

  it('waits for quiet hours and a snooze to end, and stays silent with notifications off', () => {
    const c = cache();
    const quiet = { ...DEFAULT_SETTINGS, quietHours: { enabled: true, start: '08:00', end: '10:00' } };
    expect(pass(c, MONDAY_0930, quiet)).toEqual([]);
    expect(pass(c, MONDAY_0930, DEFAULT_SETTINGS, MONDAY_0930 + 3_600_000)).toEqual([]);
    const off = { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, enabled: false } };
    expect(pass(c, MONDAY_0930, off)).toEqual([]);
    expect(pass(c, MONDAY_0930 + 2 * 3_600_000, quiet)).toHaveLength(1); // 11:30, after the quiet hours
  });
});
