import type { RollupCell } from '../../../src-shared/engine/rollup';
import type { PoolKind } from '../../../src-shared/types/ledger';
import type { Db } from '../connection';

/** A dimension of the rollups a breakdown can be taken by. */
export type RollupDimension = 'member' | 'action' | 'app' | 'day';

function labelCache(db: Db) {
  const find = db.prepare<[string], { id: number }>('SELECT id FROM labels WHERE text = ?');
  const insert = db.prepare<[string]>('INSERT INTO labels (text) VALUES (?)');
  const ids = new Map<string, number>();
  return (text: string): number => {
    let id = ids.get(text);
    if (id === undefined) {
      id = find.get(text)?.id ?? Number(insert.run(text).lastInsertRowid);
      ids.set(text, id);
    }
    return id;
  };
}

export function createRollupReader(db: Db) {
  const statements = new Map<RollupDimension, ReturnType<typeof prepareBy>>();
  function prepareBy(by: RollupDimension) {
    const column = by === 'day' ? 'r.day' : `l.text`;
    const join = by === 'day' ? '' : `JOIN labels l ON l.id = r.${by}`;
    return db
      .prepare<[number, string, number, number], [string | number, number, number]>(
        `SELECT ${column}, sum(r.credits), sum(r.calls) FROM rollups r ${join}
         WHERE r.workspace_key = ? AND r.pool = ? AND r.day >= ? AND r.day < ? GROUP BY 1`,
      )
      .raw();
  }
  const cells = db.prepare<[number, string, number, number], RollupCell>(
    `SELECT r.day AS day, m.text AS memberId, a.text AS action, p.text AS app, r.credits AS credits, r.calls AS calls
     FROM rollups r JOIN labels m ON m.id = r.member JOIN labels a ON a.id = r.action JOIN labels p ON p.id = r.app
     WHERE r.workspace_key = ? AND r.pool = ? AND r.day >= ? AND r.day < ? ORDER BY r.day`,
  );
  return {
    /** Credits and calls of days [fromDay, toDay) summed by one dimension (days as whole days since the epoch). */
    breakdown(
      key: number,
      pool: PoolKind,
      fromDay: number,
      toDay: number,
      by: RollupDimension,
    ): Map<string, { credits: number; calls: number }> {
      let stmt = statements.get(by);
      if (!stmt) statements.set(by, (stmt = prepareBy(by)));
      return new Map(
        stmt.all(key, pool, fromDay, toDay).map(([k, credits, calls]) => [String(k), { credits, calls }]),
      );
    },
    /** Every cell of days [fromDay, toDay): member × action × app per day. */
    cells: (key: number, pool: PoolKind, fromDay: number, toDay: number): RollupCell[] =>
      cells.all(key, pool, fromDay, toDay),
  };
}

export function createRollupWriter(db: Db) {
  const put = db.prepare<[number, string, number, number, number, number, number, number]>(
    'INSERT OR REPLACE INTO rollups (workspace_key, pool, day, member, action, app, credits, calls) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const removeFrom = db.prepare<[number, string, number]>(
    'DELETE FROM rollups WHERE workspace_key = ? AND pool = ? AND day >= ?',
  );
  return {
    put(key: number, pool: PoolKind, cells: readonly RollupCell[]): void {
      // A fresh label map per call: ids inserted by a transaction that rolled back must not be reused.
      const label = labelCache(db);
      for (const c of cells)
        put.run(key, pool, c.day, label(c.memberId), label(c.action), label(c.app), c.credits, c.calls);
    },
    /** Drops rollups of days from `fromDay` on (they are recomputed with their period's summary). */
    removeFromDay: (key: number, pool: PoolKind, fromDay: number): number =>
      removeFrom.run(key, pool, Math.max(fromDay, -1e8)).changes,
  };
}
