import type { Settings } from '../../src-shared/settings/settings';
import { DEMO_ACCOUNT_ID } from '../app/demo-server';
import { shownOf } from '../app/runtime-context';
import type { Cache } from '../cache/cache';
import { LOCAL_ACCOUNT_ID } from '../db/repositories/accounts-repository';
import type { CachedWorkspace } from '../db/repositories/workspaces-repository';

/** Why the app leaves the other workspaces out, by its mode. */
const WHY: Record<ReturnType<typeof shownOf>['mode'], string> = {
  accounts: 'it shows your connected accounts and the workspaces kept on this computer',
  demo: 'it shows the demo while no account is connected and no workspace is kept by hand',
  onboarding: 'it shows none until you connect an account, keep a workspace by hand or start the demo',
};

/**
 * The cached workspaces the app shows (its own rule, runtime-context.ts shownOf) and those it does
 * not, with one line saying which and why. Without the app's Settings (`--db`), the accounts are
 * the ones this cache holds, as the app's would be: the demo's workspaces go once there are others.
 */
export function shownWorkspaces(
  cache: Cache,
  settings: Pick<Settings, 'accounts' | 'demo'> | null,
): { shown: CachedWorkspace[]; notShownLine: string | null } {
  const all = cache.read.workspaces.list();
  const accounts = cache.read.accounts.list();
  const rule =
    settings ??
    ({
      accounts: accounts.filter((a) => a.id !== DEMO_ACCOUNT_ID && a.id !== LOCAL_ACCOUNT_ID),
      demo: true,
    } as Pick<Settings, 'accounts' | 'demo'>);
  const { mode, accountIds } = shownOf(rule, all);
  const shown = all.filter((w) => accountIds.includes(w.accountId));
  const hidden = all.filter((w) => !accountIds.includes(w.accountId));
  if (hidden.length === 0) return { shown, notShownLine: null };
  const label = new Map(accounts.map((a) => [a.id, a.label]));
  const owner = (id: string) => (id === DEMO_ACCOUNT_ID ? 'the demo' : `account ${label.get(id) ?? id}`);
  const names = hidden.map((w) => `${w.workspace.name} (${owner(w.accountId)})`).join(', ');
  return { shown, notShownLine: `Not shown in the app (${WHY[mode]}): ${names}.` };
}
