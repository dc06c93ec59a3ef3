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
  const bounds = db.prepare<[number, string], { lo: number | null; hi: number | null }>(
    'SELECT min(occurred_at) AS lo, max(occurred_at) AS hi FROM events WHERE workspace_key = ? AND pool = ?',
  );
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
    bounds: (key: number, pool: PoolKind) => bounds.get(key, pool)!,
  };
}

/** What one batch of inserts did: new rows, the earliest new instant per pool, and rows older than what is kept. */
export interface InsertResult {
  inserted: number;
  earliestByPool: Map<PoolKind, Millis>;
  /**
   * Per pool, events older than its kept raw history, not stored: their periods live on as
   * summaries, and with their raw rows gone a late arrival cannot be told from a re-sent one.
   */
  skipped: Map<PoolKind, number>;
}

export function createEventWriter(db: Db) {
  const insert = db.prepare<
    [
      number,
      string,
      string,
      number,
      string,
      string | null,
      string,
      number | null,
      number | null,
      string | null,
    ]
  >(
    `INSERT OR IGNORE INTO events (workspace_key, id, pool, occurred_at, member_id, app, action, units, credits, input_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
      for (const e of events) {
        const t = parseInstant(e.occurredAt);
        const horizon = rawFrom?.get(e.pool);
        if (horizon !== undefined && t < horizon) {
          result.skipped.set(e.pool, (result.skipped.get(e.pool) ?? 0) + 1);
          continue;
        }
        const changes = insert.run(
          key,
          e.id,
          e.pool,
          t,
          e.memberId,
          e.app ?? null,
          e.action,
          e.units ?? null,
          e.credits ?? null,
          e.inputHash ?? null,
        ).changes;
        if (changes === 0) continue;
        result.inserted++;
        const earliest = result.earliestByPool.get(e.pool);
        if (earliest === undefined || t < earliest) result.earliestByPool.set(e.pool, t);
      }
      return result;
    },
    /** Drops a pool's raw events before `t` (their periods are summarised); returns how many. */
    purgeBefore: (key: number, pool: PoolKind, t: Millis): number => purge.run(key, pool, t).changes,
  };
}
