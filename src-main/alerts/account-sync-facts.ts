import type { AccountSyncState } from '../db/repositories/sync-state-repository';

/**
 * When an account's last attempt failed, if it did so after its last success (a cancelled attempt,
 * when the app quits or the account is removed, is no failure); null otherwise.
 */
export function failedAfterSuccess(state: AccountSyncState): number | null {
  if (state.lastError === null || state.lastErrorAt === null || state.lastErrorKind === 'cancelled')
    return null;
  return state.lastErrorAt >= (state.lastSuccessAt ?? Number.NEGATIVE_INFINITY) ? state.lastErrorAt : null;
}
