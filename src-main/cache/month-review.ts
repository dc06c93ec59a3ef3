import { periodAlerts } from '../../src-shared/engine/alerts';
import { forecastOf } from '../../src-shared/engine/forecast';
import { periodStartingInMonth, previousPeriod } from '../../src-shared/engine/periods';
import type { MonthReport, Month, PoolReview } from '../../src-shared/engine/report';
import type { Cache } from './cache';
import { loadEngineInputs, type EngineContextOptions } from './cached-workspaces';
import { cachedPeriods } from './walk-cached-pool';

/**
 * The review of a month from the cache, equal to reportMonth over the full ledger: closed periods
 * come from their summaries (no raw events needed), open ones are walked from the last checkpoint.
 */
export function reviewMonthFromCache(
  cache: Cache,
  month: Month,
  options: EngineContextOptions = {},
): MonthReport {
  const pools: PoolReview[] = [];
  const inputs = loadEngineInputs(cache, options);
  for (const ws of inputs) {
    const workspaceId = ws.resolved.workspace.id;
    for (const pool of ws.resolved.pools) {
      if (pool.reset.kind === 'daily') {
        const monthStart = Date.UTC(month.year, month.month - 1, 1);
        const monthEnd = Date.UTC(month.year, month.month, 1);
        const days = cachedPeriods(cache, ws, pool, monthStart, monthEnd);
        pools.push({
          kind: 'days',
          workspaceId,
          pool: pool.pool,
          monthStart,
          monthEnd,
          allowancePerDay: pool.allowance,
          days,
        });
        continue;
      }
      const target = periodStartingInMonth(pool.reset, month.year, month.month);
      const before = previousPeriod(pool.reset, target);
      const [previous, period] = cachedPeriods(cache, ws, pool, before.start, target.end);
      const alerts = periodAlerts(ws.resolved.workspace, period!, forecastOf(period!));
      pools.push({
        kind: 'period',
        workspaceId,
        pool: pool.pool,
        reset: pool.reset.kind,
        period: period!,
        previous: previous!,
        alerts,
      });
    }
  }
  const byId = new Map(inputs.map((w) => [w.resolved.workspace.id, w.resolved.workspace]));
  const alerts = pools.flatMap((p) =>
    p.kind === 'period'
      ? p.alerts
      : p.days.flatMap((d) => periodAlerts(byId.get(p.workspaceId)!, d, forecastOf(d))),
  );
  alerts.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { month, pools, alerts };
}
