import { cacheDamageFoundText } from '../../src-shared/display/cache-damage';
import type { Snapshot, SyncStatus } from '../../src-shared/ipc/snapshot';
import { toIso } from '../../src-shared/time/instant';
import { notificationStatus } from '../alerts/notification-status';
import { accountStatus } from './account-tokens';
import { composeSnapshot } from './compose-snapshot';
import { workspaceFacts } from './engine-view';
import { listNotices } from './notices';
import { shownNow, type RuntimeContext, type Shown } from './runtime-context';

/** Alerts the alert centre lists (newest first). */
export const ALERT_LIST_LIMIT = 200;

export const pausedUntilOf = (rt: RuntimeContext) => rt.cache.read.appState.get('pausedUntil', null);

/** The sync line of the snapshot, from the cache's account states (so it survives a restart). */
function syncStatus(rt: RuntimeContext, shown: Shown): SyncStatus {
  const { cache, state } = rt;
  let lastSuccessAt: number | null = null;
  let lastError: SyncStatus['lastError'] = state.viewError;
  let offline = false;
  for (const id of shown.accountIds) {
    const account = cache.read.syncState.account(id);
    if (account.lastSuccessAt !== null) lastSuccessAt = Math.max(lastSuccessAt ?? 0, account.lastSuccessAt);
    const failing =
      account.lastErrorAt !== null &&
      account.lastError !== null &&
      account.lastErrorAt >= (account.lastSuccessAt ?? Number.NEGATIVE_INFINITY);
    if (failing && account.lastErrorKind !== 'cancelled') {
      // A sync into a cache known damaged says what the damage banner says, not a second instruction.
      const message =
        account.lastErrorKind === 'cache-damaged' && state.cacheDamage !== null
          ? cacheDamageFoundText(state.cacheDamage)
          : account.lastError!;
      lastError ??= { message, at: toIso(account.lastErrorAt!) };
      if (account.lastErrorKind === 'offline') offline = true;
    }
  }
  return {
    running: state.syncing,
    lastSuccessAt: lastSuccessAt === null ? null : toIso(lastSuccessAt),
    lastError,
    nextSyncAt: state.nextSyncAt === null ? null : toIso(state.nextSyncAt),
    offline,
  };
}

/** What the snapshot says about the app itself: notices, and whether each account can sync. */
function appFacts(rt: RuntimeContext, shown: Shown): Pick<Snapshot, 'notices' | 'accounts'> {
  return {
    notices: listNotices(rt.cache),
    ...(shown.mode === 'accounts'
      ? { accounts: rt.settings().accounts.map((a) => accountStatus(a, rt.tokens.get(a.id))) }
      : {}),
  };
}

function composeCards(rt: RuntimeContext, shown: Shown): Snapshot {
  const { cache } = rt;
  return composeSnapshot({
    now: rt.now(),
    mode: shown.mode,
    settings: rt.settings(),
    catalog: rt.catalog(),
    workspaces: workspaceFacts(cache, rt.state.view, shown.accountIds, shown.workspaces),
    sync: syncStatus(rt, shown),
    alerts: cache.alerts.list({ limit: ALERT_LIST_LIMIT }),
    pausedUntil: pausedUntilOf(rt),
    notifications: notificationStatus(rt.settings(), pausedUntilOf(rt), rt.now(), rt.timeZone),
    openAlerts: cache.alerts.unacknowledged(),
  });
}

/** The snapshot from the current engine view and the cache (no alert pass); the workspace list read once. */
export function compose(rt: RuntimeContext): Snapshot {
  const shown = shownNow(rt);
  return { ...composeCards(rt, shown), ...appFacts(rt, shown) };
}

/** Keeps the snapshot as the current one and hands it to every listener. */
export function publish(rt: RuntimeContext, snapshot: Snapshot): void {
  rt.state.current = snapshot;
  for (const listener of rt.listeners) {
    try {
      listener(snapshot);
    } catch (err) {
      rt.log.error('snapshot listener failed', { error: err });
    }
  }
}
