import { describe, expect, it } from 'vitest';
import { appAlertCandidates } from '../../../../src-main/app/app-alert-candidates';
import { freshnessPolicyOf } from '../../../../src-main/app/compose-snapshot';
import { freshnessOf } from '../../../../src-main/sync/freshness';
import { pool, workspace } from '../helpers/snapshot-fixtures';

describe('freshness', () => {
  it('counts data live for one sync interval and a minute, stale past the limit', () => {
    const policy = freshnessPolicyOf({ syncIntervalMinutes: 5, staleAfterMinutes: 30 });
    const now = Date.parse('2026-11-20T12:00:00Z');
    expect(freshnessOf(now - 6 * 60_000, now, policy).kind).toBe('live');
    expect(freshnessOf(now - 6 * 60_000 - 1, now, policy).kind).toBe('cached');
    expect(freshnessOf(now - 30 * 60_000 - 1, now, policy).kind).toBe('stale');
  });
});

describe("the app's own alert conditions", () => {
  const at = '2026-11-20T10:00:00.000Z';
  it('raises sync-stale once per stale spell, keyed by the last good sync', () => {
    const stale = workspace('acme', 'Acme', [pool({ percentUsed: 10 })], {
      freshness: { kind: 'stale', lastSyncAt: at, ageSeconds: 7200 },
    });
    const [c] = appAlertCandidates([], [stale]);
    expect(c).toMatchObject({ key: `acme|-|${at}|sync-stale|-`, kind: 'sync-stale', pool: null, at });
    expect(c!.message).toContain('stale: 2 h old');
    const never = workspace('acme', 'Acme', [pool({ percentUsed: 10 })], {
      freshness: { kind: 'stale', lastSyncAt: null, ageSeconds: null },
    });
    expect(appAlertCandidates([], [never])).toEqual([]); // never synced: the onboarding says so, not an alert
  });

  it('raises drift once per pool and period, saying which way the balances differ', () => {
    const drift = { localRemaining: 1200, serverRemaining: 1000, difference: 200, checkedAt: at };
    const ws = workspace('acme', 'Acme', [
      pool({ percentUsed: 10, drift }),
      pool({ percentUsed: 10, pool: 'message', drift: { ...drift, difference: 0 } }),
    ]);
    const candidates = appAlertCandidates([], [ws]);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({
      kind: 'drift',
      pool: 'integration',
      key: `acme|integration|${ws.pools[0]!.periodStart}|drift|-`,
    });
    expect(candidates[0]!.message).toBe(
      'Acme integration: Creditbar counts 200 credits more left than the account API says (1,200 against 1,000).',
    );
  });
});
