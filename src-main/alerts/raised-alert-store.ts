import type { RaisedAlert } from '../../src-shared/ipc/snapshot';

export type AlertDelivery = RaisedAlert['delivery'];

/**
 * The alerts already raised, by key, persisted in the cache so that a restart never repeats one and
 * a new period (new keys) re-arms them. Synchronous because better-sqlite3 is.
 *
 * delivery: shown = a notification went out for it; queued = held by quiet hours or a snooze, to be
 * released later; silent = recorded without a notification of its own (its kind is switched off, a
 * higher alert of the same pool was notified in its place, or its condition ended while it waited).
 */
export interface RaisedAlertStore {
  /** True when an alert with this key was ever raised, whatever its delivery. */
  has(key: string): boolean;
  /** Records a new alert; returns false and changes nothing when the key is already there (INSERT OR IGNORE). */
  record(alert: RaisedAlert): boolean;
  /** Changes the delivery of a recorded alert (a queued one released as shown or silent). */
  setDelivery(key: string, delivery: AlertDelivery): void;
  /** Alerts newest first (raisedAt, then key), optionally of one delivery, at most `limit`. */
  list(query?: { delivery?: AlertDelivery; limit?: number }): RaisedAlert[];
}
