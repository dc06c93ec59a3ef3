/**
 * Spans of time as every surface says them, by two rules:
 * - a span between known instants (a reset countdown, "N left in the month", an age "N ago") is
 *   counted in whole units DOWN (formatDuration, formatSpan, formatRelative): the reset never comes
 *   earlier than the text says, and data is never younger than it says;
 * - a span that ends at a projection (the forecast's run-out: "runs dry in ~N", "~N before the
 *   reset") is an estimate, written with "~" and rounded to the NEAREST unit (formatApproxSpan):
 *   2 hours 58 minutes is "~3 hours", never "~2 hours".
 * The card, notifications, the alert centre, the overview's headline and the CLI call these.
 */

import { calendarDaysBetween, type DateStyle } from './dates';

export type DurationUnit = 'day' | 'hour' | 'minute' | 'second';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const UNITS: readonly [DurationUnit, number][] = [
  ['day', DAY_MS],
  ['hour', HOUR_MS],
  ['minute', MINUTE_MS],
  ['second', 1000],
];

export interface DurationPart {
  value: number;
  unit: DurationUnit;
}

/**
 * The two largest whole units of a span, rounded down (9 d 4 h, 4 h 12 min, 3 min 5 s), never
 * negative; `smallest` stops at minutes for texts that do not tick every second. A span under the
 * smallest unit is one part of 0 of it.
 */
export function durationParts(ms: number, smallest: DurationUnit = 'second'): DurationPart[] {
  const last = UNITS.findIndex(([unit]) => unit === smallest);
  const units = UNITS.slice(0, last + 1);
  let rest = Number.isFinite(ms) ? Math.max(0, ms) : 0;
  const first = units.findIndex(([, size]) => rest >= size);
  if (first === -1) return [{ value: 0, unit: smallest }];
  const parts: DurationPart[] = [];
  for (const [unit, size] of units.slice(first, first + 2)) {
    const value = Math.floor(rest / size);
    rest -= value * size;
    parts.push({ value, unit });
  }
  // "3d 0h" reads as noise: drop a trailing zero, but keep a ticking "5m 0s" as wide as "5m 9s".
  return parts.length === 2 && parts[1]!.value === 0 && parts[1]!.unit !== 'second' ? [parts[0]!] : parts;
}

const formats = new Map<string, Intl.NumberFormat>();

function unitFormat(
  locale: string | readonly string[],
  unit: DurationUnit,
  display: 'narrow' | 'long',
): Intl.NumberFormat {
  const key = `${typeof locale === 'string' ? locale : locale.join(',')}|${unit}|${display}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale as string | string[], {
      style: 'unit',
      unit,
      unitDisplay: display,
      maximumFractionDigits: 0,
    });
    formats.set(key, format);
  }
  return format;
}

/** One unit in the locale: "9d" / "9 days". */
export function formatUnit(
  value: number,
  unit: DurationUnit,
  locale: string | readonly string[] = 'en-US',
  display: 'narrow' | 'long' = 'narrow',
): string {
  return unitFormat(locale, unit, display).format(value);
}

/**
 * A countdown: "9d 4h", "3h 12m" (narrow units in the locale). With `smallest` 'minute', a span under
 * a minute reads "< 1m" rather than "0m".
 */
export function formatDuration(
  ms: number,
  locale: string | readonly string[] = 'en-US',
  smallest: DurationUnit = 'second',
): string {
  const parts = durationParts(ms, smallest);
  if (parts.length === 1 && parts[0]!.value === 0 && smallest !== 'second')
    return `< ${formatUnit(1, smallest, locale)}`;
  return parts.map((p) => formatUnit(p.value, p.unit, locale)).join(' ');
}

/**
 * A span in the largest whole unit, in words, for sentences: "26 days", "5 hours", "12 minutes"; never
 * "0 days" (a span under a day is counted in hours, under an hour in minutes, under a minute is "1 minute").
 */
export function formatSpan(ms: number, locale: string | readonly string[] = 'en-US'): string {
  const part = durationParts(ms, 'minute')[0]!;
  return formatUnit(Math.max(1, part.value), part.unit, locale, 'long');
}

/**
 * An estimated span for sentences, with its "~": the nearest whole unit of the largest unit it
 * reaches, carried up when rounding fills that unit ("~3 hours" for 2 h 58 min, "~1 day" for
 * 23 h 40 min, "~2 days" for 1 day 12 h); never "~0" (under a minute is "~1 minute").
 */
export function formatApproxSpan(ms: number, locale: string | readonly string[] = 'en-US'): string {
  const span = Number.isFinite(ms) ? Math.max(0, ms) : 0;
  const at = UNITS.findIndex(([unit, size]) => unit !== 'second' && span >= size);
  const index = at === -1 ? UNITS.findIndex(([unit]) => unit === 'minute') : at;
  const [smaller, size] = UNITS[index]!;
  const rounded = Math.max(1, Math.round(span / size));
  const larger = UNITS[index - 1];
  const carried = larger !== undefined && rounded * size >= larger[1];
  const unit = carried ? larger[0] : smaller;
  const value = carried ? Math.round((rounded * size) / larger[1]) : rounded;
  return `~${formatUnit(value, unit, locale, 'long')}`;
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/**
 * "12 minutes ago", "in 3 hours", "now", "yesterday", "2 days ago": the instant `now + ms` relative to
 * `now`. Under a day, its largest whole unit counted down like every other span (59 min 50 s ago is
 * "59 minutes ago"). From a day on, calendar days in the user's zone (`style.timeZone`, else the
 * runtime's): "yesterday" is the day before today, so 47 hours ago at 20:00 is "2 days ago" and
 * 25 hours ago is "yesterday"; 24 hours on the same calendar day (a 25-hour DST day) stays in hours.
 * Positive is the future.
 */
export function formatRelative(ms: number, now: number, style: DateStyle): string {
  const key = typeof style.locale === 'string' ? style.locale : style.locale.join(',');
  let format = relativeFormats.get(key);
  if (!format) {
    format = new Intl.RelativeTimeFormat(style.locale as string | string[], { numeric: 'auto' });
    relativeFormats.set(key, format);
  }
  const abs = Number.isFinite(ms) ? Math.abs(ms) : 0;
  const sign = ms < 0 ? -1 : 1;
  if (abs >= DAY_MS) {
    const days = calendarDaysBetween(now, now + sign * abs, style.timeZone);
    if (days !== 0) return format.format(days, 'day');
  }
  const [unit, size] = UNITS.find(([u, s]) => u !== 'day' && abs >= s) ?? UNITS[UNITS.length - 1]!;
  // A whole 0 reads "now" with numeric: 'auto' (and "in 0 seconds" is no one's wording).
  return format.format(sign * Math.floor(abs / size) || 0, unit);
}
