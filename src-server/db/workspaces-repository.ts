import type Database from 'better-sqlite3';
import type { ApiPool, ApiWorkspace } from '../../src-shared/api/workspaces';
import type { Member, PoolKind, Provider, ResetRule } from '../../src-shared/types/ledger';

/** A stored workspace: its internal key (for the other tables) and its API form. */
export interface StoredWorkspace {
  pk: number;
  workspace: ApiWorkspace;
  /** Members that usage was reported for before the lead named them (listed in `workspace.members` by their id). */
  unnamedMembers: { id: string; firstSeenAt: string }[];
}

export interface WorkspacesRepository {
  /**
   * Inserts or replaces a workspace of an account: its pools and named members are replaced whole;
   * members still unnamed (seen in reported usage) are kept unless the new list names them.
   */
  upsert(accountId: number, workspace: ApiWorkspace): number;
  list(accountId: number): StoredWorkspace[];
  find(accountId: number, id: string): StoredWorkspace | undefined;
  /** Adds or renames a member (naming an unnamed one); true when it was new. */
  setMember(workspacePk: number, member: Member): boolean;
  /** Removes a member from the list (its events stay); false when there was none. */
  removeMember(workspacePk: number, memberId: string): boolean;
  /** Lists member ids the workspace does not have yet as unnamed, first seen at `at`; returns those added. */
  registerSeen(workspacePk: number, memberIds: Iterable<string>, at: string): string[];
  /** Deletes a workspace with its pools, members, grants, events and ingest tokens. */
  remove(workspacePk: number): void;
  /** Bumps the workspace's revision (see the store's `changed`). */
  touch(workspacePk: number): void;
  /** How many writes the workspace's records have seen: equal revisions mean equal records. */
  revision(workspacePk: number): number;
}

interface WorkspaceRow {
  pk: number;
  id: string;
  name: string;
  provider: Provider;
  plan: string;
  existing_customer: number;
  thresholds: string | null;
  catalog_version: string | null;
  billing_day: number | null;
}

export function createWorkspacesRepository(db: Database.Database): WorkspacesRepository {
  const upsertRow = db.prepare(`
    INSERT INTO workspaces (account_id, id, name, provider, plan, existing_customer, thresholds, catalog_version, billing_day)
    VALUES (@accountId, @id, @name, @provider, @plan, @existingCustomer, @thresholds, @catalogVersion, @billingDay)
    ON CONFLICT (account_id, id) DO UPDATE SET name = excluded.name, provider = excluded.provider,
      plan = excluded.plan, existing_customer = excluded.existing_customer, thresholds = excluded.thresholds,
      catalog_version = excluded.catalog_version, billing_day = excluded.billing_day
    RETURNING pk`);
  const deletePools = db.prepare('DELETE FROM pools WHERE workspace_pk = ?');
  const insertPool = db.prepare(
    'INSERT INTO pools (workspace_pk, pool, allowance, reset, overage) VALUES (?, ?, ?, ?, ?)',
  );
  const deleteNamedMembers = db.prepare(
    'DELETE FROM members WHERE workspace_pk = ? AND first_seen_at IS NULL',
  );
  const insertMember = db.prepare(
    'INSERT OR REPLACE INTO members (workspace_pk, id, position, name, budget, first_seen_at) VALUES (?, ?, ?, ?, ?, NULL)',
  );
  const nextPosition = db
    .prepare('SELECT coalesce(max(position), -1) + 1 FROM members WHERE workspace_pk = ?')
    .pluck();
  const upsertMember = db.prepare(`
    INSERT INTO members (workspace_pk, id, position, name, budget, first_seen_at) VALUES (?, ?, ?, ?, ?, NULL)
    ON CONFLICT (workspace_pk, id) DO UPDATE SET name = excluded.name, budget = excluded.budget, first_seen_at = NULL`);
  const memberExists = db.prepare('SELECT 1 FROM members WHERE workspace_pk = ? AND id = ?').pluck();
  const deleteMember = db.prepare('DELETE FROM members WHERE workspace_pk = ? AND id = ?');
  const insertSeen = db.prepare(
    'INSERT OR IGNORE INTO members (workspace_pk, id, position, name, budget, first_seen_at) VALUES (?, ?, ?, ?, NULL, ?)',
  );
  const deleteWorkspace = db.prepare('DELETE FROM workspaces WHERE pk = ?');
  const bump = db.prepare('UPDATE workspaces SET revision = revision + 1 WHERE pk = ?');
  const revisionOf = db.prepare('SELECT revision FROM workspaces WHERE pk = ?').pluck();
  const listRows = db.prepare(
    'SELECT pk, id, name, provider, plan, existing_customer, thresholds, catalog_version, billing_day FROM workspaces WHERE account_id = ? ORDER BY pk',
  );
  const findRow = db.prepare(
    'SELECT pk, id, name, provider, plan, existing_customer, thresholds, catalog_version, billing_day FROM workspaces WHERE account_id = ? AND id = ?',
  );
  const poolsOf = db.prepare(
    'SELECT pool, allowance, reset, overage FROM pools WHERE workspace_pk = ? ORDER BY pool',
  );
  // Named members first, in the order the lead gave them; then the unnamed ones as they were seen.
  const membersOf = db.prepare(
    'SELECT id, name, budget, first_seen_at FROM members WHERE workspace_pk = ? ORDER BY first_seen_at IS NOT NULL, position',
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
    const rows = membersOf.all(row.pk) as {
      id: string;
      name: string;
      budget: number | null;
      first_seen_at: string | null;
    }[];
    const members = rows.map((m): Member =>
      m.budget === null ? { id: m.id, name: m.name } : { id: m.id, name: m.name, budget: m.budget },
    );
    const unnamedMembers = rows.flatMap((m) =>
      m.first_seen_at === null ? [] : [{ id: m.id, firstSeenAt: m.first_seen_at }],
    );
    const workspace: ApiWorkspace = {
      id: row.id,
      name: row.name,
      provider: row.provider,
      plan: row.plan,
      existingCustomer: row.existing_customer === 1,
      ...(row.catalog_version !== null ? { catalogVersion: row.catalog_version } : {}),
      ...(row.billing_day !== null ? { billingDay: row.billing_day } : {}),
      pools,
      members,
      ...(row.thresholds !== null ? { thresholds: JSON.parse(row.thresholds) as number[] } : {}),
    };
    return { pk: row.pk, workspace, unnamedMembers };
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
          catalogVersion: ws.catalogVersion ?? null,
          billingDay: ws.billingDay ?? null,
        }) as { pk: number }
      ).pk;
      deletePools.run(pk);
      for (const p of ws.pools)
        insertPool.run(pk, p.pool, p.allowance, JSON.stringify(p.reset), p.overage ? 1 : 0);
      deleteNamedMembers.run(pk);
      ws.members.forEach((m, i) => insertMember.run(pk, m.id, i, m.name, m.budget ?? null));
      return pk;
    },
    list: (accountId) => (listRows.all(accountId) as WorkspaceRow[]).map(hydrate),
    find: (accountId, id) => {
      const row = findRow.get(accountId, id) as WorkspaceRow | undefined;
      return row ? hydrate(row) : undefined;
    },
    setMember: (pk, m) => {
      const isNew = memberExists.get(pk, m.id) === undefined;
      upsertMember.run(pk, m.id, nextPosition.get(pk) as number, m.name, m.budget ?? null);
      return isNew;
    },
    removeMember: (pk, id) => deleteMember.run(pk, id).changes > 0,
    registerSeen: (pk, ids, at) => {
      const added: string[] = [];
      let position = nextPosition.get(pk) as number;
      for (const id of ids) {
        if (insertSeen.run(pk, id, position, id, at).changes > 0) {
          added.push(id);
          position++;
        }
      }
      return added;
    },
    remove: (pk) => {
      deleteWorkspace.run(pk);
    },
    touch: (pk) => {
      bump.run(pk);
    },
    revision: (pk) => (revisionOf.get(pk) as number | undefined) ?? 0,
  };
}
