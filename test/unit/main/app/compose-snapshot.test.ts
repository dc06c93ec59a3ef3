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
  const NOW_T = Date.parse('2026-11-20T12:00:00Z');
  const RUN = Date.parse('2026-11-20T11:00:00Z');
  const ctx = (accounts: Parameters<typeof appAlertCandidates>[2]['accounts']) => ({
    style: { locale: 'en-US', timeZone: 'Europe/Paris' },
    accounts,
    runStartedAt: RUN,
    now: NOW_T,
  });
  const staleWs = (id: string, name: string) =>
    workspace(id, name, [pool({ percentUsed: 10 })], {
      accountId: 'acme-acct',
      freshness: { kind: 'stale', lastSyncAt: at, ageSeconds: 7200 },
    });
  const account = { id: 'acme-acct', label: 'Acme', lastSuccessAt: Date.parse(at) };

  it('raises one stale-data alert per account, naming its workspaces, once a sync of this run failed', () => {
    const candidates = appAlertCandidates(
      [],
      [staleWs('a', 'Marketing'), staleWs('b', 'Ops')],
      ctx([{ ...account, failedAt: RUN + 60_000 }]),
    );
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({
      key: `account:acme-acct|-|${at}|sync-stale|-`,
      kind: 'sync-stale',
      accountId: 'acme-acct',
      workspaceName: 'Acme',
      pool: null,
    });
    // 10:00 UTC is 11:00 in Paris; two hours ago, counted down.
    expect(candidates[0]!.message).toBe(
      'Acme has not synced since Nov\u00a020, 11:00\u00a0AM (2 hours ago): the last attempt failed, so the balances of Marketing, Ops are stale.',
    );
  });

  it('never raises it at start-up, before a sync of this run was attempted and failed', () => {
    const ws = [staleWs('a', 'Marketing')];
    // The last failure was before this run started (the app was closed since).
    expect(appAlertCandidates([], ws, ctx([{ ...account, failedAt: RUN - 3_600_000 }]))).toEqual([]);
    // No failure at all: the first sync of this run has not run yet, or it succeeded.
    expect(appAlertCandidates([], ws, ctx([{ ...account, failedAt: null }]))).toEqual([]);
  });

  it('raises drift once per pool and period, saying which way the balances differ', () => {
    const drift = { localRemaining: 1200, serverRemaining: 1000, difference: 200, checkedAt: at };
    const ws = workspace('acme', 'Acme', [
      pool({ percentUsed: 10, drift }),
      pool({ percentUsed: 10, pool: 'message', drift: { ...drift, difference: 0 } }),
    ]);
    const candidates = appAlertCandidates([], [ws], ctx([]));
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

  it('says "1 credit fewer" when Creditbar counts one credit less than the server (the common drift)', () => {
    const drift = { localRemaining: 999, serverRemaining: 1000, difference: -1, checkedAt: at };
    const [candidate] = appAlertCandidates(
      [],
      [workspace('acme', 'Acme', [pool({ percentUsed: 10, drift })])],
      ctx([]),
    );
    expect(candidate!.message).toBe(
      'Acme integration: Creditbar counts 1 credit fewer left than the account API says (999 against 1,000).',
    );
  });

  it("words the engine's alerts in the user's zone, and a credit threshold in credits", () => {
    const ws = workspace('acme', 'Acme', [
      pool({
        percentUsed: 12,
        available: 50_000,
        periodEnd: '2026-12-01T00:00:00.000Z',
        thresholdsInForce: {
          source: 'pool',
          unit: 'credits',
          values: [5_000],
          percents: [10],
          account: null,
        },
      }),
    ]);
    const engineAlert = {
      key: 'acme|integration|2026-11-01T00:00:00.000Z|threshold|10',
      kind: 'threshold' as const,
      workspaceId: 'acme',
      pool: 'integration' as const,
      periodStart: Date.parse('2026-11-01T00:00:00Z'),
      percent: 10,
      at: Date.parse('2026-11-20T10:05:00Z'),
      message: 'Acme: 10% of the integration pool used on 2026-11-20 10:05 UTC; it resets on 2026-12-01.',
    };
    const [c] = appAlertCandidates([engineAlert], [ws], {
      ...ctx([]),
      thresholdText: (_w, _p, percent) => (percent === 10 ? '5,000 credits' : undefined),
    });
    expect(c!.message).toBe(
      'Acme: 5,000 credits of the integration pool used on Nov\u00a020, 11:05\u00a0AM; it resets on Dec\u00a01.',
    );
    expect(c!.message).not.toMatch(/UTC|0\.01%|10%/);
  });
});
