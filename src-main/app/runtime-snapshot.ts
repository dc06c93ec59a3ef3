import { cacheDamageFoundText } from '../../src-shared/display/cache-damage';
import type { Snapshot, SyncStatus } from '../../src-shared/ipc/snapshot';
import { toIso } from '../../src-shared/time/instant';
import { notificationStatus } from '../alerts/notification-status';
import { accountStatus } from './account-tokens';
import { composeSnapshot, type ComposeSnapshotInput } from './compose-snapshot';
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
function appFacts(rt: RuntimeContext, shown: Shown): Pick<Snapshot, 'notices' | 'accounts' | 'timeZone'> {
  return {
    timeZone: rt.timeZone,
    notices: listNotices(rt.cache),
    ...(shown.mode === 'accounts'
      ? { accounts: rt.settings().accounts.map((a) => accountStatus(a, rt.tokens.get(a.id))) }
      : {}),
  };
}

/**
 * What a snapshot is composed from: the shown accounts and every fact read from the cache and the
 * runtime's state (the reads), apart from the composition itself (pure), so that a caller can run
 * the two in separate tasks of the event loop (republishInSteps).
 */
export interface SnapshotFacts {
  /** Its place in the order the compositions read the cache (RuntimeState.tickets). */
  ticket: number;
  shown: Shown;
  input: ComposeSnapshotInput;
  app: Pick<Snapshot, 'notices' | 'accounts' | 'timeZone'>;
}

/** The reads of a snapshot; the workspace list read once. */
export function snapshotFacts(rt: RuntimeContext): SnapshotFacts {
  const { cache } = rt;
  const shown = shownNow(rt);
  const pausedUntil = pausedUntilOf(rt);
  const now = rt.now();
  return {
    ticket: ++rt.state.tickets,
    shown,
    input: {
      now,
      mode: shown.mode,
      settings: rt.settings(),
      catalog: rt.catalog(),
      workspaces: workspaceFacts(cache, rt.state.view, shown.accountIds, shown.workspaces),
      sync: syncStatus(rt, shown),
      alerts: cache.alerts.list({ limit: ALERT_LIST_LIMIT }),
      pausedUntil,
      notifications: notificationStatus(rt.settings(), pausedUntil, now, rt.timeZone),
      openAlerts: cache.alerts.unacknowledged(),
    },
    app: appFacts(rt, shown),
  };
}

/** The snapshot of these facts (pure). */
export const composeFacts = (facts: SnapshotFacts): Snapshot => ({
  ...composeSnapshot(facts.input),
  ...facts.app,
});

/** The snapshot from the current engine view and the cache (no alert pass). */
export function compose(rt: RuntimeContext): Snapshot {
  return composeFacts(snapshotFacts(rt));
}

/**
 * Keeps the snapshot as the current one and hands it to every listener; `ticket`: that of its
 * composition (default: the latest, for a snapshot composed just now).
 */
export function publish(rt: RuntimeContext, snapshot: Snapshot, ticket = rt.state.tickets): void {
  rt.state.current = snapshot;
  rt.state.publishedTicket = Math.max(rt.state.publishedTicket, ticket);
  for (const listener of rt.listeners) {
    try {
      listener(snapshot);
    } catch (err) {
      rt.log.error('snapshot listener failed', { error: err });
    }
  }
}
