import type { ThresholdsInForce } from '../ipc/snapshot';
import { formatWholeCredits } from './credits';
import { formatThresholdPercent } from './percent';

/**
 * How a reached threshold (the engine's percent) reads for a pool: "50,000 credits" where the lead set
 * credit thresholds, else "90%" — never "0.01%" for a credit threshold converted to a percent.
 */
export function thresholdText(
  inForce: Pick<ThresholdsInForce, 'unit' | 'values' | 'percents'> | undefined,
  percent: number,
  locale: string | readonly string[] = 'en-US',
): string {
  if (inForce?.unit === 'credits') {
    const i = inForce.percents.indexOf(percent);
    const credits = i >= 0 ? inForce.values[i] : undefined;
    if (credits !== undefined) return `${formatWholeCredits(credits, locale)} credits`;
  }
  return formatThresholdPercent(percent, locale);
}
