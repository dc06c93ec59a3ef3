import type { Snapshot } from '../../src-shared/ipc/snapshot';
import type { Settings } from '../../src-shared/settings/settings';
import type { SyncPolicy } from './scheduler';

/** A pool at or above this percent (and not yet dry) is synced faster. */
export const HOT_PERCENT = 90;

/**
 * The scheduler's policy from the snapshot and settings: the settings interval; hot while a pool is
 * between 90 % and dry (a dry pool cannot change before its reset, so syncing it faster helps no one);
 * the soonest period end, to sync right after a reset.
 */
export function syncPolicyOf(
  snapshot: Snapshot,
  settings: Pick<Settings, 'syncIntervalMinutes'>,
): SyncPolicy {
  const pools = snapshot.workspaces.flatMap((ws) => ws.pools);
  const ends = pools.map((p) => Date.parse(p.periodEnd)).filter(Number.isFinite);
  return {
    intervalMs: settings.syncIntervalMinutes * 60_000,
    hot: pools.some((p) => p.percentUsed >= HOT_PERCENT && p.balance !== 'dry'),
    nextResetAt: ends.length > 0 ? Math.min(...ends) : null,
  };
}
