import type { PoolKind } from '../types/ledger';
import { toIso } from '../time/instant';
import { forecastOf } from './forecast';
import { percentUsedOf, type PeriodResult } from './period-result';
import { dayEntries, type MonthOfDaysReview, type MonthReport, type PeriodReview } from './report';
import {
  alertJson,
  breakdownJson,
  periodJson,
  tidy,
  type AlertJson,
  type PoolStatusJson,
} from './status-json';

/** The change of a reviewed period against the one before it. */
export interface ChangeJson {
  previousPeriodStart: string;
  previousUsed: number;
  previousPercentUsed: number;
  /** used − previousUsed. */
  usedChange: number;
  /** The change as a percent of the previous period's use; null when that was 0. */
  usedChangePercent: number | null;
}

/** A reviewed period: the evaluate shape seen at the period's end, plus days and the change. */
export interface PeriodReportJson extends PoolStatusJson {
  reset: 'calendar-month' | 'anchor-day';
  byDay: Record<string, number>;
  change: ChangeJson;
}

/** A daily-reset pool over one calendar month. */
export interface DaysReportJson {
  workspaceId: string;
  pool: PoolKind;
  reset: 'daily';
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

export interface ReportJson {
  period: string;
  pools: (PeriodReportJson | DaysReportJson)[];
  alerts: AlertJson[];
}

function changeJson(current: PeriodResult, previous: PeriodResult): ChangeJson {
  const usedChange = current.used - previous.used;
  return {
    previousPeriodStart: toIso(previous.start),
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
    byDay: Object.fromEntries(dayEntries(r.byDay, r.start, r.end).map(([d, c]) => [d, tidy(c)])),
    change: changeJson(r, review.previous),
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
    periodStart: toIso(review.monthStart),
    periodEnd: toIso(review.monthEnd),
    allowancePerDay: review.allowancePerDay,
    used: tidy(used),
    blockedCalls,
    byAction: breakdownJson(byAction),
    byMember: breakdownJson(byMember),
    byApp: breakdownJson(byApp),
    byDay: Object.fromEntries(
      dayEntries(byDay, review.monthStart, review.monthEnd).map(([d, c]) => [d, tidy(c)]),
    ),
    dryDays: review.days.filter((d) => d.exhaustedAt !== null).map((d) => toIso(d.start).slice(0, 10)),
  };
}

/** The month review as `creditbar report --json` prints it. */
export function reportJson(report: MonthReport): ReportJson {
  const { year, month } = report.month;
  return {
    period: `${year}-${String(month).padStart(2, '0')}`,
    pools: report.pools.map((p) => (p.kind === 'days' ? daysReportJson(p) : periodReportJson(p))),
    alerts: report.alerts.map(alertJson),
  };
}
