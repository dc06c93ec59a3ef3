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
