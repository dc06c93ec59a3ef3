/**
 * Numbers, dates and durations in the user's locale. navigator.languages is the locale the app runs
 * in (Electron's app locale, the browser's in browser mode, en-US under jsdom), so tests are stable.
 */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function locales(): readonly string[] {
  return typeof navigator !== 'undefined' && navigator.languages?.length ? navigator.languages : ['en-US'];
}

function memo<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
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

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return memo(`d:${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locales(), options));
}

/** Credits: whole numbers with grouping, up to two decimals when a price was fractional. */
export function formatCredits(credits: number): string {
  return numberFormat({ maximumFractionDigits: 2 }).format(credits);
}

/** Large credit counts on chart axes: 1.2K, 3M. */
export function formatCompact(credits: number): string {
  return numberFormat({ notation: 'compact', maximumFractionDigits: 1 }).format(credits);
}

/** A percent given as 0-100 (the engine's unit), e.g. 62.5 → "62.5%". */
export function formatPercent(percent: number, maximumFractionDigits = 1): string {
  return numberFormat({ style: 'percent', maximumFractionDigits }).format(percent / 100);
}

/**
 * A percent used, rounded down to a tenth: 49.98 reads "49.9%", never "50%" while the pool is still
 * under its 50 % mark (the badge and the tray round down the same way).
 */
export function formatPercentUsed(percent: number): string {
  return formatPercent(Math.floor(percent * 10 + 1e-9) / 10);
}

/** A signed change: "+12%" / "−4%". */
export function formatSignedPercent(percent: number): string {
  return numberFormat({ style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(
    percent / 100,
  );
}

export function formatSignedCredits(credits: number): string {
  return numberFormat({ maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(credits);
}

/** "23 Nov" (order and month name per locale). */
export function formatDay(iso: string | number): string {
  return dateFormat({ day: 'numeric', month: 'short' }).format(new Date(iso));
}

/** A UTC calendar day key (`YYYY-MM-DD`), shown without shifting it into the local zone. */
export function formatDayKey(day: string): string {
  return dateFormat({ day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** "23 Nov, 14:05" in the user's zone. */
export function formatDateTime(iso: string | number): string {
  return dateFormat({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

/** "14:05". */
export function formatTime(iso: string | number): string {
  return dateFormat({ hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** A `YYYY-MM` month as "November 2026" (the month is a UTC calendar month). */
export function formatMonth(period: string): string {
  return dateFormat({ month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${period}-01T00:00:00Z`),
  );
}

/** "12 minutes ago", "in 3 hours": the largest unit that fits. */
export function formatRelative(seconds: number): string {
  const rtf = memo('r', () => new Intl.RelativeTimeFormat(locales(), { numeric: 'auto' }));
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(Math.round(seconds), 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86_400), 'day');
}

/** One unit of a duration, e.g. "9d" / "4h" (narrow, per locale). */
export function formatUnit(value: number, unit: 'day' | 'hour' | 'minute' | 'second'): string {
  return numberFormat({ style: 'unit', unit, unitDisplay: 'narrow' }).format(value);
}

/** "8 days", "5 hours" (long unit names per locale). */
export function formatLongUnit(value: number, unit: 'day' | 'hour'): string {
  return numberFormat({ style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 0 }).format(value);
}
