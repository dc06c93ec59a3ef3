/** Items of a keyboard-navigable list carry this attribute; its value names the item (focus targets). */
export const LIST_ITEM = 'data-nav-item';

function items(container: ParentNode): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(`[${LIST_ITEM}]`)];
}

/**
 * Arrow keys through a list: Down/Up (and Right/Left in a grid of cards) to the next or previous
 * item, Home and End to the ends. Returns whether the key was used (the caller prevents the default,
 * so the page does not scroll as well).
 */
export function moveFocusInList(container: ParentNode, key: string, horizontal = false): boolean {
  const all = items(container);
  if (all.length === 0) return false;
  const at = all.findIndex((el) => el === document.activeElement || el.contains(document.activeElement));
  const next =
    key === 'ArrowDown' || (horizontal && key === 'ArrowRight')
      ? at < 0
        ? 0
        : Math.min(all.length - 1, at + 1)
      : key === 'ArrowUp' || (horizontal && key === 'ArrowLeft')
        ? at < 0
          ? 0
          : Math.max(0, at - 1)
        : key === 'Home'
          ? 0
          : key === 'End'
            ? all.length - 1
            : null;
  if (next === null) return false;
  all[next]!.focus();
  return true;
}

/** The item name of a workspace's pool row or card: `<workspaceId>/<pool>`. */
export function poolItemKey(workspaceId: string, pool: string): string {
  return `${workspaceId}/${pool}`;
}

/** Focuses the first item of a workspace (its first pool row); false when none is on screen. */
export function focusWorkspaceItem(container: ParentNode, workspaceId: string): boolean {
  const target = items(container).find((el) => el.getAttribute(LIST_ITEM)?.startsWith(`${workspaceId}/`));
  target?.focus();
  return target !== undefined;
}

/** A keydown handler for a list's container. */
export function listKeyHandler(horizontal = false) {
  return (event: React.KeyboardEvent<HTMLElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (moveFocusInList(event.currentTarget, event.key, horizontal)) event.preventDefault();
  };
}
