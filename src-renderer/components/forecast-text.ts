import type { PoolStatusJson } from '../../src-shared/engine/status-json';
import { formatCredits, formatDay, formatDateTime, formatSpan } from './format';

const DAY = 86_400_000;

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
  tone: 'ok' | 'warn' | 'exhausted' | 'idle';
}

/** When the pool empties if the whole period used `projected` credits at an even pace; null if it lasts. */
export function runsOutAtFor(projected: number, input: ForecastInput, asOf: number): number | null {
  const end = Date.parse(input.periodEnd);
  const daysLeft = (end - asOf) / DAY;
  if (daysLeft <= 0 || input.remaining <= 0) return null;
  const rate = (projected - input.used) / daysLeft;
  if (rate <= 0) return null;
  const at = asOf + (input.remaining / rate) * DAY;
  return at < end ? at : null;
}

/**
 * The forecast as a sentence: "At this pace runs dry on 23 Nov, 8 days before the reset", with the
 * forecast's low/high range turned into dates (or credits, when the pool lasts).
 */
export function forecastText(input: ForecastInput, asOf: number): ForecastText {
  const f = input.forecast;
  if (input.exhaustedAt !== null || (input.remaining <= 0 && input.available > 0)) {
    const when = input.exhaustedAt ? ` on ${formatDateTime(input.exhaustedAt)}` : '';
    const blocked =
      input.blockedCalls === 1
        ? '1 call blocked since'
        : `${formatCredits(input.blockedCalls)} calls blocked since`;
    return { sentence: `Ran dry${when}; ${blocked}.`, range: null, tone: 'exhausted' };
  }
  if (f.burnPerDay <= 0) {
    return {
      sentence: 'No use in the last 7 days: at this pace the pool lasts to the reset.',
      range: null,
      tone: 'idle',
    };
  }
  if (f.runsOutAt !== null) {
    const end = Date.parse(input.periodEnd);
    const at = Date.parse(f.runsOutAt);
    const earliest = runsOutAtFor(f.high, input, asOf);
    const latest = runsOutAtFor(f.low, input, asOf);
    const range =
      earliest === null
        ? null
        : latest === null
          ? `Range: as early as ${formatDay(earliest)}, or it may last to the reset.`
          : `Range: ${formatDay(earliest)} to ${formatDay(latest)}.`;
    return {
      sentence: `At this pace runs dry on ${formatDay(at)}, ${formatSpan(end - at)} before the reset.`,
      range,
      tone: 'warn',
    };
  }
  return {
    sentence: `At this pace ${formatCredits(Math.round(f.projectedUsed))} of ${formatCredits(input.available)} used by the reset.`,
    range: `Range: ${formatCredits(Math.round(f.low))} to ${formatCredits(Math.round(f.high))}.`,
    tone: 'ok',
  };
}
