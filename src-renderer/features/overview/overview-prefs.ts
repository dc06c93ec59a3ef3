import type { Settings } from '../../../src-shared/settings/settings';

/** The overview's shortlist and order, as settings keep them. */
export type OverviewPrefs = Settings['overview'];

/** Pins a workspace to the top (after those pinned before it), or unpins it; a pinned one is shown. */
export function togglePinned(prefs: OverviewPrefs, workspaceId: string): OverviewPrefs {
  if (prefs.pinned.includes(workspaceId))
    return { ...prefs, pinned: prefs.pinned.filter((id) => id !== workspaceId) };
  return {
    ...prefs,
    pinned: [...prefs.pinned, workspaceId],
    hidden: prefs.hidden.filter((id) => id !== workspaceId),
  };
}

/** Hides a workspace from the overview, or shows it again; a hidden one is not pinned. */
export function toggleHidden(prefs: OverviewPrefs, workspaceId: string): OverviewPrefs {
  if (prefs.hidden.includes(workspaceId))
    return { ...prefs, hidden: prefs.hidden.filter((id) => id !== workspaceId) };
  return {
    ...prefs,
    hidden: [...prefs.hidden, workspaceId],
    pinned: prefs.pinned.filter((id) => id !== workspaceId),
  };
}

/**
 * Applies the shortlist to rows already in their order: hidden workspaces leave (listed apart, so
 * they can be shown again), pinned ones come first in the order they were pinned, each keeping its
 * rows' own order; the rest follow as they were.
 */
export function applyPrefs<T extends { workspaceId: string }>(
  rows: readonly T[],
  prefs: Pick<OverviewPrefs, 'pinned' | 'hidden'>,
): { shown: T[]; hidden: T[] } {
  const hidden = new Set(prefs.hidden);
  const pinRank = new Map(prefs.pinned.map((id, i) => [id, i]));
  const visible = rows.filter((r) => !hidden.has(r.workspaceId));
  const pinned = visible
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => pinRank.has(row.workspaceId))
    .sort((a, b) => pinRank.get(a.row.workspaceId)! - pinRank.get(b.row.workspaceId)! || a.index - b.index)
    .map(({ row }) => row);
  return {
    shown: [...pinned, ...visible.filter((r) => !pinRank.has(r.workspaceId))],
    hidden: rows.filter((r) => hidden.has(r.workspaceId)),
  };
}
