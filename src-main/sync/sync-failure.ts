import type { Freshness } from '../../src-shared/ipc/snapshot';
import type { AccountSyncState, WorkspaceSyncState } from '../db/repositories/sync-state-repository';

/**
 * Whether the last sync attempt behind a workspace's data failed: the account's attempt as a whole
 * (server unreachable: 'offline'; a refused token, a 5xx: 'error') or the workspace's own pull (a
 * malformed page: 'error'), when it came at or after the last success. A cancelled attempt (the app
 * quit, the account was removed) is no failure.
 */
export function syncFailureOf(
  account: AccountSyncState,
  workspace: WorkspaceSyncState,
): Freshness['failure'] {
  const after = (errorAt: number | null, successAt: number | null) =>
    errorAt !== null && errorAt >= (successAt ?? Number.NEGATIVE_INFINITY);
  if (
    account.lastError !== null &&
    account.lastErrorKind !== 'cancelled' &&
    after(
      account.lastErrorAt,
      Math.max(account.lastSuccessAt ?? -Infinity, workspace.lastSuccessAt ?? -Infinity),
    )
  )
    return account.lastErrorKind === 'offline' ? 'offline' : 'error';
  if (workspace.lastError !== null && after(workspace.lastErrorAt, workspace.lastSuccessAt)) return 'error';
  return null;
}
