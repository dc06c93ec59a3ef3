import { builtinCatalog, type Catalog } from '../catalog/catalog';
import type { Ledger, PoolKind, Workspace } from '../types/ledger';
import { DAY_MS, toIso, utcDate, type Millis } from '../time/instant';
import { periodAlerts, type Alert } from './alerts';
import { EngineInputError } from './errors';
import { byWorkspace, prepareWorkspace, resolveLedger, walkPool, type EvaluateOptions } from './evaluate';
import { forecastOf } from './forecast';
import type { PeriodResult } from './period-result';
import { firstRecordOf, periodStateOf, samePointIn } from './period-state';
import { periodStartingInMonth, previousPeriod, type Period } from './periods';
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

/**
 * The period of a pool that starts in the reported month, seen at its end (closed) or at the
 * review's instant (in progress), and the one before it seen at its end, or at the same point when
 * the reviewed one is in progress (samePointIn).
 */
export interface PeriodReview {
  kind: 'period';
  state: 'closed' | 'in-progress';
  workspaceId: string;
  pool: PoolKind;
  reset: 'calendar-month' | 'anchor-day';
  period: PeriodResult;
  previous: PeriodResult;
  alerts: Alert[];
}

/** A pool with a daily reset, summed over the calendar month (up to the review's instant when it runs). */
export interface MonthOfDaysReview {
  kind: 'days';
  state: 'closed' | 'in-progress';
  workspaceId: string;
  pool: PoolKind;
  monthStart: Millis;
  monthEnd: Millis;
  allowancePerDay: number;
  days: PeriodResult[];
}

/** A pool whose reviewed period has not started yet, or precedes the pool's first record: nothing to review. */
export interface EmptyReview {
  kind: 'empty';
  state: 'not-started' | 'no-data';
  workspaceId: string;
  pool: PoolKind;
  reset: 'calendar-month' | 'anchor-day' | 'daily';
  start: Millis;
  end: Millis;
}

export type PoolReview = PeriodReview | MonthOfDaysReview | EmptyReview;

export interface MonthReport {
  month: Month;
  /** The instant the review was made at; null: every period seen at its end (all in the past). */
  asOf: Millis | null;
  pools: PoolReview[];
  /** Alerts of the reviewed periods (daily pools: of every day in the month), by instant then key. */
  alerts: Alert[];
}

/** What reviewing one pool needs besides the month: the review's instant and the pool's first record. */
export interface ReviewContext {
  /** The instant of the review (now, or --as-of); +Infinity sees every period at its end. */
  asOf: Millis;
  /** The pool's first record at or before asOf (null: none). */
  firstRecord: Millis | null;
}

/**
 * The walk a review needs, given how to walk the pool (from a ledger, or from the cache): `walk(asOf,
 * startBy)` returns every period from the one holding startBy to the one holding asOf, each seen at
 * its end or at asOf. Shared by reportMonth and the cache's review, so both decide alike.
 */
export function reviewPoolWith(
  workspaceId: string,
  pool: ResolvedPool,
  month: Month,
  context: ReviewContext,
  walk: (asOf: Millis, startBy: Millis) => PeriodResult[],
  alertsOf: (period: PeriodResult) => Alert[],
): PoolReview {
  const { asOf } = context;
  const empty = (state: EmptyReview['state'], p: Period): EmptyReview => ({
    kind: 'empty',
    state,
    workspaceId,
    pool: pool.pool,
    reset: pool.reset.kind,
    start: p.start,
    end: p.end,
  });
  if (pool.reset.kind === 'daily') {
    const monthStart = utcDate(month.year, month.month - 1, 1);
    const monthEnd = utcDate(month.year, month.month, 1);
    const state = periodStateOf({ start: monthStart, end: monthEnd }, asOf, context.firstRecord);
    if (state === 'not-started' || state === 'no-data')
      return empty(state, { start: monthStart, end: monthEnd });
    const days = walk(Math.min(monthEnd, asOf), monthStart).filter(
      (p) => p.start >= monthStart && p.end <= monthEnd && p.start <= asOf,
    );
    return {
      kind: 'days',
      state,
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
  const reset = pool.reset.kind;
  const state = periodStateOf(target, asOf, context.firstRecord);
  if (state === 'not-started' || state === 'no-data') return empty(state, target);
  const find = (periods: PeriodResult[], p: Period) => periods.find((r) => r.start === p.start)!;
  let period: PeriodResult;
  let previous: PeriodResult;
  if (state === 'closed') {
    const periods = walk(target.end, before.start);
    period = find(periods, target);
    previous = find(periods, before);
  } else {
    period = find(walk(asOf, target.start), target);
    previous = find(walk(samePointIn(before, target, asOf), before.start), before);
  }
  return {
    kind: 'period',
    state,
    workspaceId,
    pool: pool.pool,
    reset,
    period,
    previous,
    alerts: alertsOf(period),
  };
}

/**
 * The review of a month: for each pool, the period that starts in that month evaluated at its end,
 * with the period before it for comparison (daily pools: every day of the calendar month). With
 * `asOf` (now, or the CLI's --as-of) a period still running is reviewed as it stands then, against
 * the period before at the same point; one not started yet, or before the pool's first record, is
 * reported as such with no figures.
 */
export function reportMonth(
  ledger: Ledger,
  month: Month,
  options: Omit<EvaluateOptions, 'asOf'> & { asOf?: Millis } = {},
): MonthReport {
  const asOf = options.asOf ?? Number.POSITIVE_INFINITY;
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
    const records = { events: events.get(id)!, grants: grants.get(id)!, readings: readings.get(id)! };
    for (const pool of ws.pools) {
      const context = { asOf, firstRecord: firstRecordOf(pool.pool, asOf, records) };
      pools.push(
        reviewPoolWith(
          id,
          pool,
          month,
          context,
          (at, startBy) => walkPool(prepared, pool, at, startBy),
          (period) => periodAlerts(ws.workspace, period, forecastOf(period)),
        ),
      );
    }
  }
  const alerts = reviewAlerts(pools, (id) => resolved.get(id)!.workspace);
  return { month, asOf: Number.isFinite(asOf) ? asOf : null, pools, alerts };
}

/** The alerts of the reviewed periods (daily pools: of every day in the month), by instant then key. */
export function reviewAlerts(pools: readonly PoolReview[], workspaceOf: (id: string) => Workspace): Alert[] {
  const alerts = pools.flatMap((p) =>
    p.kind === 'period'
      ? p.alerts
      : p.kind === 'days'
        ? p.days.flatMap((d) => periodAlerts(workspaceOf(p.workspaceId), d, forecastOf(d)))
        : [],
  );
  return alerts.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
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
