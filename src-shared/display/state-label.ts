import type { ThresholdsInForce } from '../ipc/snapshot';
import { formatThresholdPercent } from './percent';
import { thresholdText } from './threshold-text';
import type { PoolState, PoolStateView } from './pool-state';

/** The word of each state, the same on the tray menu, the cards and in notifications. */
export const STATE_WORD: Readonly<Record<PoolState, string>> = {
  dry: 'Dry',
  stale: 'Stale',
  'at-risk': 'At risk',
  'past-threshold': 'Past a threshold',
  ok: 'OK',
};

export interface StateLabelOptions {
  locale?: string | readonly string[];
  /** Formats a reached threshold when the lead set thresholds in credits ("50,000 credits"). */
  thresholdText?: (percent: number) => string;
  /** The pool's thresholds in force: credit ones read "Past 50,000 credits", never "Past 0.01%". */
  inForce?: Pick<ThresholdsInForce, 'unit' | 'values' | 'percents'>;
}

/**
 * The short label of a pool's state: "Dry", "At risk", "Past 90%" (or "Past 50,000 credits"), "OK",
 * and "Stale" for data past the stale limit.
 */
export function stateLabel(
  view: Pick<PoolStateView, 'state' | 'threshold'>,
  options: StateLabelOptions = {},
): string {
  if (view.state === 'past-threshold' && view.threshold !== null) {
    const text =
      options.thresholdText ??
      (options.inForce
        ? (p: number) => thresholdText(options.inForce, p, options.locale)
        : (p: number) => formatThresholdPercent(p, options.locale));
    return `Past ${text(view.threshold)}`;
  }
  return STATE_WORD[view.state];
}

/** "Stale data (last known: At risk)": the state with what stale data last said, for titles and screen readers. */
export function stateDescription(
  view: Pick<PoolStateView, 'state' | 'balance' | 'threshold'>,
  options: StateLabelOptions = {},
): string {
  if (view.state !== 'stale') return stateLabel(view, options);
  const last = stateLabel({ state: view.balance, threshold: view.threshold }, options);
  return `Stale data (last known: ${last})`;
}

/** What a card knows of its pool's state (the snapshot's PoolCard, `creditbar status --json`). */
export interface CardStateFacts {
  state: PoolState;
  passedThreshold: number | null;
  thresholdsInForce?: Pick<ThresholdsInForce, 'unit' | 'values' | 'percents'>;
}

/** The card's badge word for a pool: the renderer's badge and `creditbar status` both say this. */
export function cardStateLabel(pool: CardStateFacts, locale: string | readonly string[] = 'en-US'): string {
  return stateLabel(
    { state: pool.state, threshold: pool.passedThreshold },
    { locale, ...(pool.thresholdsInForce ? { inForce: pool.thresholdsInForce } : {}) },
  );
}
