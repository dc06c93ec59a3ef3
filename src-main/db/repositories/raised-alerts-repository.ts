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
});

const COLUMNS = 'key, kind, workspace_id, pool, percent, at, raised_at, message, delivery';
/** SQLite has no unlimited LIMIT but -1. */
const NO_LIMIT = -1;

export function createRaisedAlertReader(db: Db) {
  const has = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM raised_alerts WHERE key = ?');
  const list = db.prepare<[number], Row>(
    `SELECT ${COLUMNS} FROM raised_alerts ORDER BY raised_at DESC, key LIMIT ?`,
  );
  const listOf = db.prepare<[string, number], Row>(
    `SELECT ${COLUMNS} FROM raised_alerts WHERE delivery = ? ORDER BY raised_at DESC, key LIMIT ?`,
  );
  return {
    has: (key: string): boolean => has.get(key) !== undefined,
    list(query: { delivery?: AlertDelivery; limit?: number } = {}): RaisedAlert[] {
      const limit = query.limit === undefined ? NO_LIMIT : Math.max(0, Math.floor(query.limit));
      const rows = query.delivery === undefined ? list.all(limit) : listOf.all(query.delivery, limit);
      return rows.map(toAlert);
    },
  };
}

export function createRaisedAlertWriter(db: Db, now: () => Millis) {
  const insert = db.prepare<
    [string, string, string, string | null, number | null, number, number, string, string, number | null]
  >(
    `INSERT OR IGNORE INTO raised_alerts (key, kind, workspace_id, pool, percent, at, raised_at, message, delivery, delivered_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setDelivery = db.prepare<[string, number | null, string]>(
    `UPDATE raised_alerts SET delivery = ?, delivered_at = coalesce(delivered_at, ?) WHERE key = ?`,
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
        ).changes === 1
      );
    },
    setDelivery(key: string, delivery: AlertDelivery): void {
      setDelivery.run(delivery, delivery === 'shown' ? now() : null, key);
    },
  };
}

/** The alerts service's RaisedAlertStore over the cache: a key is raised once, across restarts. */
export function createRaisedAlertStore(db: Db, now: () => Millis = Date.now): RaisedAlertStore {
  const reader = createRaisedAlertReader(db);
  const writer = createRaisedAlertWriter(db, now);
  return { has: reader.has, list: reader.list, record: writer.record, setDelivery: writer.setDelivery };
}
