import type { Millis } from '../../../src-shared/time/instant';
import type { Db } from '../connection';

/** Where a workspace's usage pages resume and how its last pull went. */
export interface WorkspaceSyncState {
  cursor: string | null;
  eventsReceived: number;
  lastSuccessAt: Millis | null;
  lastError: string | null;
  lastErrorAt: Millis | null;
}

/**
 * Why the last attempt of an account failed, for the UI to word it. `cache-damaged`: SQLite found the
 * cache file damaged (the app then words it as its damage banner does, cache-damage.ts).
 */
export type SyncErrorKind =
  'offline' | 'auth' | 'malformed' | 'server' | 'conflict' | 'cancelled' | 'cache-damaged' | 'other';

export interface AccountSyncState {
  lastAttemptAt: Millis | null;
  lastSuccessAt: Millis | null;
  lastError: string | null;
  lastErrorKind: SyncErrorKind | null;
  lastErrorAt: Millis | null;
  /** Server clock minus ours, from the last answer's Date header (ms). */
  serverOffsetMs: number | null;
}

interface WorkspaceRow {
  cursor: string | null;
  events_received: number;
  last_success_at: number | null;
  last_error: string | null;
  last_error_at: number | null;
}
interface AccountRow {
  last_attempt_at: number | null;
  last_success_at: number | null;
  last_error: string | null;
  last_error_kind: SyncErrorKind | null;
  last_error_at: number | null;
  server_offset_ms: number | null;
}

const EMPTY_WORKSPACE: WorkspaceSyncState = {
  cursor: null,
  eventsReceived: 0,
  lastSuccessAt: null,
  lastError: null,
  lastErrorAt: null,
};
const EMPTY_ACCOUNT: AccountSyncState = {
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
  lastErrorKind: null,
  lastErrorAt: null,
  serverOffsetMs: null,
};

export function createSyncStateReader(db: Db) {
  const ws = db.prepare<[number], WorkspaceRow>(
    'SELECT cursor, events_received, last_success_at, last_error, last_error_at FROM sync_state WHERE workspace_key = ?',
  );
  const account = db.prepare<[string], AccountRow>('SELECT * FROM account_sync WHERE account_id = ?');
  return {
    workspace(key: number): WorkspaceSyncState {
      const r = ws.get(key);
      if (!r) return { ...EMPTY_WORKSPACE };
      return {
        cursor: r.cursor,
        eventsReceived: r.events_received,
        lastSuccessAt: r.last_success_at,
        lastError: r.last_error,
        lastErrorAt: r.last_error_at,
      };
    },
    account(accountId: string): AccountSyncState {
      const r = account.get(accountId);
      if (!r) return { ...EMPTY_ACCOUNT };
      return {
        lastAttemptAt: r.last_attempt_at,
        lastSuccessAt: r.last_success_at,
        lastError: r.last_error,
        lastErrorKind: r.last_error_kind,
        lastErrorAt: r.last_error_at,
        serverOffsetMs: r.server_offset_ms,
      };
    },
  };
}

export function createSyncStateWriter(db: Db) {
  const ensure = db.prepare<[number]>('INSERT OR IGNORE INTO sync_state (workspace_key) VALUES (?)');
  // Compare-and-set: a page's cursor is stored only if nobody moved the cursor since we read it,
  // so two syncs of one cache (two processes) can never interleave pages.
  const advance = db.prepare<[string | null, number, number, string | null]>(
    'UPDATE sync_state SET cursor = ?, events_received = events_received + ? WHERE workspace_key = ? AND cursor IS ?',
  );
  const success = db.prepare<[number, number]>(
    'UPDATE sync_state SET last_success_at = ?, last_error = NULL, last_error_at = NULL WHERE workspace_key = ?',
  );
  const failure = db.prepare<[string, number, number]>(
    'UPDATE sync_state SET last_error = ?, last_error_at = ? WHERE workspace_key = ?',
  );
  const ensureAccount = db.prepare<[string]>('INSERT OR IGNORE INTO account_sync (account_id) VALUES (?)');
  const attempt = db.prepare<[number, string]>(
    'UPDATE account_sync SET last_attempt_at = ? WHERE account_id = ?',
  );
  const accountSuccess = db.prepare<[number, string]>(
    'UPDATE account_sync SET last_success_at = ?, last_error = NULL, last_error_kind = NULL, last_error_at = NULL WHERE account_id = ?',
  );
  const accountFailure = db.prepare<[string, string, number, string]>(
    'UPDATE account_sync SET last_error = ?, last_error_kind = ?, last_error_at = ? WHERE account_id = ?',
  );
  const offset = db.prepare<[number, string]>(
    'UPDATE account_sync SET server_offset_ms = ? WHERE account_id = ?',
  );
  return {
    /**
     * Moves the cursor from `expected` to `next` (inside the page's transaction). Returns false when
     * the stored cursor is no longer `expected`: another sync got there first.
     */
    advanceCursor(key: number, expected: string | null, next: string | null, received: number): boolean {
      ensure.run(key);
      return advance.run(next, received, key, expected).changes === 1;
    },
    workspaceSucceeded(key: number, at: Millis): void {
      ensure.run(key);
      success.run(at, key);
    },
    workspaceFailed(key: number, message: string, at: Millis): void {
      ensure.run(key);
      failure.run(message, at, key);
    },
    accountAttempted(accountId: string, at: Millis): void {
      ensureAccount.run(accountId);
      attempt.run(at, accountId);
    },
    accountSucceeded(accountId: string, at: Millis): void {
      ensureAccount.run(accountId);
      accountSuccess.run(at, accountId);
    },
    accountFailed(accountId: string, kind: SyncErrorKind, message: string, at: Millis): void {
      ensureAccount.run(accountId);
      accountFailure.run(message, kind, at, accountId);
    },
    serverOffset(accountId: string, ms: number): void {
      ensureAccount.run(accountId);
      offset.run(ms, accountId);
    },
  };
}
