import type { PoolKind, Reading } from '../../../src-shared/types/ledger';
import { toIso, type Millis } from '../../../src-shared/time/instant';
import type { Db } from '../connection';

/** A stored reading: the ledger record, when it was typed in, and on a synced workspace the local count then. */
export interface StoredReading {
  reading: Reading;
  recordedAt: Millis;
  /** The local engine's numbers at the reading's instant (synced workspaces: the check); null otherwise. */
  local: { used: number; remaining: number } | null;
}

interface Row {
  id: string;
  pool: PoolKind;
  at: number;
  remaining: number | null;
  used: number | null;
  note: string | null;
  dismissed: number;
  local_used: number | null;
  local_remaining: number | null;
  recorded_at: number;
}

function toStored(workspaceId: string, r: Row): StoredReading {
  const reading: Reading = { id: r.id, workspaceId, pool: r.pool, at: toIso(r.at) };
  if (r.remaining !== null) reading.remaining = r.remaining;
  if (r.used !== null) reading.used = r.used;
  if (r.note !== null) reading.note = r.note;
  if (r.dismissed === 1) reading.dismissed = true;
  return {
    reading,
    recordedAt: r.recorded_at,
    local:
      r.local_used !== null && r.local_remaining !== null
        ? { used: r.local_used, remaining: r.local_remaining }
        : null,
  };
}

const COLUMNS = 'id, pool, at, remaining, used, note, dismissed, local_used, local_remaining, recorded_at';

export function createReadingReader(db: Db) {
  const ofWorkspace = db.prepare<[number], Row>(
    `SELECT ${COLUMNS} FROM readings WHERE workspace_key = ? ORDER BY at, id`,
  );
  const one = db.prepare<[number, string], Row>(
    `SELECT ${COLUMNS} FROM readings WHERE workspace_key = ? AND id = ?`,
  );
  const latest = db.prepare<[number, string], Row>(
    `SELECT ${COLUMNS} FROM readings WHERE workspace_key = ? AND pool = ? AND dismissed = 0 ORDER BY at DESC, id DESC LIMIT 1`,
  );
  return {
    /** Every reading of a workspace (dismissed ones too), oldest first. */
    ofWorkspace: (key: number, workspaceId: string): StoredReading[] =>
      ofWorkspace.all(key).map((r) => toStored(workspaceId, r)),
    get: (key: number, workspaceId: string, id: string): StoredReading | null => {
      const r = one.get(key, id);
      return r ? toStored(workspaceId, r) : null;
    },
    /** The newest reading of a pool that counts (not dismissed). */
    latest: (key: number, workspaceId: string, pool: PoolKind): StoredReading | null => {
      const r = latest.get(key, pool);
      return r ? toStored(workspaceId, r) : null;
    },
  };
}

export function createReadingWriter(db: Db) {
  const insert = db.prepare<
    [
      number,
      string,
      string,
      number,
      number | null,
      number | null,
      string | null,
      number,
      number | null,
      number | null,
      number,
    ]
  >(`INSERT INTO readings (workspace_key, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const dismiss = db.prepare<[number, number, string]>(
    'UPDATE readings SET dismissed = ? WHERE workspace_key = ? AND id = ?',
  );
  return {
    /** Stores a new reading (its id must be new to the workspace). */
    add(key: number, r: Reading, recordedAt: Millis, local: StoredReading['local'] = null): void {
      insert.run(
        key,
        r.id,
        r.pool,
        Date.parse(r.at),
        r.remaining ?? null,
        r.used ?? null,
        r.note ?? null,
        r.dismissed ? 1 : 0,
        local?.used ?? null,
        local?.remaining ?? null,
        recordedAt,
      );
    },
    /** Marks a reading as a mistake (kept, left out of every balance), or counts it again. */
    setDismissed: (key: number, id: string, dismissed: boolean): boolean =>
      dismiss.run(dismissed ? 1 : 0, key, id).changes > 0,
  };
}
