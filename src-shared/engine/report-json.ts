import type { PoolKind } from '../types/ledger';
import { DAY_MS, toIso, type Millis } from '../time/instant';
import { forecastOf } from './forecast';
import { percentUsedOf, type PeriodResult } from './period-result';
import {
  dayEntries,
  type EmptyReview,
  type MonthOfDaysReview,
  type MonthReport,
  type PeriodReview,
} from './report';
import {
  alertJson,
  breakdownJson,
  periodJson,
  tidy,
  type AlertJson,
  type PoolStatusJson,
} from './status-json';

export type { PeriodState } from './period-state';

/** The change of a reviewed period against the one before it. */
export interface ChangeJson {
  previousPeriodStart: string;
  /**
   * The instant the previous period is read at: its end for a closed review; for one in progress,
   * the same point of the previous period (as long after its start), so the change is to date.
   */
  previousAsOf: string;
  previousUsed: number;
  previousPercentUsed: number;
  /** used − previousUsed. */
  usedChange: number;
  /** The change as a percent of the previous period's use; null when that was 0. */
  usedChangePercent: number | null;
}

/**
 * A reviewed period: the evaluate shape seen at the period's end (closed) or at the review's instant
 * (in progress: used so far, the forecast, days only up to that day), plus days and the change.
 */
export interface PeriodReportJson extends PoolStatusJson {
  reset: 'calendar-month' | 'anchor-day';
  periodState: 'closed' | 'in-progress';
  byDay: Record<string, number>;
  change: ChangeJson;
}

/** A daily-reset pool over one calendar month. */
export interface DaysReportJson {
  workspaceId: string;
  pool: PoolKind;
  reset: 'daily';
  periodState: 'closed' | 'in-progress';
  periodStart: string;
  periodEnd: string;
  allowancePerDay: number;
  used: number;
  blockedCalls: number;
  byAction: Record<string, number>;
  byMember: Record<string, number>;
  byApp: Record<string, number>;
  byDay: Record<string, number>;
  /** Days on which the pool ran dry, `YYYY-MM-DD`. */
  dryDays: string[];
}

/** A pool with nothing to review: its period starts later, or precedes the pool's first record. */
export interface EmptyReportJson {
  workspaceId: string;
  pool: PoolKind;
  reset: 'calendar-month' | 'anchor-day' | 'daily';
  periodState: 'not-started' | 'no-data';
  periodStart: string;
  periodEnd: string;
}

export type PoolReportJson = PeriodReportJson | DaysReportJson | EmptyReportJson;

export interface ReportJson {
  period: string;
  /** The instant of the review (now, or --as-of), when one was given. */
  asOf?: string;
  pools: PoolReportJson[];
  alerts: AlertJson[];
}

/** The pools of a report that have figures (closed or in progress). */
export function reviewedPools(report: Pick<ReportJson, 'pools'>): (PeriodReportJson | DaysReportJson)[] {
  return report.pools.filter((p): p is PeriodReportJson | DaysReportJson => !isEmptyReport(p));
}

export function isEmptyReport(p: PoolReportJson): p is EmptyReportJson {
  return p.periodState === 'not-started' || p.periodState === 'no-data';
}

/** Days of [start, end) up to the one holding `asOf` (a period in progress has no days ahead). */
function daysUpTo(end: Millis, asOf: Millis): Millis {
  return Math.min(end, (Math.floor(asOf / DAY_MS) + 1) * DAY_MS);
}

function changeJson(current: PeriodResult, previous: PeriodResult): ChangeJson {
  const usedChange = current.used - previous.used;
  return {
    previousPeriodStart: toIso(previous.start),
    previousAsOf: toIso(previous.asOf),
    previousUsed: tidy(previous.used),
    previousPercentUsed: percentUsedOf(previous),
    usedChange: tidy(usedChange),
    usedChangePercent: previous.used > 0 ? Math.round((usedChange / previous.used) * 10_000) / 100 : null,
  };
}

function periodReportJson(review: PeriodReview): PeriodReportJson {
  const r = review.period;
  return {
    ...periodJson(review.workspaceId, r, forecastOf(r)),
    reset: review.reset,
    periodState: review.state,
    byDay: Object.fromEntries(
      dayEntries(r.byDay, r.start, daysUpTo(r.end, r.asOf)).map(([d, c]) => [d, tidy(c)]),
    ),
    change: changeJson(r, review.previous),
  };
}

function lastDayEnd(review: MonthOfDaysReview): Millis {
  const last = review.days[review.days.length - 1];
  return review.state === 'in-progress' && last ? last.end : review.monthEnd;
}

function emptyReportJson(review: EmptyReview): EmptyReportJson {
  return {
    workspaceId: review.workspaceId,
    pool: review.pool,
    reset: review.reset,
    periodState: review.state,
    periodStart: toIso(review.start),
    periodEnd: toIso(review.end),
  };
}

function mergeInto(target: Map<string, number>, source: ReadonlyMap<string, number>): void {
  for (const [k, v] of source) target.set(k, (target.get(k) ?? 0) + v);
}

function daysReportJson(review: MonthOfDaysReview): DaysReportJson {
  const byAction = new Map<string, number>();
  const byMember = new Map<string, number>();
  const byApp = new Map<string, number>();
  const byDay = new Map<number, number>();
  let used = 0;
  let blockedCalls = 0;
  for (const d of review.days) {
    used += d.used;
    blockedCalls += d.blockedCalls;
    mergeInto(byAction, d.byAction);
    mergeInto(byMember, d.byMember);
    mergeInto(byApp, d.byApp);
    for (const [k, v] of d.byDay) byDay.set(k, (byDay.get(k) ?? 0) + v);
  }
  return {
    workspaceId: review.workspaceId,
    pool: review.pool,
    reset: 'daily',
    periodState: review.state,
    periodStart: toIso(review.monthStart),
    periodEnd: toIso(review.monthEnd),
    allowancePerDay: review.allowancePerDay,
    used: tidy(used),
    blockedCalls,
    byAction: breakdownJson(byAction),
    byMember: breakdownJson(byMember),
    byApp: breakdownJson(byApp),
    byDay: Object.fromEntries(
      dayEntries(byDay, review.monthStart, lastDayEnd(review)).map(([d, c]) => [d, tidy(c)]),
    ),
    dryDays: review.days.filter((d) => d.exhaustedAt !== null).map((d) => toIso(d.start).slice(0, 10)),
  };
}

/** The month review as `creditbar report --json` prints it. */
export function reportJson(report: MonthReport): ReportJson {
  const { year, month } = report.month;
  return {
    period: `${year}-${String(month).padStart(2, '0')}`,
    ...(report.asOf !== null ? { asOf: toIso(report.asOf) } : {}),
    pools: report.pools.map((p) =>
      p.kind === 'days' ? daysReportJson(p) : p.kind === 'empty' ? emptyReportJson(p) : periodReportJson(p),
    ),
    alerts: report.alerts.map(alertJson),
  };
}
