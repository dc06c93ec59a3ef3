import type { Snapshot } from '../../src-shared/ipc/snapshot';
import { toIso } from '../../src-shared/time/instant';
import { snoozeUntil, type SnoozeSpan } from '../alerts/snooze';
import type { DeliveryService } from '../delivery/delivery-service';
import type { InvokeHandlers } from '../ipc/invoke-handlers';
import type { SyncService } from '../sync/sync-service';
import { syncBlockedReason } from './account-tokens';
import { createAlertHandlers } from './alert-handlers';
import { createAppHandlers } from './app-handlers';
import { createChannelHandlers } from './channel-handlers';
import { dismissNotice } from './notices';
import { modeNow, shownAccountIds, type RuntimeContext } from './runtime-context';
import { ensureDemo, stopDemo } from './runtime-sync';
import type { SyncScheduler, SyncReason } from './scheduler';

/** What the IPC handlers drive besides the context: the scheduler, channels and the snapshot. */
export interface HandlerParts {
  scheduler: SyncScheduler;
  syncService: SyncService;
  delivery: DeliveryService;
  republish: () => Snapshot;
  /** Asks for a new view and answers with the snapshot composed from the view at hand. */
  refresh: () => Snapshot;
}

/** Re-reads which accounts have a token; publishes when that changed. */
export async function recheckTokens(rt: RuntimeContext, republish: () => Snapshot): Promise<void> {
  try {
    if (await rt.tokens.check(rt.settings().accounts)) republish();
  } catch (err) {
    rt.log.error('reading the stored tokens failed', { error: err });
  }
}

export function pauseAlerts(
  rt: RuntimeContext,
  republish: () => Snapshot,
  span: SnoozeSpan,
): { pausedUntil: string | null } {
  const until = snoozeUntil(span, rt.now(), rt.timeZone);
  // At once when the cache can be written (the tray's menu answers with the end either way).
  void rt.writes
    .soon(() => {
      rt.cache.write.appState.set('pausedUntil', until);
      republish();
    })
    .catch((err: unknown) => rt.log.error('pausing the alerts failed', { error: err }));
  return { pausedUntil: until === null ? null : toIso(until) };
}

/** Every call of the IPC contract, answered over the runtime's state. */
export function createRuntimeHandlers(rt: RuntimeContext, parts: HandlerParts): InvokeHandlers {
  const { cache, deps, now } = rt;
  const { scheduler, republish } = parts;
  const writeSoon = <T>(fn: () => T) => rt.writes.soon(fn);
  /** A call that writes what the lead typed or chose: run once the cache can be written, never waiting on its lock. */
  const soon =
    <A, R>(handler: (input: A) => R) =>
    (input: A) =>
      writeSoon(() => handler(input));
  /** Syncs as soon as the running sync (if any) is done: account changes must not wait an interval. */
  const syncSoon = (reason: SyncReason) => {
    if (!scheduler.requestSync(reason)) void scheduler.whenIdle().then(() => scheduler.requestSync(reason));
  };
  const alerts = createAlertHandlers({
    cache,
    republish,
    accountLabel: (id) => cache.read.accounts.get(id)?.label ?? null,
  });
  const handlers = createAppHandlers({
    cache,
    writeSoon,
    now,
    settings: deps.settings,
    secrets: deps.secrets,
    catalog: rt.catalog,
    shownAccountIds: () => shownAccountIds(rt),
    snapshot: () => rt.state.current ?? parts.refresh(),
    requestSync: (reason) => scheduler.requestSync(reason),
    syncBlockedReason: () =>
      modeNow(rt) === 'accounts' ? syncBlockedReason(rt.settings().accounts, rt.tokens.all()) : null,
    tokensChanged: () => recheckTokens(rt, republish),
    dismissNotice: (key) => {
      const dismissed = dismissNotice(cache, key);
      if (dismissed) republish();
      return dismissed;
    },
    syncSoon,
    stopSync: (accountId) => parts.syncService.stop(accountId),
    pauseAlerts: (span) => pauseAlerts(rt, republish, span),
    ensureDemo: () => ensureDemo(rt),
    stopDemo: () => stopDemo(rt, parts.syncService),
    refresh: parts.refresh,
    updates: deps.updates ?? null,
    alerts: { ...alerts, acknowledgeAlerts: soon(alerts.acknowledgeAlerts) },
    appVersion: deps.appVersion ?? 'unknown',
    channels: createChannelHandlers(
      { cache, settings: deps.settings, secrets: deps.secrets, now, writeSoon },
      parts.delivery,
    ),
  });
  return {
    ...handlers,
    dismissNotice: soon(handlers.dismissNotice),
    recordReading: soon(handlers.recordReading),
    answerReading: soon(handlers.answerReading),
    removeWorkspace: soon(handlers.removeWorkspace),
  };
}
