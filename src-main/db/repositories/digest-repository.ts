import type { PoolKind } from '../../../src-shared/types/ledger';
import type { Millis } from '../../../src-shared/time/instant';
import type { Db } from '../connection';

/** A pool's figures when a digest was built: what the next one measures its change against. */
export interface DigestPoolFigure {
  workspaceId: string;
  pool: PoolKind;
  periodStart: string;
  used: number;
  available: number;
}

export interface DigestRecord {
  accountId: string;
  slot: string;
  builtAt: Millis;
  /** False when it was skipped because nothing changed. */
  sent: boolean;
  pools: DigestPoolFigure[];
}

interface Row {
  account_id: string;
  slot: string;
  built_at: number;
  sent: number;
  pools: string;
}

const toRecord = (r: Row): DigestRecord => ({
  accountId: r.account_id,
  slot: r.slot,
  builtAt: r.built_at,
  sent: r.sent === 1,
  pools: JSON.parse(r.pools) as DigestPoolFigure[],
});

export function createDigestReader(db: Db) {
  const has = db.prepare<[string, string], { one: number }>(
    'SELECT 1 AS one FROM digests WHERE account_id = ? AND slot = ?',
  );
  const latest = db.prepare<[string], Row>(
    'SELECT * FROM digests WHERE account_id = ? ORDER BY built_at DESC, slot DESC LIMIT 1',
  );
  return {
    has: (accountId: string, slot: string): boolean => has.get(accountId, slot) !== undefined,
    /** The account's last digest, sent or skipped. */
    latest: (accountId: string): DigestRecord | null => {
      const r = latest.get(accountId);
      return r ? toRecord(r) : null;
    },
  };
}

export function createDigestWriter(db: Db) {
  const put = db.prepare<[string, string, number, number, string]>(
    'INSERT OR IGNORE INTO digests (account_id, slot, built_at, sent, pools) VALUES (?, ?, ?, ?, ?)',
  );
  return {
    /** Records a slot's digest; false when that slot was recorded already (once per slot). */
    record: (r: DigestRecord): boolean =>
      put.run(r.accountId, r.slot, r.builtAt, r.sent ? 1 : 0, JSON.stringify(r.pools)).changes === 1,
  };
}
