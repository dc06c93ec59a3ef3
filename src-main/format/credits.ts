const formats = new Map<string, Intl.NumberFormat>();

/** Credits for short texts: whole numbers from 100 up, at most two decimals below (LLM calls cost fractions). */
export function formatCredits(value: number, locale = 'en-US'): string {
  const digits = Math.abs(value) >= 100 ? 0 : 2;
  const key = `${locale}|${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format.format(value);
}

/** A percent used as the badge and the menu show it: rounded down, so 89.7 % never reads as 90 %. */
export function wholePercent(percent: number): number {
  if (!Number.isFinite(percent) || percent <= 0) return 0;
  return Math.floor(percent);
}
