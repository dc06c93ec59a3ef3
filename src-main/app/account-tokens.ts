import type { AccountStatus } from '../../src-shared/ipc/snapshot';
import type { Account } from '../../src-shared/settings/settings';
import { SecretUnreadableError } from '../secrets/key-file-cipher';
import type { SecretStore } from '../secrets/secret-store';

export type TokenState = AccountStatus['token'];

/** Whether the store holds a usable token for the account (never the token itself). */
export async function tokenStateOf(secrets: SecretStore, accountId: string): Promise<TokenState> {
  try {
    return (await secrets.get(accountId)) ? 'stored' : 'missing';
  } catch (err) {
    if (err instanceof SecretUnreadableError) return 'unreadable';
    throw err;
  }
}

/** Why an account cannot sync, in one sentence, or null when its token is stored. */
export function tokenProblem(account: Pick<Account, 'label'>, state: TokenState): string | null {
  if (state === 'missing')
    return `${account.label} needs its API token: it is not stored on this computer (enter it in Settings › Accounts)`;
  if (state === 'unreadable')
    return `${account.label}'s stored token cannot be decrypted (the key that encrypted it was replaced or removed): enter it again in Settings › Accounts`;
  return null;
}

/** The account as the snapshot lists it. */
export function accountStatus(account: Account, state: TokenState): AccountStatus {
  return { id: account.id, label: account.label, token: state, message: tokenProblem(account, state) };
}

/** What "Sync now" says when no shown account can sync for want of a token, or null. */
export function syncBlockedReason(
  accounts: readonly Account[],
  states: ReadonlyMap<string, TokenState>,
): string | null {
  if (accounts.length === 0) return null;
  const problems = accounts.map((a) => tokenProblem(a, states.get(a.id) ?? 'stored'));
  if (problems.some((p) => p === null)) return null;
  return `Nothing to sync: ${problems.join('; ')}.`;
}

/** The token state of each configured account, checked at start and after every account change. */
export function createTokenStates(secrets: SecretStore) {
  const states = new Map<string, TokenState>();
  return {
    /** Until checked, an account is taken to have its token (a sync then says otherwise). */
    get: (id: string): TokenState => states.get(id) ?? 'stored',
    all: (): ReadonlyMap<string, TokenState> => states,
    /** Re-checks every account; says whether anything changed. */
    async check(accounts: readonly Account[]): Promise<boolean> {
      let changed = states.size !== accounts.length;
      const next = new Map<string, TokenState>();
      for (const a of accounts) {
        const state = await tokenStateOf(secrets, a.id);
        if (states.get(a.id) !== state) changed = true;
        next.set(a.id, state);
      }
      states.clear();
      for (const [id, state] of next) states.set(id, state);
      return changed;
    },
  };
}
