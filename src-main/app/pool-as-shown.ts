import { comparePoolUrgency, poolStateOf, type FreshnessFacts } from '../../src-shared/display/pool-state';
import type { PoolStatusJson } from '../../src-shared/engine/status-json';
import type { PoolCard } from '../../src-shared/ipc/snapshot';
import type { Settings } from '../../src-shared/settings/settings';
import type { Workspace } from '../../src-shared/types/ledger';
import { thresholdsInForce } from './threshold-overrides';

/** What a pool's card says of its state: the snapshot's fields, and `creditbar status` reads the same. */
export type PoolShownState = Pick<PoolCard, 'state' | 'balance' | 'level' | 'passedThreshold'> &
  Required<Pick<PoolCard, 'thresholdsInForce'>>;

/**
 * A pool as its card shows it: the state by the one rule (poolStateOf over the engine's numbers and
 * the workspace's freshness) and the thresholds in force that word it. The snapshot's cards and
 * `creditbar status` (table and JSON) both call this, so they cannot drift apart.
 */
export function poolAsShown(
  status: PoolStatusJson,
  freshness: FreshnessFacts,
  settings: Pick<Settings, 'thresholds' | 'poolThresholds'>,
  workspace: Pick<Workspace, 'id' | 'thresholds'>,
): PoolShownState {
  const view = poolStateOf(status, freshness);
  return {
    state: view.state,
    balance: view.balance,
    level: view.level,
    passedThreshold: view.threshold,
    thresholdsInForce: thresholdsInForce(settings, workspace, status.pool, status.allowance),
  };
}

/**
 * Pools in the order the tray, the popover and the overview list them (most urgent first, then by
 * workspace name and pool kind): `nameOf` gives each pool's workspace name as its card shows it.
 */
export function inUrgencyOrder<
  P extends Pick<PoolStatusJson, 'pool' | 'percentUsed' | 'exhaustedAt' | 'forecast'> &
    Pick<PoolShownState, 'balance'>,
>(pools: readonly P[], nameOf: (pool: P) => string): P[] {
  return pools
    .map((pool) => ({ pool, workspace: { name: nameOf(pool) } }))
    .sort(comparePoolUrgency)
    .map(({ pool }) => pool);
}
