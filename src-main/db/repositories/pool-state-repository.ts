import type { PoolKind } from '../../../src-shared/types/ledger';
import type { Millis } from '../../../src-shared/time/instant';
import type { Db } from '../connection';

/** What raw history a pool keeps and what needs summarising again. */
export interface PoolState {
  /** Raw events before this instant were dropped (null: everything is kept). */
  rawFrom: Millis | null;
  /** New data landed at or after this instant since the last compaction (null: none). */
  dirtyFrom: Millis | null;
  /** Events received for periods whose raw events were dropped (late or re-sent): not stored, not in any summary. */
  skippedEvents: number;
}

interface Row {
  raw_from: number | null;
  dirty_from: number | null;
  skipped_events: number;
}

export function createPoolStateReader(db: Db) {
  const get = db.prepare<[number, string], Row>(
    'SELECT raw_from, dirty_from, skipped_events FROM pool_state WHERE workspace_key = ? AND pool = ?',
  );
  return {
    get(key: number, pool: PoolKind): PoolState {
      const r = get.get(key, pool);
      return r
        ? { rawFrom: r.raw_from, dirtyFrom: r.dirty_from, skippedEvents: r.skipped_events }
        : { rawFrom: null, dirtyFrom: null, skippedEvents: 0 };
    },
  };
}

export function createPoolStateWriter(db: Db) {
  const ensure = db.prepare<[number, string]>(
    'INSERT OR IGNORE INTO pool_state (workspace_key, pool) VALUES (?, ?)',
  );
  // min() of SQLite ignores NULL only as an aggregate, hence the coalesce.
  const dirty = db.prepare<[number, number, number, string]>(
    'UPDATE pool_state SET dirty_from = min(coalesce(dirty_from, ?), ?) WHERE workspace_key = ? AND pool = ?',
  );
  const clean = db.prepare<[number, string]>(
    'UPDATE pool_state SET dirty_from = NULL WHERE workspace_key = ? AND pool = ?',
  );
  const rawFrom = db.prepare<[number, number, string]>(
    'UPDATE pool_state SET raw_from = ? WHERE workspace_key = ? AND pool = ?',
  );
  const skipped = db.prepare<[number, number, string]>(
    'UPDATE pool_state SET skipped_events = skipped_events + ? WHERE workspace_key = ? AND pool = ?',
  );
  const changed = db.prepare<[number, string, number]>(
    'INSERT INTO pool_changes (workspace_key, pool, from_t) VALUES (?, ?, ?)',
  );
  return {
    /**
     * Records that data from `t` on changed, so summaries of periods ending after it are stale,
     * and adds it to the change feed the evaluator thread tops its pools up from.
     */
    markDirty(key: number, pool: PoolKind, t: Millis): void {
      ensure.run(key, pool);
      // -Infinity (everything) is stored as the smallest safe instant: SQLite has no infinities in INTEGER.
      const at = Math.max(t, -8.64e15);
      dirty.run(at, at, key, pool);
      changed.run(key, pool, at);
    },
    markClean(key: number, pool: PoolKind): void {
      ensure.run(key, pool);
      clean.run(key, pool);
    },
    setRawFrom(key: number, pool: PoolKind, t: Millis): void {
      ensure.run(key, pool);
      rawFrom.run(t, key, pool);
    },
    addSkipped(key: number, pool: PoolKind, n: number): void {
      ensure.run(key, pool);
      skipped.run(n, key, pool);
    },
  };
}
