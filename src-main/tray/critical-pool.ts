import type { PoolCard, PoolState, WorkspaceCard } from '../../src-shared/ipc/snapshot';

/** A pool with the workspace it belongs to. */
export interface PoolRef {
  workspace: WorkspaceCard;
  pool: PoolCard;
}

const STATE_RANK: Record<PoolState, number> = { exhausted: 3, critical: 2, warn: 1, ok: 0 };

/** The instant a pool is projected to run dry before its reset, or +Infinity when it is not. */
export function projectedRunOut(pool: PoolCard): number {
  if (pool.forecast.runsOutAt === null) return Number.POSITIVE_INFINITY;
  const runsOut = Date.parse(pool.forecast.runsOutAt);
  const end = Date.parse(pool.periodEnd);
  return Number.isFinite(runsOut) && runsOut < end ? runsOut : Number.POSITIVE_INFINITY;
}

/**
 * Orders pools from most to least critical. The rule: the worse state first (exhausted, then at the
 * critical threshold, then at the warning threshold, then ok), so the badge colour is always the worst
 * one; within a state, the pool projected to run dry soonest; then the highest percent used; then by
 * workspace name and pool kind so the order is stable. State comes before run-out because a pool at
 * 92 % is closer to stopping the apps than one at 60 % that burns fast.
 */
export function comparePoolCriticality(a: PoolRef, b: PoolRef): number {
  return (
    STATE_RANK[b.pool.state] - STATE_RANK[a.pool.state] ||
    compareNumbers(projectedRunOut(a.pool), projectedRunOut(b.pool)) ||
    b.pool.percentUsed - a.pool.percentUsed ||
    a.workspace.name.localeCompare(b.workspace.name) ||
    a.pool.pool.localeCompare(b.pool.pool)
  );
}

function compareNumbers(a: number, b: number): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Every pool of every workspace, most critical first. */
export function poolsByCriticality(workspaces: readonly WorkspaceCard[]): PoolRef[] {
  return workspaces
    .flatMap((workspace) => workspace.pools.map((pool) => ({ workspace, pool })))
    .sort(comparePoolCriticality);
}

/** The pool the tray badge shows, or null when no workspace has a pool yet. */
export function mostCriticalPool(workspaces: readonly WorkspaceCard[]): PoolRef | null {
  return poolsByCriticality(workspaces)[0] ?? null;
}
