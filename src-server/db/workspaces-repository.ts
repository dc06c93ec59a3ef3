import type Database from 'better-sqlite3';
import type { ApiPool, ApiWorkspace } from '../../src-shared/api/workspaces';
import type { Member, PoolKind, Provider, ResetRule } from '../../src-shared/types/ledger';

/** A stored workspace: its internal key (for the other tables) and its API form. */
export interface StoredWorkspace {
  pk: number;
  workspace: ApiWorkspace;
}

export interface WorkspacesRepository {
  /** Inserts or replaces a workspace of an account (its pools and members are replaced whole). */
  upsert(accountId: number, workspace: ApiWorkspace): number;
  list(accountId: number): StoredWorkspace[];
  find(accountId: number, id: string): StoredWorkspace | undefined;
}

interface WorkspaceRow {
  pk: number;
  id: string;
  name: string;
  provider: Provider;
  plan: string;
  existing_customer: number;
  thresholds: string | null;
}

export function createWorkspacesRepository(db: Database.Database): WorkspacesRepository {
  const upsertRow = db.prepare(`
    INSERT INTO workspaces (account_id, id, name, provider, plan, existing_customer, thresholds)
    VALUES (@accountId, @id, @name, @provider, @plan, @existingCustomer, @thresholds)
    ON CONFLICT (account_id, id) DO UPDATE SET name = excluded.name, provider = excluded.provider,
      plan = excluded.plan, existing_customer = excluded.existing_customer, thresholds = excluded.thresholds
    RETURNING pk`);
  const deletePools = db.prepare('DELETE FROM pools WHERE workspace_pk = ?');
  const insertPool = db.prepare(
    'INSERT INTO pools (workspace_pk, pool, allowance, reset, overage) VALUES (?, ?, ?, ?, ?)',
  );
  const deleteMembers = db.prepare('DELETE FROM members WHERE workspace_pk = ?');
  const insertMember = db.prepare(
    'INSERT INTO members (workspace_pk, id, position, name, budget) VALUES (?, ?, ?, ?, ?)',
  );
  const listRows = db.prepare(
    'SELECT pk, id, name, provider, plan, existing_customer, thresholds FROM workspaces WHERE account_id = ? ORDER BY pk',
  );
  const findRow = db.prepare(
    'SELECT pk, id, name, provider, plan, existing_customer, thresholds FROM workspaces WHERE account_id = ? AND id = ?',
  );
  const poolsOf = db.prepare(
    'SELECT pool, allowance, reset, overage FROM pools WHERE workspace_pk = ? ORDER BY pool',
  );
  const membersOf = db.prepare(
    'SELECT id, name, budget FROM members WHERE workspace_pk = ? ORDER BY position',
  );

  const hydrate = (row: WorkspaceRow): StoredWorkspace => {
    const pools = (
      poolsOf.all(row.pk) as { pool: PoolKind; allowance: number; reset: string; overage: number }[]
    ).map((p): ApiPool => ({
      pool: p.pool,
      allowance: p.allowance,
      reset: JSON.parse(p.reset) as ResetRule,
      overage: p.overage === 1,
    }));
    const members = (membersOf.all(row.pk) as { id: string; name: string; budget: number | null }[]).map(
      (m): Member =>
        m.budget === null ? { id: m.id, name: m.name } : { id: m.id, name: m.name, budget: m.budget },
    );
    const workspace: ApiWorkspace = {
      id: row.id,
      name: row.name,
      provider: row.provider,
      plan: row.plan,
      existingCustomer: row.existing_customer === 1,
      pools,
      members,
      ...(row.thresholds !== null ? { thresholds: JSON.parse(row.thresholds) as number[] } : {}),
    };
    return { pk: row.pk, workspace };
  };

  return {
    upsert: (accountId, ws) => {
      const pk = (
        upsertRow.get({
          accountId,
          id: ws.id,
          name: ws.name,
          provider: ws.provider,
          plan: ws.plan,
          existingCustomer: ws.existingCustomer ? 1 : 0,
          thresholds: ws.thresholds ? JSON.stringify(ws.thresholds) : null,
        }) as { pk: number }
      ).pk;
      deletePools.run(pk);
      for (const p of ws.pools)
        insertPool.run(pk, p.pool, p.allowance, JSON.stringify(p.reset), p.overage ? 1 : 0);
      deleteMembers.run(pk);
      ws.members.forEach((m, i) => insertMember.run(pk, m.id, i, m.name, m.budget ?? null));
      return pk;
    },
    list: (accountId) => (listRows.all(accountId) as WorkspaceRow[]).map(hydrate),
    find: (accountId, id) => {
      const row = findRow.get(accountId, id) as WorkspaceRow | undefined;
      return row ? hydrate(row) : undefined;
    },
  };
}
