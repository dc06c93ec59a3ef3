import { comparePoolNames, comparePoolUrgency } from '../../../src-shared/display/pool-state';
import type { PoolCard, WorkspaceCard } from '../../../src-shared/ipc/snapshot';
import { applyPrefs, type OverviewPrefs } from './overview-prefs';

/** One pool of one workspace: a row of the popover's list, a card of the window. */
export interface PoolRow {
  workspace: WorkspaceCard;
  pool: PoolCard;
  workspaceId: string;
}

/** The overview's sort: by urgency (the popover's only order), or by name (the window can choose). */
export type OverviewSort = OverviewPrefs['sort'];

/**
 * Every pool in the overview's order: by urgency (dry, at risk by run-out, then percent used; the
 * tray's order, from src-shared/display) or by name, then the lead's pins on top and hidden
 * workspaces apart.
 */
export function orderedPools(
  workspaces: readonly WorkspaceCard[],
  prefs: Pick<OverviewPrefs, 'pinned' | 'hidden'>,
  sort: OverviewSort,
): { shown: PoolRow[]; hidden: PoolRow[] } {
  const rows = workspaces.flatMap((workspace) =>
    workspace.pools.map((pool): PoolRow => ({ workspace, pool, workspaceId: workspace.id })),
  );
  rows.sort(sort === 'name' ? comparePoolNames : comparePoolUrgency);
  return applyPrefs(rows, prefs);
}
