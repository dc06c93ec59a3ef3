import { builtinCatalog, type Catalog } from '../catalog/catalog';
import type { Ledger, PoolKind } from '../types/ledger';
import { DAY_MS, toIso, utcDate, type Millis } from '../time/instant';
import { periodAlerts, type Alert } from './alerts';
import { EngineInputError } from './errors';
import {
  byWorkspace,
  prepareWorkspace,
  resolveLedger,
  walkPool,
  type EvaluateOptions,
  type PreparedWorkspace,
} from './evaluate';
import { forecastOf } from './forecast';
import type { PeriodResult } from './period-result';
import { periodStartingInMonth, previousPeriod } from './periods';
import type { ResolvedPool } from './resolve-workspace';

/** A calendar month, `YYYY-MM`. */
export interface Month {
  year: number;
  month: number;
}

/** Reads `YYYY-MM`, failing with a message that shows the expected form. */
export function parseMonth(text: string): Month {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) {
    throw new EngineInputError(`period "${text}" is not a month: expected YYYY-MM, e.g. 2026-10`, {
      record: 'period',
      field: 'period',
    });
  }
  return { year: Number(match[1]), month };
}

/** The period of a pool that starts in the reported month, seen at its end, and the one before it. */
export interface PeriodReview {
  kind: 'period';
  workspaceId: string;
  pool: PoolKind;
  reset: 'calendar-month' | 'anchor-day';
  period: PeriodResult;
  previous: PeriodResult;
  alerts: Alert[];
}

/** A pool with a daily reset, summed over the calendar month. */
export interface MonthOfDaysReview {
  kind: 'days';
  workspaceId: string;
  pool: PoolKind;
  monthStart: Millis;
  monthEnd: Millis;
  allowancePerDay: number;
  days: PeriodResult[];
}

export type PoolReview = PeriodReview | MonthOfDaysReview;

export interface MonthReport {
  month: Month;
  pools: PoolReview[];
  /** Alerts of the reviewed periods (daily pools: of every day in the month), by instant then key. */
  alerts: Alert[];
}

function reviewPool(prepared: PreparedWorkspace, pool: ResolvedPool, month: Month): PoolReview {
  const workspaceId = prepared.resolved.workspace.id;
  if (pool.reset.kind === 'daily') {
    const monthStart = utcDate(month.year, month.month - 1, 1);
    const monthEnd = utcDate(month.year, month.month, 1);
    const days = walkPool(prepared, pool, monthEnd, monthStart).filter(
      (p) => p.start >= monthStart && p.end <= monthEnd,
    );
    return {
      kind: 'days',
      workspaceId,
      pool: pool.pool,
      monthStart,
      monthEnd,
      allowancePerDay: pool.allowance,
      days,
    };
  }
  const target = periodStartingInMonth(pool.reset, month.year, month.month);
  const before = previousPeriod(pool.reset, target);
  const periods = walkPool(prepared, pool, target.end, before.start);
  const find = (start: Millis) => periods.find((p) => p.start === start)!;
  const period = find(target.start);
  const alerts = periodAlerts(prepared.resolved.workspace, period, forecastOf(period));
  const reset = pool.reset.kind;
  return {
    kind: 'period',
    workspaceId,
    pool: pool.pool,
    reset,
    period,
    previous: find(before.start),
    alerts,
  };
}

/**
 * The review of a past month: for each pool, the period that starts in that month evaluated at its
 * end, with the period before it for comparison (daily pools: every day of the calendar month).
 */
export function reportMonth(
  ledger: Ledger,
  month: Month,
  options: Omit<EvaluateOptions, 'asOf'> = {},
): MonthReport {
  const catalog: Catalog = options.catalog ?? builtinCatalog;
  const resolved = resolveLedger(ledger, catalog, options.overrides);
  const grants = byWorkspace(resolved, ledger.grants);
  const events = byWorkspace(resolved, ledger.events);
  const readings = byWorkspace(resolved, ledger.readings ?? []);
  const pools: PoolReview[] = [];
  for (const [id, ws] of resolved) {
    const prepared = prepareWorkspace(
      ws,
      grants.get(id)!,
      events.get(id)!,
      ledger.rateCards ?? [],
      catalog,
      readings.get(id)!,
    );
    for (const pool of ws.pools) pools.push(reviewPool(prepared, pool, month));
  }
  const alerts = pools.flatMap((p) =>
    p.kind === 'period'
      ? p.alerts
      : p.days.flatMap((d) => periodAlerts(resolved.get(p.workspaceId)!.workspace, d, forecastOf(d))),
  );
  alerts.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { month, pools, alerts };
}

/** Credits per UTC day as `YYYY-MM-DD` entries, every day of [start, end) listed (0 where nothing ran). */
export function dayEntries(
  byDay: ReadonlyMap<number, number>,
  start: Millis,
  end: Millis,
): [string, number][] {
  const entries: [string, number][] = [];
  for (let day = Math.floor(start / DAY_MS); day * DAY_MS < end; day++) {
    entries.push([toIso(day * DAY_MS).slice(0, 10), byDay.get(day) ?? 0]);
  }
  return entries;
}
