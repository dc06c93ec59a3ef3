import type { AlertDelivery, RaisedAlertStore } from '../../alerts/raised-alert-store';
import type { RaisedAlert } from '../../../src-shared/ipc/snapshot';
import { parseInstant, toIso, type Millis } from '../../../src-shared/time/instant';
import type { Db } from '../connection';

interface Row {
  key: string;
  kind: RaisedAlert['kind'];
  workspace_id: string;
  pool: RaisedAlert['pool'];
  percent: number | null;
  at: number;
  raised_at: number;
  message: string;
  delivery: AlertDelivery;
  account_id: string | null;
  workspace_name: string | null;
  acknowledged_at: number | null;
}

const toAlert = (r: Row): RaisedAlert => ({
  key: r.key,
  kind: r.kind,
  workspaceId: r.workspace_id,
  pool: r.pool,
  percent: r.percent,
  at: toIso(r.at),
  raisedAt: toIso(r.raised_at),
  message: r.message,
  delivery: r.delivery,
  accountId: r.account_id,
  workspaceName: r.workspace_name,
  acknowledgedAt: r.acknowledged_at === null ? null : toIso(r.acknowledged_at),
});

/** SQLite has no unlimited LIMIT but -1. */
const NO_LIMIT = -1;

/**
 * The columns to read: a cache of an older schema (a damaged copy read for its alerts, before
 * migration 7) has no account, workspace name or acknowledgement; they read as null.
 */
function columns(db: Db): string {
  const have = new Set((db.pragma('table_info(raised_alerts)') as { name: string }[]).map((c) => c.name));
  const opt = (name: string) => (have.has(name) ? name : `NULL AS ${name}`);
  return [
    'key, kind, workspace_id, pool, percent, at, raised_at, message, delivery',
    opt('account_id'),
    opt('workspace_name'),
    opt('acknowledged_at'),
  ].join(', ');
}

export function createRaisedAlertReader(db: Db) {
  const cols = columns(db);
  const has = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM raised_alerts WHERE key = ?');
  const list = db.prepare<[number], Row>(
    `SELECT ${cols} FROM raised_alerts ORDER BY raised_at DESC, key LIMIT ?`,
  );
  const listOf = db.prepare<[string, number], Row>(
    `SELECT ${cols} FROM raised_alerts WHERE delivery = ? ORDER BY raised_at DESC, key LIMIT ?`,
  );
  const open = cols.includes('NULL AS acknowledged_at')
    ? null
    : db.prepare<[], { n: number }>('SELECT count(*) AS n FROM raised_alerts WHERE acknowledged_at IS NULL');
  const ofAccount = cols.includes('NULL AS account_id')
    ? null
    : db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM raised_alerts WHERE account_id = ?');
  return {
    has: (key: string): boolean => has.get(key) !== undefined,
    list(query: { delivery?: AlertDelivery; limit?: number } = {}): RaisedAlert[] {
      const limit = query.limit === undefined ? NO_LIMIT : Math.max(0, Math.floor(query.limit));
      const rows = query.delivery === undefined ? list.all(limit) : listOf.all(query.delivery, limit);
      return rows.map(toAlert);
    },
    /** Alerts the lead has not acknowledged yet: the alert centre's count. */
    unacknowledged: (): number => open?.get()?.n ?? 0,
    /** Alerts of one account (what its removal takes with it). */
    countOfAccount: (accountId: string): number => ofAccount?.get(accountId)?.n ?? 0,
  };
}

export function createRaisedAlertWriter(db: Db, now: () => Millis) {
  // The account only when the cache knows it (a salvaged alert may come before its account syncs).
  const insert = db.prepare<
    [
      string,
      string,
      string,
      string | null,
      number | null,
      number,
      number,
      string,
      string,
      number | null,
      string | null,
      string | null,
    ]
  >(
    `INSERT OR IGNORE INTO raised_alerts
       (key, kind, workspace_id, pool, percent, at, raised_at, message, delivery, delivered_at, account_id, workspace_name)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT id FROM accounts WHERE id = ?), ?)`,
  );
  const setDelivery = db.prepare<[string, number | null, string]>(
    `UPDATE raised_alerts SET delivery = ?, delivered_at = coalesce(delivered_at, ?) WHERE key = ?`,
  );
  const ackKey = db.prepare<[number, string]>(
    'UPDATE raised_alerts SET acknowledged_at = ? WHERE key = ? AND acknowledged_at IS NULL',
  );
  const ackWorkspace = db.prepare<[number, string]>(
    'UPDATE raised_alerts SET acknowledged_at = ? WHERE workspace_id = ? AND acknowledged_at IS NULL',
  );
  const removeOfWorkspace = db.prepare<[string, string]>(
    // An alert salvaged before its account was known has none; a workspace id is unique in the cache.
    'DELETE FROM raised_alerts WHERE (account_id = ? OR account_id IS NULL) AND workspace_id = ?',
  );
  return {
    record(alert: RaisedAlert): boolean {
      const raisedAt = parseInstant(alert.raisedAt);
      return (
        insert.run(
          alert.key,
          alert.kind,
          alert.workspaceId,
          alert.pool,
          alert.percent,
          parseInstant(alert.at),
          raisedAt,
          alert.message,
          alert.delivery,
          alert.delivery === 'shown' ? raisedAt : null,
          alert.accountId ?? null,
          alert.workspaceName ?? null,
        ).changes === 1
      );
    },
    setDelivery(key: string, delivery: AlertDelivery): void {
      setDelivery.run(delivery, delivery === 'shown' ? now() : null, key);
    },
    /** Marks alerts as dealt with, by key or every open one of a workspace; returns how many changed. */
    acknowledge(which: { keys: readonly string[] } | { workspaceId: string }): number {
      const at = now();
      if ('workspaceId' in which) return ackWorkspace.run(at, which.workspaceId).changes;
      let changed = 0;
      for (const key of which.keys) changed += ackKey.run(at, key).changes;
      return changed;
    },
    /**
     * Removes one workspace's alerts with the workspace (an account's go with the account by
     * cascade): left behind they stayed in the alert centre, and their keys kept a workspace added
     * again under the same id from raising them. Returns how many went.
     */
    removeOfWorkspace: (accountId: string, workspaceId: string): number =>
      removeOfWorkspace.run(accountId, workspaceId).changes,
  };
}

/** The alerts service's RaisedAlertStore over the cache: a key is raised once, across restarts. */
export function createRaisedAlertStore(db: Db, now: () => Millis = Date.now) {
  const reader = createRaisedAlertReader(db);
  const writer = createRaisedAlertWriter(db, now);
  const store: RaisedAlertStore & {
    unacknowledged(): number;
    countOfAccount(accountId: string): number;
    acknowledge: typeof writer.acknowledge;
    removeOfWorkspace: typeof writer.removeOfWorkspace;
  } = {
    has: reader.has,
    list: reader.list,
    record: writer.record,
    setDelivery: writer.setDelivery,
    unacknowledged: reader.unacknowledged,
    countOfAccount: reader.countOfAccount,
    acknowledge: (which) => db.transaction(() => writer.acknowledge(which))(),
    removeOfWorkspace: writer.removeOfWorkspace,
  };
  return store;
}
