import {
  reviewedPools,
  type DaysReportJson,
  type PeriodReportJson,
  type ReportJson,
} from '../../../src-shared/engine/report-json';
import type { Projection } from '../../components/charts/line-chart';
import { periodDays, projectionOf } from '../workspace-detail/chart-data';

/** One pool of a month review with figures: a billing period, or a daily-reset pool summed over the month. */
export type ReviewedPool = PeriodReportJson | DaysReportJson;

/**
 * The days a review's charts draw: every day of the period, credits where they happened, null for
 * the days still ahead of a period in progress (the line stops at today; the projection, dashed,
 * carries on to the reset, marked where it runs the pool dry with `runsDry`'s words, as on the
 * workspace screen).
 */
export function reviewSeries(
  pool: ReviewedPool,
  runsDry?: (at: number) => string,
): {
  days: string[];
  values: (number | null)[];
  todayIndex: number;
  projection: Projection | null;
} {
  const known = Object.keys(pool.byDay).sort();
  if (pool.periodState !== 'in-progress') {
    return {
      days: known,
      values: known.map((d) => pool.byDay[d] ?? 0),
      todayIndex: known.length - 1,
      projection: null,
    };
  }
  const days = periodDays(pool.periodStart, pool.periodEnd);
  const todayIndex = Math.max(0, days.indexOf(known[known.length - 1] ?? days[0]!));
  const values = days.map((d, i) => (i <= todayIndex ? (pool.byDay[d] ?? 0) : null));
  return {
    days,
    values,
    todayIndex,
    projection: isDaysReport(pool) ? null : projectionOf(pool, todayIndex, days.length, runsDry),
  };
}

export function isDaysReport(pool: ReviewedPool): pool is DaysReportJson {
  return pool.reset === 'daily';
}

/** Identifies a pool across months. */
export function poolKey(pool: Pick<ReviewedPool, 'workspaceId' | 'pool'>): string {
  return `${pool.workspaceId}:${pool.pool}`;
}

/** The reviewed days in order, with their credits (the report lists every day of the period). */
export function dailySeries(pool: ReviewedPool): { days: string[]; values: number[] } {
  const days = Object.keys(pool.byDay).sort();
  return { days, values: days.map((d) => pool.byDay[d] ?? 0) };
}

/**
 * Two months' days side by side, aligned by day of the period (day 1 with day 1), padded with
 * null where one month is shorter.
 */
export function compareDaily(
  a: ReviewedPool,
  b: ReviewedPool | undefined,
): { labels: string[]; a: (number | null)[]; b: (number | null)[] } {
  const sa = dailySeries(a).values;
  const sb = b ? dailySeries(b).values : [];
  const length = Math.max(sa.length, sb.length);
  const pad = (v: number[]): (number | null)[] =>
    Array.from({ length }, (_, i) => (i < v.length ? v[i]! : null));
  return { labels: Array.from({ length }, (_, i) => String(i + 1)), a: pad(sa), b: pad(sb) };
}

/** Threshold crossings in the order they happened; thresholds never reached come last. */
export function crossings(pool: PeriodReportJson): { percent: number; reachedAt: string | null }[] {
  return [...pool.thresholds].sort((x, y) => {
    if (x.reachedAt && y.reachedAt) return x.reachedAt.localeCompare(y.reachedAt) || x.percent - y.percent;
    if (x.reachedAt) return -1;
    if (y.reachedAt) return 1;
    return x.percent - y.percent;
  });
}

/** The headline numbers of a reviewed pool, whatever its reset. */
export function totalsOf(pool: ReviewedPool): {
  used: number;
  available: number | null;
  percentUsed: number | null;
  blockedCalls: number;
} {
  if (isDaysReport(pool))
    return { used: pool.used, available: null, percentUsed: null, blockedCalls: pool.blockedCalls };
  return {
    used: pool.used,
    available: pool.available,
    percentUsed: pool.percentUsed,
    blockedCalls: pool.blockedCalls,
  };
}

export interface PoolComparison {
  key: string;
  workspaceId: string;
  pool: ReviewedPool['pool'];
  a: ReviewedPool | undefined;
  b: ReviewedPool | undefined;
  /** used(a) − used(b), counting a missing side as 0. */
  difference: number;
  /** The difference as a percent of b's use; null when b used nothing or is missing. */
  differencePercent: number | null;
}

/**
 * Pairs the pools of two reviews (a = the month under review, b = the one compared with); a pool with
 * nothing to review in a month (not started, no data) counts as missing there.
 */
export function comparePools(a: ReportJson, b: ReportJson): PoolComparison[] {
  const pa0 = reviewedPools(a);
  const pb0 = reviewedPools(b);
  const keys = [...new Set([...pa0.map(poolKey), ...pb0.map(poolKey)])];
  return keys.map((key) => {
    const pa = pa0.find((p) => poolKey(p) === key);
    const pb = pb0.find((p) => poolKey(p) === key);
    const any = (pa ?? pb)!;
    const usedA = pa?.used ?? 0;
    const usedB = pb?.used ?? 0;
    const difference = Math.round((usedA - usedB) * 100) / 100;
    return {
      key,
      workspaceId: any.workspaceId,
      pool: any.pool,
      a: pa,
      b: pb,
      difference,
      differencePercent: pb && usedB > 0 ? Math.round((difference / usedB) * 10_000) / 100 : null,
    };
  });
}
