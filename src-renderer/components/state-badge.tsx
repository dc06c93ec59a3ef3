import type { PoolCard } from '../../src-shared/ipc/snapshot';
import { cardStateLabel, stateDescription } from '../../src-shared/display/state-label';
import { locales } from './format';
import { StateIcon } from './icons';

type StateFacts = Pick<PoolCard, 'state' | 'balance' | 'level' | 'passedThreshold'> &
  Partial<Pick<PoolCard, 'thresholdsInForce'>>;

/** The state's words, as the tray and notifications say them (src-shared/display/state-label). */
export function poolStateLabel(pool: StateFacts): string {
  return cardStateLabel(pool, locales());
}

/** The state with what stale data last said, for titles and screen readers. */
export function poolStateDescription(pool: StateFacts): string {
  return stateDescription({ state: pool.state, balance: pool.balance, threshold: pool.passedThreshold });
}

/** An icon and a word for a pool's state, coloured by its level, so colour is never the only signal. */
export function StateBadge({ pool }: { pool: StateFacts }): React.JSX.Element {
  return (
    <span
      className={`state-badge level-${pool.level}${pool.state === 'stale' ? ' is-stale' : ''}`}
      data-testid="state-badge"
      data-state={pool.state}
      title={poolStateDescription(pool)}
    >
      <StateIcon state={pool.state} />
      <span>{poolStateLabel(pool)}</span>
    </span>
  );
}
