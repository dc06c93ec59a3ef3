import type { PoolCard, WorkspaceCard } from '../../src-shared/ipc/snapshot';

/** Who and what used the most of a pool this period (ties by name), or null where nothing was charged. */
export interface TopSpenders {
  member: { id: string; name: string; credits: number } | null;
  action: { name: string; credits: number } | null;
}

function topEntry(breakdown: Record<string, number>): [string, number] | null {
  // The engine's breakdowns are sorted largest first; sort again so this never depends on it.
  const entries = Object.entries(breakdown).filter(([, credits]) => credits > 0);
  entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries[0] ?? null;
}

/** The top member (by name where the workspace knows it) and the top action of a pool's period. */
export function topSpenders(
  ws: Pick<WorkspaceCard, 'members'>,
  pool: Pick<PoolCard, 'byMember' | 'byAction'>,
): TopSpenders {
  const member = topEntry(pool.byMember);
  const action = topEntry(pool.byAction);
  const names = new Map(ws.members.map((m) => [m.id, m.name]));
  return {
    member: member ? { id: member[0], name: names.get(member[0]) || member[0], credits: member[1] } : null,
    action: action ? { name: action[0], credits: action[1] } : null,
  };
}
