import type { StateLevel } from '../../src-shared/ipc/snapshot';
import { formatCredits, formatPercent, formatPercentUsed } from './format';

export interface BalanceBarProps {
  /** What the meter is about, e.g. "Zite Pro integration credits". */
  label: string;
  percentUsed: number;
  used: number;
  available: number;
  /** The colour the pool's state is drawn with. */
  level: StateLevel;
  /** The state in words (the badge's), for screen readers. */
  stateText: string;
  /** Threshold marks in percent of available. */
  marks: number[];
}

/** Where a mark sits on the bar, in percent of its width: thresholds past 100 % pin to the end. */
export function markPosition(percent: number): number {
  return Math.min(100, Math.max(0, percent));
}

/** A meter of the pool's use with a tick at every threshold; reached ticks are drawn solid. */
export function BalanceBar({
  label,
  percentUsed,
  used,
  available,
  level,
  stateText,
  marks,
}: BalanceBarProps): React.JSX.Element {
  const fill = Math.min(100, Math.max(0, percentUsed));
  const sorted = [...marks].sort((a, b) => a - b);
  const thresholdText = sorted.length
    ? ` Thresholds at ${sorted.map((m) => formatPercent(m)).join(', ')}.`
    : '';
  return (
    <div
      className={`balance-bar bar-${level}`}
      role="meter"
      aria-label={`${label} used`}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(fill * 100) / 100}
      aria-valuetext={`${formatPercentUsed(percentUsed)} used, ${formatCredits(used)} of ${formatCredits(available)} credits, ${stateText}.${thresholdText}`}
    >
      <div className="balance-bar-fill" style={{ width: `${fill}%` }} />
      {sorted.map((m) => (
        <span
          key={m}
          className={`balance-bar-mark${percentUsed >= m ? ' reached' : ''}`}
          style={{ left: `${markPosition(m)}%` }}
          title={`${formatPercent(m)} threshold`}
          data-testid="threshold-mark"
          data-percent={m}
        />
      ))}
    </div>
  );
}
