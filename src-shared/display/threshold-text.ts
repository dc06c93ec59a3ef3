import type { ThresholdsInForce } from '../ipc/snapshot';
import { formatCreditsPhrase, formatWholeCredits } from './credits';
import { formatThresholdPercent } from './percent';

type InForce = Pick<ThresholdsInForce, 'unit' | 'values' | 'percents'>;

/** The credits a reached threshold (the engine's percent) stands for, where the lead set credits; else null. */
export function reachedCredits(inForce: InForce | undefined, percent: number): number | null {
  if (inForce?.unit !== 'credits') return null;
  const i = inForce.percents.indexOf(percent);
  return i >= 0 ? (inForce.values[i] ?? null) : null;
}

/**
 * How a reached threshold (the engine's percent) reads for a pool: "50,000 credits" where the lead set
 * credit thresholds, else "90%" — never "0.01%" for a credit threshold converted to a percent.
 */
export function thresholdText(
  inForce: InForce | undefined,
  percent: number,
  locale: string | readonly string[] = 'en-US',
): string {
  const credits = reachedCredits(inForce, percent);
  if (credits !== null) return formatCreditsPhrase(credits, locale, formatWholeCredits);
  return formatThresholdPercent(percent, locale);
}
