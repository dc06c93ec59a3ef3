import type { PoolStatusJson } from '../engine/status-json';
import { formatCredits } from './credits';
import { formatDateTime, formatDay, type DateStyle } from './dates';
import { formatApproxSpan, HOUR_MS, DAY_MS } from './duration';

/** What the forecast sentence needs from a pool. */
export type ForecastInput = Pick<
  PoolStatusJson,
  'used' | 'remaining' | 'available' | 'periodEnd' | 'exhaustedAt' | 'blockedCalls' | 'forecast'
>;

export interface ForecastText {
  /** The sentence a lead reads first. */
  sentence: string;
  /** The forecast's low-high range, in the sentence's terms; null when there is none. */
  range: string | null;
  tone: 'ok' | 'warn' | 'dry' | 'idle';
}

/** The instants a forecast is read at: the evaluation's (`asOf`) and the clock's (`now`, later). */
export interface ForecastClock {
  asOf: number;
  now: number;
}

/**
 * When the pool empties if the period used `projected` credits at an even pace from where the
 * projection starts (asOf, or the last reading of a period fed by readings); null if it lasts.
 */
export function runsOutAtFor(projected: number, input: ForecastInput, asOf: number): number | null {
  const end = Date.parse(input.periodEnd);
  const from = input.forecast.from !== undefined ? Date.parse(input.forecast.from) : asOf;
  const daysLeft = (end - from) / DAY_MS;
  if (daysLeft <= 0 || input.remaining <= 0) return null;
  const rate = (projected - input.used) / daysLeft;
  if (rate <= 0) return null;
  const at = from + (input.remaining / rate) * DAY_MS;
  return at < end ? at : null;
}

/** "1 call refused", "1,204 calls refused": what the platform refused while the pool was dry. */
export function refusedCalls(blockedCalls: number, locale: string | readonly string[] = 'en-US'): string {
  return blockedCalls === 1 ? '1 call refused' : `${formatCredits(blockedCalls, locale)} calls refused`;
}

/**
 * What was refused this period in a pool that is not dry now (it ran dry, then a top-up or a grant
 * came): the card and the popover's row say it, as the CLI's Blocked column does; null when none.
 */
export function refusedThisPeriod(
  input: Pick<ForecastInput, 'blockedCalls' | 'remaining' | 'available' | 'exhaustedAt'>,
  locale: string | readonly string[] = 'en-US',
): string | null {
  if (input.blockedCalls <= 0 || isDry(input)) return null;
  return `${refusedCalls(input.blockedCalls, locale)} this period while the pool was dry.`;
}

/** Nothing left to spend, as poolStateOf says "dry". */
function isDry(input: Pick<ForecastInput, 'remaining' | 'available' | 'exhaustedAt'>): boolean {
  return input.remaining <= 1e-9 && (input.available > 0 || input.exhaustedAt !== null);
}

/**
 * The forecast in words, the same on a card and in a notification. Never a run-out or a range bound
 * in the past (the clock moves on between evaluations: such a bound reads "now"); one day for both
 * ends reads "around Dec 5"; a dry pool says when it ran dry and what was refused since, not the
 * demand projected to the reset as if it could be spent. The span from a projected run-out to the reset is an estimate (formatApproxSpan: "~3 days").
 */
export function forecastText(input: ForecastInput, clock: ForecastClock, style: DateStyle): ForecastText {
  const f = input.forecast;
  const locale = style.locale;
  if (isDry(input)) {
    const when = input.exhaustedAt ? ` on ${formatDateTime(input.exhaustedAt, style)}` : '';
    const blocked =
      input.blockedCalls === 0
        ? 'no call has been refused yet'
        : `${refusedCalls(input.blockedCalls, locale)} since`;
    return { sentence: `Ran dry${when}; ${blocked}.`, range: null, tone: 'dry' };
  }
  if (f.burnPerDay <= 0) {
    return {
      sentence: 'No use in the last 7 days: at this pace the pool lasts to the reset.',
      range: null,
      tone: 'idle',
    };
  }
  const end = Date.parse(input.periodEnd);
  if (f.runsOutAt !== null && Date.parse(f.runsOutAt) < end) {
    const at = Math.max(clock.now, Date.parse(f.runsOutAt));
    const earliestRaw = runsOutAtFor(f.high, input, clock.asOf);
    const earliest = earliestRaw === null ? null : Math.max(clock.now, earliestRaw);
    const latest = runsOutAtFor(f.low, input, clock.asOf);
    const before = `${formatApproxSpan(end - at, locale)} before the reset`;
    if (at - clock.now < HOUR_MS)
      return { sentence: `At this pace it runs dry within the hour, ${before}.`, range: null, tone: 'warn' };
    const day = formatDay(at, style);
    const sameDay =
      earliest !== null &&
      latest !== null &&
      formatDay(earliest, style) === day &&
      formatDay(latest, style) === day;
    if (sameDay)
      return { sentence: `At this pace runs dry around ${day}, ${before}.`, range: null, tone: 'warn' };
    const range =
      earliest === null
        ? null
        : latest === null
          ? `Range: as early as ${formatDay(earliest, style)}, or it may last to the reset.`
          : formatDay(earliest, style) === formatDay(latest, style)
            ? `Range: around ${formatDay(earliest, style)}.`
            : `Range: ${formatDay(earliest, style)} to ${formatDay(latest, style)}.`;
    return { sentence: `At this pace runs dry on ${day}, ${before}.`, range, tone: 'warn' };
  }
  const busyEnd =
    f.high > input.available ? ` At the busy end of the range it runs dry before the reset.` : '';
  return {
    sentence: `At this pace ${formatCredits(Math.round(f.projectedUsed), locale)} of ${formatCredits(input.available, locale)} used by the reset.`,
    range: `Range: ${formatCredits(Math.round(f.low), locale)} to ${formatCredits(Math.round(f.high), locale)}.${busyEnd}`,
    tone: 'ok',
  };
}
