import { formatWholeCredits } from '../../../src-shared/display/credits';
import { parseLocaleNumberList } from '../../../src-shared/display/locale-number';
import type { ThresholdSetting } from '../../../src-shared/settings/settings';

type Locale = string | readonly string[];

/** The most thresholds one pool takes (the settings schema's limit). */
const MAX_VALUES = 10;

/** Values as the field shows them: "50, 75, 90, 100" or "10,000, 25,000" in the user's locale. */
export function formatThresholdValues(setting: ThresholdSetting, locale: Locale): string {
  const format =
    setting.unit === 'credits'
      ? (v: number) => formatWholeCredits(v, locale)
      : (v: number) =>
          new Intl.NumberFormat(locale as string | string[], { maximumFractionDigits: 2 }).format(v);
  return setting.values.map(format).join(', ');
}

/**
 * Reads the thresholds field of one pool holding `allowance` credits a period: percents in (0, 100];
 * credits whole, in the locale's grouping, at most the pool's size. One sentence when it is wrong.
 */
export function parseThresholdInput(
  unit: ThresholdSetting['unit'],
  text: string,
  allowance: number,
  locale: Locale,
): { ok: true; value: ThresholdSetting } | { ok: false; message: string } {
  const credits = unit === 'credits';
  const parsed = parseLocaleNumberList(text, {
    locale,
    whole: credits,
    grouping: credits,
    what: 'A credit threshold',
  });
  if (!parsed.ok) return parsed;
  const values = [...new Set(parsed.values)].sort((a, b) => a - b);
  if (values.length > MAX_VALUES)
    return { ok: false, message: `Ten thresholds at most: ${values.length} typed.` };
  if (values[0]! <= 0) return { ok: false, message: 'A threshold must be above 0.' };
  const top = values[values.length - 1]!;
  if (!credits && top > 100)
    return { ok: false, message: `A percent threshold is at most 100: ${top} is above it.` };
  if (credits && top > allowance)
    return {
      ok: false,
      message: `A credit threshold can be at most the pool's size, ${formatWholeCredits(allowance, locale)} credits: ${formatWholeCredits(top, locale)} is above it.`,
    };
  return { ok: true, value: { unit, values } as ThresholdSetting };
}

/**
 * The same thresholds in the other unit for a pool of `allowance` credits: 50 % of 1,000,000 is
 * 500,000 credits (rounded to whole credits), 500,000 credits is 50 % (to two decimals, at most 100).
 */
export function convertThresholds(setting: ThresholdSetting, allowance: number): ThresholdSetting {
  if (setting.unit === 'percent')
    return {
      unit: 'credits',
      values: [...new Set(setting.values.map((p) => Math.max(1, Math.round((p / 100) * allowance))))],
    };
  return {
    unit: 'percent',
    values: [
      ...new Set(
        setting.values.map((c) => Math.min(100, Math.max(0.01, Math.round((c / allowance) * 10_000) / 100))),
      ),
    ],
  };
}
