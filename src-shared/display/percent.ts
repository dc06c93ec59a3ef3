/**
 * The one rounding rule for percent used, on every surface that shows one (cards, tray title, tooltip
 * and menu, notifications, the alert centre, history, the CLI's tables): rounded DOWN to one decimal,
 * 49.98 reads "49.9%". Rounding down never shows a threshold as passed before the engine says it is
 * (49.98 is not "50%" while the pool is still under its 50 % mark, 99.96 is not "100%" while credits
 * are left), and it agrees with the bar, which fills to the exact value. Where only digits fit (the
 * tray badge) the same rule keeps whole percents: 49. JSON keeps the engine's two decimals.
 */

/** Absorbs float noise of values that are exact to two decimals (57.3 * 10 = 572.9999...). */
const NOISE = 1e-6;

const formats = new Map<string, Intl.NumberFormat>();

/** Percent to a tenth in the locale's style; `signed` adds "+" (and keeps "0%" unsigned). */
function percentFormat(locale: string | readonly string[], signed = false): Intl.NumberFormat {
  const key = `${signed ? '±' : ''}${typeof locale === 'string' ? locale : locale.join(',')}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale as string | string[], {
      style: 'percent',
      maximumFractionDigits: 1,
      ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
    });
    formats.set(key, format);
  }
  return format;
}

/** Percent used as shown: rounded down to one decimal; 0 for anything not a positive number. */
export function shownPercent(percent: number): number {
  if (!Number.isFinite(percent) || percent <= 0) return 0;
  return Math.floor(percent * 10 + NOISE) / 10;
}

/** Percent used where only whole digits fit (the tray badge): rounded down, 89.97 is 89. */
export function wholePercent(percent: number): number {
  return Math.floor(shownPercent(percent));
}

/** "49.9%", "50%", "100%" in the locale's style (de: "49,9 %"). */
export function formatPercentUsed(percent: number, locale: string | readonly string[] = 'en-US'): string {
  return percentFormat(locale).format(shownPercent(percent) / 100);
}

/** A percent that is a setting, not a measurement (a threshold): exact, up to two decimals ("75%", "0.5%"). */
export function formatThresholdPercent(
  percent: number,
  locale: string | readonly string[] = 'en-US',
): string {
  return new Intl.NumberFormat(locale as string | string[], {
    style: 'percent',
    maximumFractionDigits: 2,
  }).format(percent / 100);
}

/**
 * A change against another period (history's "Change" column and review, `creditbar report`):
 * signed, to the nearest tenth, no trailing zero: "+2.1%", "-32%", "0%". A difference, not a
 * level, so it is not rounded down like percent used.
 */
export function formatChangePercent(percent: number, locale: string | readonly string[] = 'en-US'): string {
  return percentFormat(locale, true).format(percent / 100);
}
