/**
 * Numbers, dates and durations in the user's locale and time zone, through the shared rules of
 * src-shared/display (the tray, notifications and CLI use the same ones). navigator.languages is the
 * locale the app runs in (Electron's app locale, the browser's in browser mode, en-US under jsdom),
 * so tests are stable.
 */
import * as credits from '../../src-shared/display/credits';
import * as dates from '../../src-shared/display/dates';
import * as duration from '../../src-shared/display/duration';
import * as percent from '../../src-shared/display/percent';

const cache = new Map<string, Intl.NumberFormat>();

/** The user's locales (navigator.languages; en-US where there are none, as under jsdom). */
export function locales(): readonly string[] {
  return typeof navigator !== 'undefined' && navigator.languages?.length ? navigator.languages : ['en-US'];
}

/** The zone the app writes dates in (the snapshot's `timeZone`), or undefined for the runtime's own. */
let displayZone: string | undefined;

/**
 * Sets the zone every date of the renderer is written in: the store calls it with each snapshot's
 * `timeZone`, the one the main process words alert sentences and notifications in.
 */
export function setDisplayZone(zone: string | undefined): void {
  displayZone = zone;
}

/** The renderer's date style: the user's locale, the app's zone (the snapshot's; else the runtime's own). */
export function dateStyle(): dates.DateStyle {
  return { locale: locales(), ...(displayZone ? { timeZone: displayZone } : {}) };
}

function memo<T extends Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return memo(`n:${JSON.stringify(options)}`, () => new Intl.NumberFormat(locales(), options));
}

/** Whole credits, rounded to the nearest (a projection's label: "414", never "414.1"). */
export function formatWholeCredits(value: number): string {
  return credits.formatWholeCredits(value, locales());
}

/** Credits: whole from 100 up, up to two decimals below (the shared rule). */
export function formatCredits(value: number): string {
  return credits.formatCredits(value, locales());
}

/** Credits with their noun: "1 credit", "12 credits". */
export function formatCreditsPhrase(value: number): string {
  return credits.formatCreditsPhrase(value, locales());
}

export function formatSignedCredits(value: number): string {
  return credits.formatSignedCredits(value, locales());
}

/** Large credit counts on chart axes: 1.2K, 3M. */
export function formatCompact(value: number): string {
  return numberFormat({ notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** A threshold (a setting, exact to two decimals): "75%". */
export function formatPercent(value: number): string {
  return percent.formatThresholdPercent(value, locales());
}

/** A share of a total (a breakdown's slice), in whole percent: "52%". Not a percent used. */
export function formatShare(value: number): string {
  return numberFormat({ style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
}

/** A percent used, by the one rule: rounded down to a tenth, 49.98 reads "49.9%". */
export function formatPercentUsed(value: number): string {
  return percent.formatPercentUsed(value, locales());
}

/** A signed change: "+12%" / "−4%". */
export function formatSignedPercent(value: number): string {
  return percent.formatChangePercent(value, locales());
}

/** "Nov 23" / "23 Nov" in the user's zone. */
export function formatDay(iso: string | number): string {
  return dates.formatDay(iso, dateStyle());
}

/** A UTC calendar day key (`YYYY-MM-DD`), shown without shifting it into the local zone. */
export function formatDayKey(day: string): string {
  return dates.formatDayKey(day, dateStyle());
}

/** "Nov 23, 2:05 PM" / "23 Nov, 14:05" in the user's zone. */
export function formatDateTime(iso: string | number): string {
  return dates.formatDateTime(iso, dateStyle());
}

/** "2:05 PM" / "14:05". */
export function formatTime(iso: string | number): string {
  return dates.formatTime(iso, dateStyle());
}

/** A `YYYY-MM` month as "November 2026" (the month is a UTC calendar month). */
export function formatMonth(period: string): string {
  return dates.formatMonth(period, dateStyle());
}

/**
 * "12 minutes ago", "in 3 hours", "yesterday": `seconds` from `now`, by the shared rule (under a day
 * the largest whole unit counted down, from a day on calendar days in the user's zone).
 */
export function formatRelative(seconds: number, now: number): string {
  return duration.formatRelative(seconds * 1000, now, dateStyle());
}

/** A countdown, "9d 4h", by the shared rule (whole units counted down); `smallest` stops at minutes for texts that do not tick every second. */
export function formatDuration(ms: number, smallest: duration.DurationUnit = 'second'): string {
  return duration.formatDuration(ms, locales(), smallest);
}

/** An estimated span with its "~", to the nearest unit: "~3 hours" for 2 h 58 min (a projection's). */
export function formatApproxSpan(ms: number): string {
  return duration.formatApproxSpan(ms, locales());
}

/** A span in words for sentences, counted down: "26 days", "5 hours" (never "0 days"). */
export function formatSpan(ms: number): string {
  return duration.formatSpan(ms, locales());
}
