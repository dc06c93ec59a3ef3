import { periodAlerts, type Alert } from '../../src-shared/engine/alerts';
import type { Evaluation, PoolEvaluation } from '../../src-shared/engine/evaluate';
import { forecastOf } from '../../src-shared/engine/forecast';
import type { PeriodResult } from '../../src-shared/engine/period-result';
import { periodFromSummary } from '../../src-shared/engine/period-summary';
import type { Millis } from '../../src-shared/time/instant';
import type { Cache } from './cache';
import { loadEngineInputs, type EngineContextOptions } from './cached-workspaces';
import { walkCachedPool } from './walk-cached-pool';

export interface CacheEvaluateOptions extends EngineContextOptions {
  asOf: Millis;
}

function sortAlerts(alerts: Alert[]): Alert[] {
  return alerts.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The engine over the cache: every workspace and pool at asOf, in the shape evaluateLedger returns.
 * The current period is walked from raw events, starting at the previous closed period's
 * checkpoint; earlier periods come from their summaries (for plan fit and history).
 */
export function evaluateCache(cache: Cache, options: CacheEvaluateOptions): Evaluation {
  const { asOf } = options;
  const pools: PoolEvaluation[] = [];
  for (const ws of loadEngineInputs(cache, options)) {
    for (const pool of ws.resolved.pools) {
      const walk = walkCachedPool(cache, ws, pool, asOf, asOf);
      const before: PeriodResult[] = walk.checkpoint
        ? cache.read.summaries
            .between(ws.key, pool.pool, Number.NEGATIVE_INFINITY, walk.checkpoint.end)
            .map((s) => periodFromSummary(s, pool.thresholds))
        : [];
      const periods = [...before, ...walk.results];
      const current = periods[periods.length - 1]!;
      const forecast = forecastOf(current);
      const workspace = ws.resolved.workspace;
      pools.push({
        workspace,
        pool: pool.pool,
        periods,
        current,
        forecast,
        alerts: periodAlerts(workspace, current, forecast),
      });
    }
  }
  return { asOf, pools, alerts: sortAlerts(pools.flatMap((p) => p.alerts)) };
}
