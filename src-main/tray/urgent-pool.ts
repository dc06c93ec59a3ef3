import { comparePoolUrgency } from '../../src-shared/display/pool-state';
import type { PoolCard, WorkspaceCard } from '../../src-shared/ipc/snapshot';

/** A pool with the workspace it belongs to. */
export interface PoolRef {
  workspace: WorkspaceCard;
  pool: PoolCard;
}

/**
 * Orders pools from most to least urgent by the shared urgency order (src-shared/display/pool-state:
 * dry, then at risk by run-out, then by percent used), then by workspace name and pool kind so the
 * order is stable; the popover's list uses the same function.
 */
export { comparePoolUrgency };

/** Every pool of every workspace, most urgent first. */
export function poolsByUrgency(workspaces: readonly WorkspaceCard[]): PoolRef[] {
  return workspaces
    .flatMap((workspace) => workspace.pools.map((pool) => ({ workspace, pool })))
    .sort(comparePoolUrgency);
}

/** The pool the tray badge shows, or null when no workspace has a pool yet. */
export function mostUrgentPool(workspaces: readonly WorkspaceCard[]): PoolRef | null {
  return poolsByUrgency(workspaces)[0] ?? null;
}
