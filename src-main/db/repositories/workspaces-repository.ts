import type { PoolConfig, ResetRule, Workspace } from '../../../src-shared/types/ledger';
import type { Db } from '../connection';

/** Where a cached workspace came from: an account API, a ledger file, or added by hand (readings). */
export type WorkspaceOrigin = 'sync' | 'ledger' | 'manual';

/** A cached workspace: its integer key inside the cache, its account and its ledger-shaped config. */
export interface CachedWorkspace {
  key: number;
  accountId: string;
  origin: WorkspaceOrigin;
  workspace: Workspace;
}

interface WorkspaceRow {
  key: number;
  id: string;
  account_id: string;
  name: string;
  provider: Workspace['provider'];
  plan: string;
  existing_customer: number | null;
  pools_declared: number;
  thresholds_declared: number;
  origin: WorkspaceOrigin | null;
  catalog_version: string | null;
  billing_day: number | null;
  server_url: string | null;
}
interface PoolRow {
  workspace_key: number;
  pool: PoolConfig['pool'];
  allowance: number | null;
  reset: string | null;
  overage: number | null;
}
interface MemberRow {
  workspace_key: number;
  id: string;
  name: string;
  budget: number | null;
}
interface ThresholdRow {
  workspace_key: number;
  percent: number;
}

function group<T extends { workspace_key: number }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const r of rows) {
    const list = map.get(r.workspace_key);
    if (list) list.push(r);
    else map.set(r.workspace_key, [r]);
  }
  return map;
}

export function createWorkspaceReader(db: Db) {
  const all = db.prepare<[], WorkspaceRow>(
    'SELECT w.*, a.server_url FROM workspaces w JOIN accounts a ON a.id = w.account_id ORDER BY w.key',
  );
  const pools = db.prepare<[], PoolRow>(
    'SELECT workspace_key, pool, allowance, reset, overage FROM pools ORDER BY workspace_key, position',
  );
  const members = db.prepare<[], MemberRow>(
    'SELECT workspace_key, id, name, budget FROM members ORDER BY workspace_key, position',
  );
  const thresholds = db.prepare<[], ThresholdRow>(
    'SELECT workspace_key, percent FROM thresholds ORDER BY workspace_key, percent',
  );
  // One workspace by key (a sync's upsert, byId): its rows only, not every workspace's.
  const one = db.prepare<[number], WorkspaceRow>(
    'SELECT w.*, a.server_url FROM workspaces w JOIN accounts a ON a.id = w.account_id WHERE w.key = ?',
  );
  const poolsOf = db.prepare<[number], PoolRow>(
    'SELECT workspace_key, pool, allowance, reset, overage FROM pools WHERE workspace_key = ? ORDER BY position',
  );
  const membersOf = db.prepare<[number], MemberRow>(
    'SELECT workspace_key, id, name, budget FROM members WHERE workspace_key = ? ORDER BY position',
  );
  const thresholdsOf = db.prepare<[number], ThresholdRow>(
    'SELECT workspace_key, percent FROM thresholds WHERE workspace_key = ? ORDER BY percent',
  );
  const keyOf = db.prepare<[string], { key: number }>('SELECT key FROM workspaces WHERE id = ?');

  const build = (
    r: WorkspaceRow,
    poolRows: readonly PoolRow[] | undefined,
    memberRows: readonly MemberRow[] | undefined,
    thresholdRows: readonly ThresholdRow[] | undefined,
  ): CachedWorkspace => {
    const ws: Workspace = { id: r.id, name: r.name, provider: r.provider, plan: r.plan };
    if (r.existing_customer !== null) ws.existingCustomer = r.existing_customer === 1;
    if (r.catalog_version !== null) ws.catalogVersion = r.catalog_version;
    if (r.billing_day !== null) ws.billingDay = r.billing_day;
    if (r.pools_declared) {
      ws.pools = (poolRows ?? []).map((p) => {
        const config: PoolConfig = { pool: p.pool };
        if (p.allowance !== null) config.allowance = p.allowance;
        if (p.reset !== null) config.reset = JSON.parse(p.reset) as ResetRule;
        if (p.overage !== null) config.overage = p.overage === 1;
        return config;
      });
    }
    if (memberRows && memberRows.length > 0)
      ws.members = memberRows.map((m) =>
        m.budget === null ? { id: m.id, name: m.name } : { id: m.id, name: m.name, budget: m.budget },
      );
    if (r.thresholds_declared) ws.thresholds = (thresholdRows ?? []).map((t) => t.percent);
    // Rows cached before origins were recorded: an account with a server synced them.
    const origin = r.origin ?? (r.server_url !== null ? 'sync' : 'ledger');
    return { key: r.key, accountId: r.account_id, origin, workspace: ws };
  };

  const list = (): CachedWorkspace[] => {
    const poolsBy = group(pools.all());
    const membersBy = group(members.all());
    const thresholdsBy = group(thresholds.all());
    return all.all().map((r) => build(r, poolsBy.get(r.key), membersBy.get(r.key), thresholdsBy.get(r.key)));
  };
  const byKey = (key: number): CachedWorkspace | null => {
    const r = one.get(key);
    return r ? build(r, poolsOf.all(key), membersOf.all(key), thresholdsOf.all(key)) : null;
  };
  return {
    /** Every cached workspace, in the order they were first cached. */
    list,
    byKey,
    byId: (id: string): CachedWorkspace | null => {
      const found = keyOf.get(id);
      return found ? byKey(found.key) : null;
    },
    ofAccount: (accountId: string): CachedWorkspace[] => list().filter((w) => w.accountId === accountId),
  };
}

/** The workspace's id is already cached for another account: the cache keys workspaces by id. */
export class WorkspaceOwnerError extends Error {
  constructor(
    readonly workspaceId: string,
    readonly owner: string,
  ) {
    super(
      `workspace "${workspaceId}" is already cached for account "${owner}": use a separate cache file for this account`,
    );
    this.name = 'WorkspaceOwnerError';
  }
}

/** Normalised config, to tell whether a sync changed anything that alters past balances. */
function configKey(ws: Workspace): string {
  return JSON.stringify([
    ws.provider,
    ws.plan,
    ws.existingCustomer ?? null,
    ws.pools ?? null,
    // Stored ascending and once each: thresholds sent in another order are the same config.
    ws.thresholds ? [...new Set(ws.thresholds)].sort((x, y) => x - y) : null,
    ws.catalogVersion ?? null,
    ws.billingDay ?? null,
  ]);
}

export function createWorkspaceWriter(db: Db) {
  const reader = createWorkspaceReader(db);
  const owner = db.prepare<[string], { key: number; account_id: string }>(
    'SELECT key, account_id FROM workspaces WHERE id = ?',
  );
  type Columns = [
    string,
    string,
    string,
    number | null,
    number,
    number,
    string | null,
    number | null,
    number,
  ];
  const insert = db.prepare<[string, string, ...Columns, string]>(
    `INSERT INTO workspaces (id, account_id, name, provider, plan, existing_customer, pools_declared, thresholds_declared,
       catalog_version, billing_day, updated_at, origin)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // A workspace keeps the origin it was first cached with (a manual one exported and imported stays manual).
  const update = db.prepare<[...Columns, string | null, number]>(
    `UPDATE workspaces SET name = ?, provider = ?, plan = ?, existing_customer = ?, pools_declared = ?, thresholds_declared = ?,
       catalog_version = ?, billing_day = ?, updated_at = ?, origin = coalesce(origin, ?)
     WHERE key = ?`,
  );
  const clearPools = db.prepare<[number]>('DELETE FROM pools WHERE workspace_key = ?');
  const clearMembers = db.prepare<[number]>('DELETE FROM members WHERE workspace_key = ?');
  const clearThresholds = db.prepare<[number]>('DELETE FROM thresholds WHERE workspace_key = ?');
  const insertPool = db.prepare<[number, string, number, number | null, string | null, number | null]>(
    'INSERT INTO pools (workspace_key, pool, position, allowance, reset, overage) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertMember = db.prepare<[number, string, number, string, number | null]>(
    'INSERT OR REPLACE INTO members (workspace_key, id, position, name, budget) VALUES (?, ?, ?, ?, ?)',
  );
  const insertThreshold = db.prepare<[number, number]>(
    'INSERT OR IGNORE INTO thresholds (workspace_key, percent) VALUES (?, ?)',
  );
  const remove = db.prepare<[number]>('DELETE FROM workspaces WHERE key = ?');

  /**
   * Stores a workspace's config (replacing pools, members and thresholds). Returns its key and
   * whether anything that changes past balances (plan, pools, thresholds ...) differs from before.
   */
  const upsert = (
    accountId: string,
    ws: Workspace,
    now: number,
    origin: WorkspaceOrigin | null = null,
  ): { key: number; configChanged: boolean } => {
    const existing = owner.get(ws.id);
    if (existing && existing.account_id !== accountId)
      throw new WorkspaceOwnerError(ws.id, existing.account_id);
    const before = existing ? reader.byKey(existing.key) : null;
    const existingCustomer = ws.existingCustomer === undefined ? null : ws.existingCustomer ? 1 : 0;
    const poolsDeclared = ws.pools ? 1 : 0;
    const thresholdsDeclared = ws.thresholds ? 1 : 0;
    const columns: Columns = [
      ws.name,
      ws.provider,
      ws.plan,
      existingCustomer,
      poolsDeclared,
      thresholdsDeclared,
      ws.catalogVersion ?? null,
      ws.billingDay ?? null,
      now,
    ];
    let key: number;
    if (existing) {
      key = existing.key;
      update.run(...columns, origin, key);
    } else {
      key = Number(insert.run(ws.id, accountId, ...columns, origin ?? 'ledger').lastInsertRowid);
    }
    clearPools.run(key);
    clearMembers.run(key);
    clearThresholds.run(key);
    (ws.pools ?? []).forEach((p, i) =>
      insertPool.run(
        key,
        p.pool,
        i,
        p.allowance ?? null,
        p.reset ? JSON.stringify(p.reset) : null,
        p.overage === undefined ? null : p.overage ? 1 : 0,
      ),
    );
    (ws.members ?? []).forEach((m, i) => insertMember.run(key, m.id, i, m.name, m.budget ?? null));
    for (const t of ws.thresholds ?? []) insertThreshold.run(key, t);
    const budgetsKey = (w: Workspace) =>
      JSON.stringify((w.members ?? []).map((m) => [m.id, m.budget ?? null]));
    const configChanged =
      !before ||
      configKey(before.workspace) !== configKey(ws) ||
      budgetsKey(before.workspace) !== budgetsKey(ws);
    return { key, configChanged };
  };
  return {
    upsert,
    /** Removes a workspace and everything cached for it. */
    remove: (key: number): void => void remove.run(key),
  };
}
