/** Milliseconds in one day; periods and forecasts count whole UTC days of this length. */
export const DAY_MS = 86_400_000;

/** Milliseconds since the epoch, as the engine stores every instant. */
export type Millis = number;

const DIGIT_0 = 48;

function digits(s: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * Parses an ISO 8601 instant to epoch milliseconds, NaN when it is not one.
 * The common `YYYY-MM-DDTHH:MM:SS(.sss)Z` form is read by hand (a month of events is a million
 * of them); anything else, offsets included, goes through Date.parse.
 */
export function parseInstant(s: string): Millis {
  const n = s.length;
  if ((n === 20 || n === 24) && s.charCodeAt(n - 1) === 90 /* Z */ && s[10] === 'T') {
    const year = digits(s, 0, 4);
    const month = digits(s, 5, 2);
    const day = digits(s, 8, 2);
    const hour = digits(s, 11, 2);
    const minute = digits(s, 14, 2);
    const second = digits(s, 17, 2);
    const ms = n === 24 && s[19] === '.' ? digits(s, 20, 3) : 0;
    if (
      year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour <= 23 &&
      minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && ms >= 0 &&
      s[4] === '-' && s[7] === '-' && s[13] === ':' && s[16] === ':'
    ) {
      const t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
      // Date.UTC rolls 31 Feb over into March; such a string is not an instant.
      if (new Date(t).getUTCDate() === day) return t;
      return Number.NaN;
    }
  }
  return Date.parse(s);
}

/** Epoch milliseconds to the ISO 8601 UTC form every output uses. */
export function toIso(t: Millis): string {
  return new Date(t).toISOString();
}

/** The UTC calendar day of an instant, `YYYY-MM-DD`. */
export function utcDay(t: Millis): string {
  return toIso(t).slice(0, 10);
}
