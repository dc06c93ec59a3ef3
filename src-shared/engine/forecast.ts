import { DAY_MS, type Millis } from '../time/instant';
import { EPSILON } from './lots';
import { remainingOf, windowEndOf, type PeriodResult } from './period-result';

export interface Forecast {
  /** Credits charged per day over the trailing window. */
  burnPerDay: number;
  /** Used plus the burn rate carried to the period end: demand, not capped at what the pool holds. */
  projectedUsed: number;
  /** 80 % range of projectedUsed (see rangeOf). */
  low: number;
  high: number;
  /** When the pool runs dry at this pace, if that is before the reset; null once it is dry. */
  runsOutAt: Millis | null;
  /**
   * Where the projection starts when that is not asOf: the last observation of a period fed by
   * readings (the use since is not known, so it is projected like the rest of the period).
   */
  from?: Millis;
}

/** z for a two-sided 80 % interval of a normal distribution. */
const Z_80 = 1.2816;

/** With fewer than two whole days of history the spread is unknown: ±50 % of the projection. */
const UNKNOWN_SPREAD = 0.5;

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * The range of the projection. Days are treated as independent draws with the spread of the
 * whole days in the window, so the remaining `d` days add `burn·d ± z·σ·√d` (σ the sample standard
 * deviation of daily credits): a busy-Monday/quiet-Sunday week gives a wide range, a steady one a
 * narrow one. The low end never falls below what is already used.
 */
function rangeOf(r: PeriodResult, burnPerDay: number, daysLeft: number): { low: number; high: number } {
  const end = windowEndOf(r);
  const whole = r.window.buckets.filter((_, k) => end - (k + 1) * DAY_MS >= r.window.start);
  const expected = burnPerDay * daysLeft;
  if (whole.length < 2 || (r.window.observations ?? 2) < 2) {
    return { low: r.used + expected * (1 - UNKNOWN_SPREAD), high: r.used + expected * (1 + UNKNOWN_SPREAD) };
  }
  const mean = whole.reduce((s, x) => s + x, 0) / whole.length;
  const variance = whole.reduce((s, x) => s + (x - mean) ** 2, 0) / (whole.length - 1);
  const spread = Z_80 * Math.sqrt(variance) * Math.sqrt(daysLeft);
  return { low: r.used + Math.max(0, expected - spread), high: r.used + expected + spread };
}

/**
 * The forecast of a period at its asOf, from the burn rate of the trailing window. With readings the
 * window ends at the last observation, and the projection runs from there: the use since then is
 * not counted yet, so it is projected like the rest of the period.
 */
export function forecastOf(r: PeriodResult): Forecast {
  const end = windowEndOf(r);
  const windowDays = (end - r.window.start) / DAY_MS;
  const burnPerDay = windowDays > 0 ? r.window.credits / windowDays : 0;
  const daysLeft = (r.end - end) / DAY_MS;
  const remaining = remainingOf(r);
  let runsOutAt: Millis | null = null;
  if (remaining > EPSILON && burnPerDay > 0) {
    const at = end + Math.round((remaining / burnPerDay) * DAY_MS);
    if (at < r.end) runsOutAt = at;
  }
  const { low, high } = rangeOf(r, burnPerDay, daysLeft);
  return {
    burnPerDay: round2(burnPerDay),
    projectedUsed: round2(r.used + burnPerDay * daysLeft),
    low: round2(low),
    high: round2(high),
    runsOutAt,
    // Only readings end the window before asOf while the period runs (observedWindow counts them).
    ...(r.window.observations !== undefined && end !== r.asOf ? { from: end } : {}),
  };
}
