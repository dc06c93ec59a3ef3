import type { PoolKind } from '../../../src-shared/types/ledger';
import type { Millis } from '../../../src-shared/time/instant';
import type { Db } from '../connection';

/** One row of the change feed: data of a pool changed from `from` on (written by markDirty). */
export interface PoolChange {
  seq: number;
  workspaceKey: number;
  pool: PoolKind;
  from: Millis;
}

/** How many feed rows maintenance keeps: far more than a reader falls behind between two evaluations. */
export const POOL_CHANGES_KEPT = 10_000;

export function createPoolChangesReader(db: Db) {
  const last = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM pool_changes');
  const first = db.prepare<[], { seq: number | null }>('SELECT min(seq) AS seq FROM pool_changes');
  const since = db
    .prepare<[number], [number, number, PoolKind, number]>(
      'SELECT seq, workspace_key, pool, from_t FROM pool_changes WHERE seq > ? ORDER BY seq',
    )
    .raw();
  return {
    /** The newest position in the feed (0 when it never had a row). */
    last: (): number => last.get()!.seq ?? 0,
    /** The oldest position still kept (null when the feed is empty). */
    first: (): number | null => first.get()!.seq,
    /** Every change after position `seq`, oldest first. */
    since: (seq: number): PoolChange[] =>
      since.all(seq).map(([s, workspaceKey, pool, from]) => ({ seq: s, workspaceKey, pool, from })),
  };
}

export function createPoolChangesWriter(db: Db) {
  const trim = db.prepare<[number]>(
    'DELETE FROM pool_changes WHERE seq <= (SELECT max(seq) FROM pool_changes) - ?',
  );
  return {
    /** Drops all but the newest `keep` rows; returns how many went. */
    trim: (keep = POOL_CHANGES_KEPT): number => trim.run(keep).changes,
  };
}
