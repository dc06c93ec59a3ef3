import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from './connection';

/** What one checkpoint did, in WAL pages (SQLite's PRAGMA wal_checkpoint answer). */
export interface CheckpointResult {
  /** Pages in the WAL. */
  walPages: number;
  /** Pages of it copied into the database file so far (all of them: the WAL starts over at the next write). */
  checkpointed: number;
  /** True when a reader or writer kept it from finishing (PASSIVE never waits for them). */
  busy: boolean;
}

/**
 * A connection to a cache file that only checkpoints its WAL: copies the committed pages into the
 * database file and syncs it to disk. Run beside the app's own connection (in the evaluator
 * thread), so that the main thread's commits never do that copy and fsync themselves (SQLite's
 * auto-checkpoint runs it inside whichever commit crosses 1,000 WAL pages: 30 to 400 ms there).
 * PASSIVE: it never waits for readers or writers, and writers never wait for it.
 */
export function openWalCheckpointer(file: string, options: { nativeBinding?: string } = {}) {
  const db = new Database(file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS, ...options });
  return {
    checkpoint(): CheckpointResult {
      const [row] = db.pragma('wal_checkpoint(PASSIVE)') as {
        busy: number;
        log: number;
        checkpointed: number;
      }[];
      return { walPages: row!.log, checkpointed: row!.checkpointed, busy: row!.busy !== 0 };
    },
    close: () => db.close(),
  };
}

export type WalCheckpointer = ReturnType<typeof openWalCheckpointer>;
