import type { PoolKind } from '../../../src-shared/types/ledger';
import type { Millis } from '../../../src-shared/time/instant';
import type { Db } from '../connection';

/** One pool's last reconciliation: the local engine's balance against the server's. */
export interface DriftRecord {
  pool: PoolKind;
  checkedAt: Millis;
  asOf: Millis;
  localUsed: number;
  serverUsed: number;
  localRemaining: number;
  serverRemaining: number;
}

interface Row {
  pool: PoolKind;
  checked_at: number;
  as_of: number;
  local_used: number;
  server_used: number;
  local_remaining: number;
  server_remaining: number;
}

export function createDriftReader(db: Db) {
  const forWorkspace = db.prepare<[number], Row>('SELECT * FROM drift WHERE workspace_key = ? ORDER BY pool');
  return {
    forWorkspace: (key: number): DriftRecord[] =>
      forWorkspace.all(key).map((r) => ({
        pool: r.pool,
        checkedAt: r.checked_at,
        asOf: r.as_of,
        localUsed: r.local_used,
        serverUsed: r.server_used,
        localRemaining: r.local_remaining,
        serverRemaining: r.server_remaining,
      })),
  };
}

export function createDriftWriter(db: Db) {
  const put = db.prepare<[number, string, number, number, number, number, number, number]>(
    `INSERT OR REPLACE INTO drift (workspace_key, pool, checked_at, as_of, local_used, server_used, local_remaining, server_remaining)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    put: (key: number, d: DriftRecord): void =>
      void put.run(
        key,
        d.pool,
        d.checkedAt,
        d.asOf,
        d.localUsed,
        d.serverUsed,
        d.localRemaining,
        d.serverRemaining,
      ),
  };
}
