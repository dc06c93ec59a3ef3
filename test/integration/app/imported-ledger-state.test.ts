import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTrayModel } from '../../../src-main/tray/tray-model';
import { poolsByUrgency } from '../../../src-main/tray/urgent-pool';
import { dataAgeLine, overviewHeadline } from '../../../src-shared/display/overview-summary';
import type { Ledger } from '../../../src-shared/types/ledger';
import { base44Builder } from '../../fixtures/base44-builder';
import { runCliInProcess, tempFile } from '../cli/run-cli';
import { appInstall } from './runtime-fixture';

/**
 * A workspace imported from a ledger file never syncs: its card says "Stale, never synced", so no
 * surface may call it OK (the overview's headline did: "Both pools OK" beside two "Stale" cards).
 */
let install: ReturnType<typeof appInstall>;
beforeEach(() => {
  install = appInstall();
});
afterEach(() => install.cleanup());

const DAY = 86_400_000;
const style = { locale: 'en-US', timeZone: 'UTC' };

describe('a ledger-imported workspace, never synced, says one state everywhere', { timeout: 120_000 }, () => {
  it('cards Stale, headline "Stale data", header and tray "not synced yet", tray dimmed, status Stale', async () => {
    // Relative to the instant the test runs: Builder's period started three days ago, and two calls
    // happened an hour ago (3 credits: an external API call 1, a 5-page PDF 2): the numbers alone are OK.
    const now = Date.now();
    const billingDay = new Date(now - 3 * DAY).getUTCDate();
    const at = new Date(now - 3_600_000).toISOString();
    const ledger: Ledger = {
      version: 1,
      workspaces: [base44Builder({ billingDay })],
      grants: [],
      events: [
        {
          id: 'e1',
          workspaceId: 'studio',
          pool: 'integration',
          memberId: 'sam',
          action: 'external_api',
          occurredAt: at,
        },
        {
          id: 'e2',
          workspaceId: 'studio',
          pool: 'integration',
          memberId: 'sam',
          action: 'pdf',
          units: 5,
          occurredAt: at,
        },
      ],
    };
    const db = install.dir.file('cache.sqlite');
    expect((await runCliInProcess(['import', tempFile('ledger.json', ledger), '--db', db])).code).toBe(0);

    const { runtime } = install.start();
    runtime.start();
    await runtime.whenIdle();
    const snapshot = runtime.snapshot();
    const studio = snapshot.workspaces.find((w) => w.id === 'studio')!;
    expect(studio.source).toBe('ledger');
    expect(studio.freshness).toMatchObject({ kind: 'stale', lastSyncAt: null });
    expect(studio.pools.map((p) => [p.pool, p.used, p.balance, p.state])).toEqual([
      ['integration', 3, 'ok', 'stale'],
      ['message', 0, 'ok', 'stale'],
    ]);

    const rows = poolsByUrgency(snapshot.workspaces);
    const at_ = Date.parse(snapshot.asOf);
    expect(overviewHeadline(rows, at_, style)).toBe('Stale data: Studio');
    expect(dataAgeLine(rows, snapshot.sync, at_, style)).toBe('Not synced yet');

    const tray = buildTrayModel({ snapshot, now: at_, timeZone: 'UTC' });
    expect(tray.icon).toMatchObject({ level: 'ok', dimmed: true });
    // The tooltip: each workspace's most urgent pool; the menu: every pool.
    const [header, ...lines] = tray.tooltip.split('\n');
    expect(header).toBe('Creditbar (not synced yet)');
    expect(lines.map((l) => l.split(' · ')[0])).toEqual(['Studio integrations: Stale']);
    const menu = tray.menu.flatMap((i) => (i.type === 'workspace' ? [i.label.split(' · ')[0]] : []));
    expect(menu).toEqual(['Studio integrations: Stale', 'Studio messages: Stale']);

    // creditbar status over the same cache: the same state word for each pool.
    await install.stop();
    const status = await runCliInProcess(['status', '--db', db]);
    expect(status.code).toBe(0);
    expect([...status.stdout.matchAll(/^Studio\s+(integration|message)\s+(\S+)/gm)].map((m) => m[2])).toEqual(
      ['Stale', 'Stale'],
    );
  });
});
