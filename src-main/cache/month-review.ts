import { periodAlerts } from '../../src-shared/engine/alerts';
import { forecastOf } from '../../src-shared/engine/forecast';
import type { PeriodResult } from '../../src-shared/engine/period-result';
import { periodAt } from '../../src-shared/engine/periods';
import {
  reviewAlerts,
  reviewPoolWith,
  type MonthReport,
  type Month,
  type PoolReview,
} from '../../src-shared/engine/report';
import type { ResolvedPool } from '../../src-shared/engine/resolve-workspace';
import { parseInstant, type Millis } from '../../src-shared/time/instant';
import type { Cache } from './cache';
import { loadEngineInputs, type CachedWorkspaceInput, type EngineContextOptions } from './cached-workspaces';
import { cachedPeriods, walkCachedPool } from './walk-cached-pool';

/**
 * The review of a month from the cache, equal to reportMonth over the full ledger at the same
 * instant: closed periods come from their summaries (no raw events needed), a period in progress (and
 * the one before it, to date) is walked from the last checkpoint.
 */
export function reviewMonthFromCache(
  cache: Cache,
  month: Month,
  options: EngineContextOptions & { asOf?: Millis } = {},
): MonthReport {
  const asOf = options.asOf ?? Number.POSITIVE_INFINITY;
  const pools: PoolReview[] = [];
  const inputs = loadEngineInputs(cache, options);
  for (const ws of inputs) {
    for (const pool of ws.resolved.pools) {
      pools.push(
        reviewPoolWith(
          ws.resolved.workspace.id,
          pool,
          month,
          { asOf, firstRecord: firstCachedRecord(cache, ws, pool, asOf) },
          (at, startBy) => walkCached(cache, ws, pool, at, startBy),
          (period) => periodAlerts(ws.resolved.workspace, period, forecastOf(period)),
        ),
      );
    }
  }
  const byId = new Map(inputs.map((w) => [w.resolved.workspace.id, w.resolved.workspace]));
  const alerts = reviewAlerts(pools, (id) => byId.get(id)!);
  return { month, asOf: Number.isFinite(asOf) ? asOf : null, pools, alerts };
}

/**
 * The periods from the one holding startBy to the one holding `at`: from summaries where `at` is a
 * period boundary (everything before it closed), else walked from raw events up to `at`.
 */
function walkCached(
  cache: Cache,
  ws: CachedWorkspaceInput,
  pool: ResolvedPool,
  at: Millis,
  startBy: Millis,
): PeriodResult[] {
  if (periodAt(pool.reset, at - 1).end === at) return cachedPeriods(cache, ws, pool, startBy, at);
  return walkCachedPool(cache, ws, pool, at, startBy).results;
}

/**
 * When the cache's data of a pool begins, at or before asOf: its first summarised period (summaries
 * start at the period of the first record), its first kept event, or its first grant; null for none.
 */
function firstCachedRecord(
  cache: Cache,
  ws: CachedWorkspaceInput,
  pool: ResolvedPool,
  asOf: Millis,
): Millis | null {
  const candidates = [
    cache.read.summaries.first(ws.key, pool.pool)?.start ?? null,
    cache.read.events.bounds(ws.key, pool.pool).lo,
    ...ws.grants.filter((g) => g.pool === pool.pool).map((g) => parseInstant(g.grantedAt)),
  ].filter((t): t is Millis => t !== null && t <= asOf);
  return candidates.length > 0 ? Math.min(...candidates) : null;
}
