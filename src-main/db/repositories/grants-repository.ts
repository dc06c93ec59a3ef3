import type { Grant } from '../../../src-shared/types/ledger';
import { parseInstant, toIso, type Millis } from '../../../src-shared/time/instant';
import type { Db } from '../connection';

interface GrantRow {
  id: string;
  pool: Grant['pool'];
  kind: Grant['kind'];
  credits: number;
  granted_at: number;
  expires_at: number | null;
}

function toGrant(workspaceId: string, r: GrantRow): Grant {
  return {
    id: r.id,
    workspaceId,
    pool: r.pool,
    kind: r.kind,
    credits: r.credits,
    grantedAt: toIso(r.granted_at),
    expiresAt: r.expires_at === null ? null : toIso(r.expires_at),
  };
}

export function createGrantReader(db: Db) {
  const forWorkspace = db.prepare<[number], GrantRow>(
    'SELECT id, pool, kind, credits, granted_at, expires_at FROM grants WHERE workspace_key = ? ORDER BY granted_at, id',
  );
  return {
    /** A workspace's grants as ledger records (instants normalised to UTC). */
    forWorkspace: (key: number, workspaceId: string): Grant[] =>
      forWorkspace.all(key).map((r) => toGrant(workspaceId, r)),
  };
}

/** The earliest instant at which two versions of a grant differ in effect. */
function changedFrom(a: GrantRow | undefined, b: GrantRow | undefined): Millis | null {
  if (
    a &&
    b &&
    a.pool === b.pool &&
    a.kind === b.kind &&
    a.credits === b.credits &&
    a.granted_at === b.granted_at &&
    a.expires_at === b.expires_at
  ) {
    return null;
  }
  return Math.min(a?.granted_at ?? Infinity, b?.granted_at ?? Infinity);
}

function toRow(g: Grant): GrantRow {
  return {
    id: g.id,
    pool: g.pool,
    kind: g.kind,
    credits: g.credits,
    granted_at: parseInstant(g.grantedAt),
    expires_at: g.expiresAt ? parseInstant(g.expiresAt) : null,
  };
}

/** For each pool, the earliest instant whose balances a grant change affects. */
export type ChangedFrom = Map<Grant['pool'], Millis>;

function note(changed: ChangedFrom, pool: Grant['pool'], t: Millis | null): void {
  if (t !== null) changed.set(pool, Math.min(changed.get(pool) ?? Infinity, t));
}

export function createGrantWriter(db: Db) {
  const current = db.prepare<[number], GrantRow>(
    'SELECT id, pool, kind, credits, granted_at, expires_at FROM grants WHERE workspace_key = ?',
  );
  const upsert = db.prepare<[number, string, string, string, number, number, number | null]>(
    `INSERT INTO grants (workspace_key, id, pool, kind, credits, granted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (workspace_key, id) DO UPDATE SET pool = excluded.pool, kind = excluded.kind, credits = excluded.credits,
       granted_at = excluded.granted_at, expires_at = excluded.expires_at`,
  );
  const remove = db.prepare<[number, string]>('DELETE FROM grants WHERE workspace_key = ? AND id = ?');

  const write = (key: number, grants: readonly Grant[], replace: boolean): ChangedFrom => {
    const before = new Map(current.all(key).map((r) => [r.id, r]));
    const changed: ChangedFrom = new Map();
    for (const g of grants) {
      const row = toRow(g);
      const old = before.get(g.id);
      before.delete(g.id);
      note(changed, row.pool, changedFrom(old, row));
      if (old && old.pool !== row.pool) note(changed, old.pool, old.granted_at);
      upsert.run(key, row.id, row.pool, row.kind, row.credits, row.granted_at, row.expires_at);
    }
    if (replace) {
      for (const old of before.values()) {
        remove.run(key, old.id);
        note(changed, old.pool, old.granted_at);
      }
    }
    return changed;
  };
  return {
    /** Makes the workspace's grants exactly `grants` (what the server lists); returns what changed. */
    replaceAll: (key: number, grants: readonly Grant[]): ChangedFrom => write(key, grants, true),
    /** Adds or updates grants, keeping the others (ledger import); returns what changed. */
    merge: (key: number, grants: readonly Grant[]): ChangedFrom => write(key, grants, false),
  };
}
