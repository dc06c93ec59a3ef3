import type { Workspace } from '../../../src-shared/types/ledger';

/** Workspace and member names for the CLI's tables: people and workspaces by name, never by id. */
export interface TableNames {
  workspace(id: string): string;
  member(workspaceId: string, memberId: string): string;
}

/** Names from the workspaces of a ledger or a cache; an unknown id (or an empty name) prints as itself. */
export function tableNames(workspaces: readonly Workspace[]): TableNames {
  const ws = new Map(workspaces.map((w) => [w.id, w]));
  const members = new Map(
    workspaces.map((w) => [w.id, new Map((w.members ?? []).map((m) => [m.id, m.name]))]),
  );
  return {
    workspace: (id) => ws.get(id)?.name || id,
    member: (workspaceId, memberId) => members.get(workspaceId)?.get(memberId) || memberId,
  };
}

/**
 * Workspace names by id as a table prints them (an empty name prints as the id): a name that two
 * workspaces share gets each one's id ("Studio (studio-a)", "Studio (studio-b)"), so that their rows,
 * identical but for the numbers, say which is which.
 */
export function distinctWorkspaceNames(
  workspaces: readonly Pick<Workspace, 'id' | 'name'>[],
): Map<string, string> {
  const nameOf = (w: Pick<Workspace, 'id' | 'name'>) => w.name || w.id;
  const count = new Map<string, number>();
  for (const w of workspaces) count.set(nameOf(w), (count.get(nameOf(w)) ?? 0) + 1);
  return new Map(
    workspaces.map((w) => [w.id, count.get(nameOf(w))! > 1 ? `${nameOf(w)} (${w.id})` : nameOf(w)]),
  );
}
