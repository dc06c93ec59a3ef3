import type { PoolCard } from '../../../src-shared/ipc/snapshot';
import type { ReferenceLine } from '../../components/charts/chart-frame';
import type { Projection } from '../../components/charts/line-chart';
import { formatDay, formatPercent } from '../../components/format';

const DAY = 86_400_000;

/** Every UTC day of `[start, end)` as `YYYY-MM-DD`. */
export function periodDays(periodStart: string, periodEnd: string): string[] {
  const days: string[] = [];
  const end = Date.parse(periodEnd);
  for (let t = Date.parse(periodStart.slice(0, 10) + 'T00:00:00Z'); t < end; t += DAY)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** Credits per day in the order of `days`, 0 where nothing ran. */
export function dailyValues(days: string[], byDay: Record<string, number>): number[] {
  return days.map((d) => byDay[d] ?? 0);
}

/** Running totals up to and including `lastIndex`; later days are null (they have not happened). */
export function cumulative(values: number[], lastIndex: number): (number | null)[] {
  let sum = 0;
  return values.map((v, i) => {
    if (i > lastIndex) return null;
    sum += v;
    return Math.round(sum * 100) / 100;
  });
}

/** The index of the day holding `asOf`, clamped to the period. */
export function dayIndexOf(days: string[], asOf: string): number {
  const i = days.indexOf(asOf.slice(0, 10));
  if (i !== -1) return i;
  return asOf.slice(0, 10) < (days[0] ?? '') ? 0 : days.length - 1;
}

/** Threshold marks (percent of available) as credit lines on the cumulative chart. */
export function thresholdLines(marks: number[], available: number): ReferenceLine[] {
  return [...marks]
    .sort((a, b) => a - b)
    .map((m) => ({ value: Math.round((m / 100) * available * 100) / 100, label: formatPercent(m) }));
}

/**
 * The forecast from today's running total to the period's last day; null once the period is over or
 * dry. Where it runs the pool dry before the reset, it crosses what the pool holds: `runsDry` words
 * that instant as the card does ("runs dry Dec 6").
 */
export function projectionOf(
  pool: Pick<PoolCard, 'used' | 'forecast' | 'exhaustedAt'> & Partial<Pick<PoolCard, 'available'>>,
  todayIndex: number,
  dayCount: number,
  runsDry?: (at: number) => string,
): Projection | null {
  if (pool.exhaustedAt !== null || todayIndex >= dayCount - 1) return null;
  const runsOutAt = pool.forecast.runsOutAt;
  const crosses =
    runsDry &&
    runsOutAt !== null &&
    pool.available !== undefined &&
    pool.forecast.projectedUsed > pool.available;
  return {
    fromIndex: todayIndex,
    fromValue: pool.used,
    toIndex: dayCount - 1,
    value: pool.forecast.projectedUsed,
    low: pool.forecast.low,
    high: pool.forecast.high,
    ...(crosses ? { crossing: { value: pool.available!, label: runsDry(Date.parse(runsOutAt)) } } : {}),
  };
}

/** The crossing's label, the card's day: "runs dry Dec 6" (never before `notBefore`, the evaluation's instant). */
export function runsDryLabel(at: number, notBefore = -Infinity): string {
  return `runs dry ${formatDay(Math.max(at, notBefore))}`;
}

export interface PeriodChartData {
  labels: string[];
  days: string[];
  daily: number[];
  cumulative: (number | null)[];
  todayIndex: number;
  lines: ReferenceLine[];
  projection: Projection | null;
  busiest: { day: string; credits: number } | null;
}

/** Everything the workspace screen's two charts need for one pool of the current period. */
export function periodChartData(
  pool: PoolCard,
  asOf: string,
  label: (day: string) => string,
  runsDry?: (at: number) => string,
): PeriodChartData {
  const days = periodDays(pool.periodStart, pool.periodEnd);
  const daily = dailyValues(days, pool.byDay);
  const todayIndex = dayIndexOf(days, asOf);
  // Fed by readings, the use since the last one is not known yet: the running total stops at that
  // reading's day and the projection starts there, as the forecast does (forecast.from).
  const knownIndex =
    pool.forecast.from !== undefined
      ? Math.min(todayIndex, dayIndexOf(days, pool.forecast.from))
      : todayIndex;
  let busiest: PeriodChartData['busiest'] = null;
  daily.forEach((credits, i) => {
    if (credits > 0 && (busiest === null || credits > busiest.credits)) busiest = { day: days[i]!, credits };
  });
  return {
    labels: days.map(label),
    days,
    daily,
    cumulative: cumulative(daily, knownIndex),
    todayIndex,
    lines: thresholdLines(pool.marks, pool.available),
    projection: projectionOf(pool, knownIndex, days.length, runsDry),
    busiest,
  };
}
