import type { Workspace } from '../types/ledger';

/**
 * Workspace names by id as every surface prints them (an empty name prints as the id): a name that
 * two workspaces share gets each one's id ("Studio (studio-a)", "Studio (studio-b)"), so that their
 * cards, table rows, alert sentences and notifications, identical but for the numbers, say which is
 * which. Ids are unique within a cache (a second account's workspace of a cached id is refused).
 */
export function distinctWorkspaceNames(
  workspaces: readonly Pick<Workspace, 'id' | 'name'>[],
): Map<string, string> {
  const nameOf = (w: Pick<Workspace, 'id' | 'name'>) => w.name || w.id;
  const count = new Map<string, number>();
  const seen = new Set<string>();
  for (const w of workspaces) {
    if (seen.has(w.id)) continue;
    seen.add(w.id);
    count.set(nameOf(w), (count.get(nameOf(w)) ?? 0) + 1);
  }
  return new Map(
    workspaces.map((w) => [w.id, count.get(nameOf(w))! > 1 ? `${nameOf(w)} (${w.id})` : nameOf(w)]),
  );
}
