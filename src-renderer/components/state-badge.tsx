import type { PoolState } from '../../src-shared/ipc/snapshot';
import { StateIcon } from './icons';

/** The words for each pool state, so colour is never the only signal. */
export const STATE_LABEL: Record<PoolState, string> = {
  ok: 'OK',
  warn: 'Past 50%',
  critical: 'Past 90%',
  exhausted: 'Ran dry',
};

/** An icon and a word for a pool's state, coloured by it. */
export function StateBadge({ state }: { state: PoolState }): React.JSX.Element {
  return (
    <span className={`state-badge state-${state}`} data-testid="state-badge" data-state={state}>
      <StateIcon state={state} />
      <span>{STATE_LABEL[state]}</span>
    </span>
  );
}
