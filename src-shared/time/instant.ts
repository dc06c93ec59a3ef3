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

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * Midnight UTC of a proleptic Gregorian date, like `Date.UTC(year, month0, day)` (the month is
 * 0-based and may overflow into the next or previous year, day 0 is the month's last day before it)
 * but without Date.UTC's quirk that maps years 0-99 to 1900-1999.
 */
export function utcDate(year: number, month0: number, day: number): Millis {
  const y = year + Math.floor(month0 / 12);
  const m = month0 - Math.floor(month0 / 12) * 12;
  return (daysFromCivil(y, m + 1, 1) + day - 1) * DAY_MS;
}

/** True for the `YYYY-MM-DDTHH:MM:SS(.sss)Z` shape, read by hand below. */
function isUtcShape(s: string, n: number): boolean {
  return (n === 20 || n === 24) && s.charCodeAt(n - 1) === 90 /* Z */ && s[10] === 'T';
}

/** Reads an instant of the UTC shape with integer arithmetic; NaN when a field is out of range. */
function readUtc(s: string, n: number): Millis {
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  const ms = n === 24 ? (s[19] === '.' ? digits(s, 20, 3) : -1) : 0;
  if (
    year >= 0 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59 &&
    ms >= 0 &&
    s[4] === '-' &&
    s[7] === '-' &&
    s[13] === ':' &&
    s[16] === ':'
  ) {
    const monthDays = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
    if (day > monthDays) return Number.NaN;
    return daysFromCivil(year, month, day) * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
  }
  return Number.NaN;
}

/**
 * Parses an ISO 8601 instant to epoch milliseconds, NaN when it is not one.
 * The common `YYYY-MM-DDTHH:MM:SS(.sss)Z` form is read by hand with integer arithmetic (a month of
 * events is a million of them); anything else, offsets included, goes through Date.parse.
 */
export function parseInstant(s: string): Millis {
  const n = s.length;
  return isUtcShape(s, n) ? readUtc(s, n) : Date.parse(s);
}

/**
 * Only the `YYYY-MM-DDTHH:MM:SS(.sss)Z` form (what every output writes), NaN for anything else,
 * offsets included: a cheap check that a string is a valid instant in that form.
 */
export function parseUtcInstant(s: string): Millis {
  const n = s.length;
  return isUtcShape(s, n) ? readUtc(s, n) : Number.NaN;
}

/** Epoch milliseconds to the ISO 8601 UTC form every output uses. */
export function toIso(t: Millis): string {
  return new Date(t).toISOString();
}

/** The UTC calendar day of an instant, `YYYY-MM-DD`. */
export function utcDay(t: Millis): string {
  return toIso(t).slice(0, 10);
}
