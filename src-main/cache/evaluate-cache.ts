import {
  evaluationOf,
  poolEvaluationOf,
  type Evaluation,
  type PoolEvaluation,
} from '../../src-shared/engine/evaluate';
import type { PeriodResult } from '../../src-shared/engine/period-result';
import { periodFromSummary } from '../../src-shared/engine/period-summary';
import type { ResolvedPool } from '../../src-shared/engine/resolve-workspace';
import type { Millis } from '../../src-shared/time/instant';
import type { Cache } from './cache';
import { loadEngineInputs, type CachedWorkspaceInput, type EngineContextOptions } from './cached-workspaces';
import { walkCachedPool, type CachedWalk } from './walk-cached-pool';

export interface CacheEvaluateOptions extends EngineContextOptions {
  asOf: Millis;
}

/**
 * One pool's evaluation from a walk of its raw events: the closed periods before the walk's
 * checkpoint come from their summaries (for plan fit and history), then the walked periods.
 */
export function cachedPoolEvaluation(
  cache: Pick<Cache, 'read'>,
  ws: CachedWorkspaceInput,
  pool: ResolvedPool,
  walk: CachedWalk,
): PoolEvaluation {
  const before: PeriodResult[] = walk.checkpoint
    ? cache.read.summaries
        .between(ws.key, pool.pool, Number.NEGATIVE_INFINITY, walk.checkpoint.end)
        .map((s) => periodFromSummary(s, pool.thresholds))
    : [];
  return poolEvaluationOf(ws.resolved.workspace, pool.pool, [...before, ...walk.results]);
}

/**
 * The engine over the cache: every workspace and pool at asOf, in the shape evaluateLedger returns.
 * The current period is walked from raw events, starting at the previous closed period's
 * checkpoint; earlier periods come from their summaries (for plan fit and history).
 */
export function evaluateCache(cache: Cache, options: CacheEvaluateOptions): Evaluation {
  const { asOf } = options;
  const pools: PoolEvaluation[] = [];
  for (const ws of loadEngineInputs(cache, options))
    for (const pool of ws.resolved.pools)
      pools.push(cachedPoolEvaluation(cache, ws, pool, walkCachedPool(cache, ws, pool, asOf, asOf)));
  return evaluationOf(asOf, pools);
}
