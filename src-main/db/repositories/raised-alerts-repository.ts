import type { RaisedAlert } from '../../../src-shared/ipc/snapshot';
import { parseInstant, toIso, type Millis } from '../../../src-shared/time/instant';
import type { Db } from '../connection';

export type AlertDelivery = RaisedAlert['delivery'];

/** An alert to remember, as the alert centre lists it, without its delivery state. */
export type AlertRecord = Omit<RaisedAlert, 'delivery'>;

/**
 * The persistent store of raised alerts, by their stable key: an alert is raised once, across
 * restarts; a new period gives new keys and so re-arms them.
 */
export interface RaisedAlertStore {
  has(key: string): boolean;
  /** Records an alert the first time its key is seen; returns false (and changes nothing) if it already was. */
  record(alert: AlertRecord, delivery: AlertDelivery): boolean;
  /** The newest `limit` alerts, newest first. */
  list(limit: number): RaisedAlert[];
  /** Alerts held for quiet hours or a snooze, oldest first. */
  pending(): RaisedAlert[];
  /** A queued alert was shown. */
  markDelivered(key: string, at?: Millis): void;
}

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

export function createRaisedAlertReader(db: Db) {
  const has = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM raised_alerts WHERE key = ?');
  const list = db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM raised_alerts ORDER BY raised_at DESC, at DESC, key LIMIT ?`);
  const pending = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM raised_alerts WHERE delivery = 'queued' ORDER BY raised_at, at, key`);
  return {
    has: (key: string): boolean => has.get(key) !== undefined,
    list: (limit: number): RaisedAlert[] => list.all(Math.max(0, Math.floor(limit))).map(toAlert),
    pending: (): RaisedAlert[] => pending.all().map(toAlert),
  };
}

export function createRaisedAlertWriter(db: Db, now: () => Millis) {
  const insert = db.prepare<[string, string, string, string | null, number | null, number, number, string, string, number | null]>(
    `INSERT OR IGNORE INTO raised_alerts (key, kind, workspace_id, pool, percent, at, raised_at, message, delivery, delivered_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const delivered = db.prepare<[number, string]>(`UPDATE raised_alerts SET delivery = 'shown', delivered_at = ? WHERE key = ? AND delivery = 'queued'`);
  return {
    record(alert: AlertRecord, delivery: AlertDelivery): boolean {
      const raisedAt = parseInstant(alert.raisedAt);
      const changes = insert.run(
        alert.key,
        alert.kind,
        alert.workspaceId,
        alert.pool,
        alert.percent,
        parseInstant(alert.at),
        raisedAt,
        alert.message,
        delivery,
        delivery === 'shown' ? raisedAt : null,
      ).changes;
      return changes === 1;
    },
    markDelivered: (key: string, at: Millis = now()): void => void delivered.run(at, key),
  };
}

/** The raised-alert store over the cache (reads and writes joined for the alerts service). */
export function createRaisedAlertStore(db: Db, now: () => Millis = Date.now): RaisedAlertStore {
  const reader = createRaisedAlertReader(db);
  const writer = createRaisedAlertWriter(db, now);
  return { ...reader, ...writer };
}
