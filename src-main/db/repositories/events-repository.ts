import type { PoolKind, UsageEvent } from '../../../src-shared/types/ledger';
import { parseInstant, toIso, type Millis } from '../../../src-shared/time/instant';
import type { Db } from '../connection';

/** An event row as the engine reads it: [id, occurredAt ms, memberId, app, action, units, credits, inputHash]. */
export type EventTuple = [
  string,
  number,
  string,
  string | null,
  string,
  number | null,
  number | null,
  string | null,
];
type ExportTuple = [...EventTuple, PoolKind];

export function createEventReader(db: Db) {
  // Ordered by time only: the index serves it without a sort; ties are put in id order by the caller.
  const range = db
    .prepare<[number, string, number, number], EventTuple>(
      `SELECT id, occurred_at, member_id, app, action, units, credits, input_hash FROM events
       WHERE workspace_key = ? AND pool = ? AND occurred_at >= ? AND occurred_at <= ? ORDER BY occurred_at`,
    )
    .raw();
  const all = db
    .prepare<[number], ExportTuple>(
      `SELECT id, occurred_at, member_id, app, action, units, credits, input_hash, pool FROM events
     WHERE workspace_key = ? ORDER BY occurred_at, id`,
    )
    .raw();
  const count = db.prepare<[number], { n: number }>(
    'SELECT count(*) AS n FROM events WHERE workspace_key = ?',
  );
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM events');
  // Two statements, not one: SQLite answers a lone min() or max() from the index in a step, but
  // min() and max() together scan every row of the pool (~120 ms warm, ~1.4 s cold for a month).
  const lo = db
    .prepare<[number, string], number | null>(
      'SELECT min(occurred_at) FROM events WHERE workspace_key = ? AND pool = ?',
    )
    .pluck();
  const hi = db
    .prepare<[number, string], number | null>(
      'SELECT max(occurred_at) FROM events WHERE workspace_key = ? AND pool = ?',
    )
    .pluck();
  const countFrom = db
    .prepare<[number, string, number], number>(
      'SELECT count(*) FROM events WHERE workspace_key = ? AND pool = ? AND occurred_at >= ?',
    )
    .pluck();
  return {
    /** Raw rows of one pool with occurredAt in [from, to], by time, streamed. */
    poolRange: (key: number, pool: PoolKind, from: Millis, to: Millis): IterableIterator<EventTuple> =>
      range.iterate(key, pool, Math.max(from, -8.64e15), Math.min(to, 8.64e15)),
    /** Every kept event of a workspace as ledger records, by time then id, streamed. */
    *iterateLedger(key: number, workspaceId: string): Generator<UsageEvent> {
      for (const [id, t, memberId, app, action, units, credits, inputHash, pool] of all.iterate(key)) {
        const e: UsageEvent = { id, workspaceId, pool, memberId, action, occurredAt: toIso(t) };
        if (app !== null) e.app = app;
        if (units !== null) e.units = units;
        if (credits !== null) e.credits = credits;
        if (inputHash !== null) e.inputHash = inputHash;
        yield e;
      }
    },
    count: (key?: number): number => (key === undefined ? countAll.get()!.n : count.get(key)!.n),
    /** The first and last instant of the pool's kept events. */
    bounds: (key: number, pool: PoolKind): { lo: number | null; hi: number | null } => ({
      lo: lo.get(key, pool) ?? null,
      hi: hi.get(key, pool) ?? null,
    }),
    /** The first instant of the pool's kept events (one index step). */
    first: (key: number, pool: PoolKind): number | null => lo.get(key, pool) ?? null,
    /** How many kept events of the pool happened at or after `from` (to size the evaluator's columns). */
    countFrom: (key: number, pool: PoolKind, from: Millis): number =>
      countFrom.get(key, pool, Math.max(from, -8.64e15))!,
  };
}

/** What one batch of inserts did: new rows, the earliest new instant per pool, and rows older than what is kept. */
export interface InsertResult {
  inserted: number;
  /**
   * Per pool, from when its balance must be recomputed: the earliest new event. When a batch mixes
   * new ids with ids already stored (a page sent again), it may be an earlier event of the same
   * group of rows: that only recomputes a little more of what is still kept raw.
   */
  earliestByPool: Map<PoolKind, Millis>;
  /**
   * Per pool, events older than its kept raw history, not stored: their periods live on as
   * summaries, and with their raw rows gone a late arrival cannot be told from a re-sent one.
   */
  skipped: Map<PoolKind, number>;
}

const INSERT_EVENTS = `INSERT OR IGNORE INTO events (workspace_key, id, pool, occurred_at, member_id, app, action, units, credits, input_hash) VALUES `;
const ROW_PARAMS = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const COLUMNS = 10;
/**
 * Rows per INSERT statement: one statement for 50 rows costs a page of 5,000 events about a quarter
 * less than 50 statements (binding and stepping once, not per row).
 */
const ROWS_PER_INSERT = 50;

export function createEventWriter(db: Db) {
  const insertOne = db.prepare<unknown[]>(INSERT_EVENTS + ROW_PARAMS);
  const insertGroup = db.prepare<unknown[]>(
    INSERT_EVENTS + Array(ROWS_PER_INSERT).fill(ROW_PARAMS).join(', '),
  );
  const purge = db.prepare<[number, string, number]>(
    'DELETE FROM events WHERE workspace_key = ? AND pool = ? AND occurred_at < ?',
  );
  return {
    /**
     * Inserts events, ignoring ids the workspace already has (call inside a transaction). `rawFrom`
     * says, per pool, before which instant raw events are no longer kept: events before it are skipped.
     */
    insertMany(
      key: number,
      events: readonly UsageEvent[],
      rawFrom?: ReadonlyMap<PoolKind, Millis>,
    ): InsertResult {
      const result: InsertResult = { inserted: 0, earliestByPool: new Map(), skipped: new Map() };
      const params: unknown[] = new Array(ROWS_PER_INSERT * COLUMNS);
      // The pools and instants of the rows bound in `params`, for earliestByPool once they are stored.
      const pools: PoolKind[] = new Array(ROWS_PER_INSERT);
      const times: Millis[] = new Array(ROWS_PER_INSERT);
      let rows = 0;
      const noteNew = (pool: PoolKind, t: Millis) => {
        const earliest = result.earliestByPool.get(pool);
        if (earliest === undefined || t < earliest) result.earliestByPool.set(pool, t);
      };
      for (const e of events) {
        const t = parseInstant(e.occurredAt);
        const horizon = rawFrom?.get(e.pool);
        if (horizon !== undefined && t < horizon) {
          result.skipped.set(e.pool, (result.skipped.get(e.pool) ?? 0) + 1);
          continue;
        }
        const o = rows * COLUMNS;
        params[o] = key;
        params[o + 1] = e.id;
        params[o + 2] = e.pool;
        params[o + 3] = t;
        params[o + 4] = e.memberId;
        params[o + 5] = e.app ?? null;
        params[o + 6] = e.action;
        params[o + 7] = e.units ?? null;
        params[o + 8] = e.credits ?? null;
        params[o + 9] = e.inputHash ?? null;
        pools[rows] = e.pool;
        times[rows] = t;
        if (++rows < ROWS_PER_INSERT) continue;
        const changes = insertGroup.run(params).changes;
        result.inserted += changes;
        if (changes > 0) for (let i = 0; i < rows; i++) noteNew(pools[i]!, times[i]!);
        rows = 0;
      }
      // The last rows one by one: each says whether it was new.
      for (let i = 0; i < rows; i++) {
        if (insertOne.run(params.slice(i * COLUMNS, (i + 1) * COLUMNS)).changes === 0) continue;
        result.inserted++;
        noteNew(pools[i]!, times[i]!);
      }
      return result;
    },
    /** Drops a pool's raw events before `t` (their periods are summarised); returns how many. */
    purgeBefore: (key: number, pool: PoolKind, t: Millis): number => purge.run(key, pool, t).changes,
  };
}
