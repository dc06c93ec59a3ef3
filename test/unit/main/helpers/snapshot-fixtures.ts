import { poolStateOf } from '../../../../src-shared/display/pool-state';
import type { PoolCard, Snapshot, WorkspaceCard } from '../../../../src-shared/ipc/snapshot';

/** 2026-11-20T12:00:00Z: the "now" of most main-process tests. */
export const NOW = Date.parse('2026-11-20T12:00:00Z');

/** The default thresholds, reached (at some instant before NOW) when the percent is at or past them. */
function defaultThresholds(percent: number): PoolCard['thresholds'] {
  return [50, 90, 100].map((t) => ({
    percent: t,
    reachedAt: percent >= t ? new Date(NOW - 3_600_000).toISOString() : null,
  }));
}

/**
 * A pool card with plausible numbers; `percentUsed` drives used, remaining and the thresholds reached,
 * and the state comes from the shared rule (poolStateOf) over the result unless given.
 */
export function pool(overrides: Partial<PoolCard> & { percentUsed: number }): PoolCard {
  const base = poolNumbers(overrides);
  const view = poolStateOf(base, { kind: 'live' });
  return {
    state: view.state,
    balance: view.balance,
    level: view.level,
    passedThreshold: view.threshold,
    ...base,
    ...overrides,
  };
}

function poolNumbers(
  overrides: Partial<PoolCard> & { percentUsed: number },
): Omit<PoolCard, 'state' | 'balance' | 'level' | 'passedThreshold'> {
  const available = overrides.available ?? 10_000;
  const used = Math.min(available, (available * overrides.percentUsed) / 100);
  return {
    workspaceId: 'acme',
    pool: 'integration',
    periodStart: '2026-11-01T00:00:00.000Z',
    periodEnd: '2026-12-01T00:00:00.000Z',
    resetsInSeconds: 950_400,
    allowance: available,
    bonus: 0,
    available,
    used,
    remaining: available - used,
    blockedCalls: 0,
    exhaustedAt: null,
    thresholds: defaultThresholds(overrides.percentUsed),
    byAction: { email: used * 0.6, llm: used * 0.4 },
    byMember: { ana: used * 0.7, bo: used * 0.3 },
    byApp: {},
    forecast: {
      burnPerDay: used / 19.5,
      projectedUsed: used * 1.5,
      low: used,
      high: used * 2,
      runsOutAt: null,
    },
    unknownActions: [],
    byDay: {},
    marks: [50, 90],
    drift: null,
    budgets: [],
    cacheCandidates: [],
    planFit: null,
    exhaustion: 'calls',
    readingCheck: null,
    ...overrides,
  };
}

export function workspace(
  id: string,
  name: string,
  pools: PoolCard[],
  overrides: Partial<WorkspaceCard> = {},
): WorkspaceCard {
  return {
    id,
    name,
    provider: 'zite',
    plan: 'pro',
    accountId: 'demo',
    source: 'sync',
    catalogVersion: '2026-05-seed',
    members: [
      { id: 'ana', name: 'Ana' },
      { id: 'bo', name: 'Bo' },
    ],
    pools: pools.map((p) => ({ ...p, workspaceId: id })),
    freshness: { kind: 'live', lastSyncAt: new Date(NOW - 60_000).toISOString(), ageSeconds: 60 },
    ...overrides,
  };
}

export function snapshot(workspaces: WorkspaceCard[], overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    asOf: new Date(NOW).toISOString(),
    mode: 'demo',
    sync: {
      running: false,
      lastSuccessAt: new Date(NOW - 60_000).toISOString(),
      lastError: null,
      nextSyncAt: null,
      offline: false,
    },
    workspaces,
    alerts: [],
    pausedUntil: null,
    ...overrides,
  };
}
