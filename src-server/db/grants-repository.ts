import type Database from 'better-sqlite3';
import type { Grant, GrantKind, PoolKind } from '../../src-shared/types/ledger';

export interface GrantsRepository {
  /** Inserts or replaces grants by id: a grant is a fact the platform may correct. */
  upsert(workspacePk: number, grants: readonly Grant[]): void;
  list(workspacePk: number, workspaceId: string): Grant[];
  /** Deletes one grant by id; false when there was none. */
  remove(workspacePk: number, id: string): boolean;
}

interface GrantRow {
  id: string;
  pool: PoolKind;
  kind: GrantKind;
  credits: number;
  granted_at: string;
  expires_at: string | null;
}

export function createGrantsRepository(db: Database.Database): GrantsRepository {
  const upsertRow = db.prepare(`
    INSERT INTO grants (workspace_pk, id, pool, kind, credits, granted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (workspace_pk, id) DO UPDATE SET pool = excluded.pool, kind = excluded.kind, credits = excluded.credits,
      granted_at = excluded.granted_at, expires_at = excluded.expires_at`);
  const listRows = db.prepare(
    'SELECT id, pool, kind, credits, granted_at, expires_at FROM grants WHERE workspace_pk = ? ORDER BY seq',
  );
  const deleteRow = db.prepare('DELETE FROM grants WHERE workspace_pk = ? AND id = ?');
  return {
    remove: (pk, id) => deleteRow.run(pk, id).changes > 0,
    upsert: (pk, grants) => {
      for (const g of grants)
        upsertRow.run(pk, g.id, g.pool, g.kind, g.credits, g.grantedAt, g.expiresAt ?? null);
    },
    list: (pk, workspaceId) =>
      (listRows.all(pk) as GrantRow[]).map((r) => ({
        id: r.id,
        workspaceId,
        pool: r.pool,
        kind: r.kind,
        credits: r.credits,
        grantedAt: r.granted_at,
        expiresAt: r.expires_at,
      })),
  };
}
