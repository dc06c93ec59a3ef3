import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Snapshot } from '../../src-shared/ipc/snapshot';
import { runAlertPass } from '../alerts/alert-loop';
import { isCacheBusy, retryDelayMs } from '../db/main-writes';
import { lifecycleCandidates } from '../alerts/lifecycle-candidates';
import type { NotificationContent } from '../alerts/notification-text';
import type { DeliveryService } from '../delivery/delivery-service';
import type { DigestService } from '../digest/digest-service';
import { accountSyncFacts, appAlertCandidates } from './app-alert-candidates';
import { previousPeriodOf, type EngineView } from './engine-view';
import { readingReminderPass } from './reading-reminder-pass';
import type { RuntimeContext } from './runtime-context';
import {
  ALERT_LIST_LIMIT,
  composeFacts,
  pausedUntilOf,
  publish,
  snapshotFacts,
  type SnapshotFacts,
} from './runtime-snapshot';
import { thresholdTextOf } from './threshold-overrides';

/** Where the alert pass sends what it raises, beside the desktop notifications. */
export interface AlertServices {
  delivery: DeliveryService;
  digest: DigestService;
  /** Whether a failure was SQLite finding the cache damaged (then told as the damaged-cache state). */
  damaged?(err: unknown): boolean;
}

/**
 * Raises due alerts and routes them to the alert channels in one transaction (a raised key is
 * never left unrouted by a crash), then shows the desktop notifications: recorded before shown.
 */
function alertPass(
  rt: RuntimeContext,
  delivery: DeliveryService,
  snapshot: Snapshot,
  accountIds: readonly string[],
): boolean {
  const { cache, deps } = rt;
  const view = rt.state.view;
  if (!view) return false;
  const shown: NotificationContent[] = [];
  const text = { now: rt.now(), timeZone: rt.timeZone, ...(deps.locale ? { locale: deps.locale } : {}) };
  const result = cache.transaction(() => {
    const pass = runPass(rt, snapshot, view, accountIds, (content) => shown.push(content));
    delivery.routeAlerts(pass.raised, snapshot.workspaces, text);
    return pass;
  });
  for (const content of shown) deps.notify(content);
  return result.raised.length > 0 || result.shown.length > 0;
}

function runPass(
  rt: RuntimeContext,
  snapshot: Snapshot,
  view: EngineView,
  accountIds: readonly string[],
  notify: (content: NotificationContent) => void,
) {
  const { cache, deps, now, timeZone } = rt;
  return runAlertPass(
    {
      store: cache.alerts,
      notify,
      now,
      timeZone,
      ...(deps.locale ? { locale: deps.locale } : {}),
    },
    {
      candidates: [
        ...appAlertCandidates(view.evaluation.alerts, snapshot.workspaces, {
          style: { locale: deps.locale ?? 'en-US', timeZone },
          thresholdText: thresholdTextOf(snapshot.workspaces, deps.locale),
          accounts: accountSyncFacts(cache, accountIds),
          runStartedAt: rt.runStartedAt,
          now: now(),
        }),
        ...lifecycleCandidates({
          workspaces: snapshot.workspaces,
          raised: (key) => cache.alerts.has(key),
          previous: previousPeriodOf(view.evaluation),
          watchedSince: (accountId) => cache.read.accounts.createdAt(accountId),
          now: now(),
          style: { locale: deps.locale ?? 'en-US', timeZone },
        }),
      ],
      workspaces: snapshot.workspaces,
      settings: rt.settings(),
      pausedUntil: pausedUntilOf(rt),
    },
  );
}

/**
 * Raises due alerts on a composed snapshot, runs the reading reminder and the digest, and publishes
 * it (with the alert list again when the pass raised one).
 */
function alertAndPublish(
  rt: RuntimeContext,
  services: AlertServices,
  composed: Snapshot,
  facts: Pick<SnapshotFacts, 'ticket' | 'shown'>,
): Snapshot {
  const { accountIds } = facts.shown;
  const { cache, log } = rt;
  let snapshot = composed;
  let raised = false;
  // The cache's write lock held (the sync thread mid-chunk): the pass wrote nothing and showed
  // nothing; the snapshot goes out now and the whole pass runs again once the lock is free.
  let busy = false;
  try {
    raised = alertPass(rt, services.delivery, snapshot, accountIds);
  } catch (err) {
    if (isCacheBusy(err)) busy = true;
    // A damaged page under the alerts: the banner says the one damaged-cache sentence; the numbers still go out.
    else if (!services.damaged?.(err)) throw err;
    else log.error('the alert pass failed on the damaged cache', { error: err });
  }
  if (raised)
    snapshot = {
      ...snapshot,
      alerts: cache.alerts.list({ limit: ALERT_LIST_LIMIT }),
      openAlerts: cache.alerts.unacknowledged(),
    };
  // The passes after the alerts: a failure is logged (it must not keep the snapshot from the
  // screen); the lock held puts off the rest with the alert pass.
  const after = (what: string, pass: () => void) => {
    if (busy) return;
    try {
      pass();
    } catch (err) {
      if (isCacheBusy(err)) busy = true;
      else log.error(`${what} failed`, { error: err });
    }
  };
  after('the reading reminder', () =>
    readingReminderPass({
      cache,
      snapshot,
      settings: rt.settings(),
      pausedUntil: pausedUntilOf(rt),
      now: rt.now(),
      timeZone: rt.timeZone,
      notify: rt.deps.notify,
    }),
  );
  after('the digest', () => {
    if (rt.state.view) services.digest.check(snapshot);
  });
  if (busy) deferAlertPass(rt, services);
  else rt.state.alertPassRetries = 0;
  rt.state.republishedTicket = Math.max(rt.state.republishedTicket, facts.ticket);
  publish(rt, snapshot, facts.ticket);
  return snapshot;
}

/**
 * Runs the alert pass again (with a new composition: the view may have moved meanwhile) once the
 * cache's write lock is free: when the sync thread says its chunk is in, or after a short wait for
 * another connection's lock. One at a time; a pass that finds the lock held again puts itself off
 * again. Each key is recorded once and shown after it is recorded, so the retry raises what the
 * put-off pass would have, once.
 */
function deferAlertPass(rt: RuntimeContext, services: AlertServices): void {
  const { state } = rt;
  if (state.deferredAlertPass || state.disposed) return;
  const attempt = state.alertPassRetries++;
  if (attempt === 0) rt.log.info('the alert pass waits for the cache’s write lock (a sync is storing usage)');
  state.deferredAlertPass = rt.writes.whenFree(retryDelayMs(attempt)).then((release) => {
    state.deferredAlertPass = null;
    try {
      if (!state.disposed) republish(rt, services);
    } catch (err) {
      rt.log.error('the alert pass failed', { error: err });
    } finally {
      release();
    }
  });
}

/** Composes the snapshot from the current engine view, raises due alerts and publishes it. */
export function republish(rt: RuntimeContext, services: AlertServices): Snapshot {
  const facts = snapshotFacts(rt);
  return alertAndPublish(rt, services, composeFacts(facts), facts);
}

/**
 * republish in three tasks of the event loop: the cache's reads, the composition, then the alert
 * pass and the publish. For a new view of 20 workspaces in a first sync the whole ran ~33 ms of
 * main-thread CPU in one piece; a timer or an IPC call now waits for one part at most. What came
 * out between the steps decides the rest: a republish that read the cache after this one did has
 * left nothing to do; a plain publish read after it has this one run again as one republish (so
 * that its alert pass runs on what is shown); anything read before it (a tick's steps that began
 * first) is overwritten, never the other way round.
 */
export async function republishInSteps(rt: RuntimeContext, services: AlertServices): Promise<void> {
  const { state } = rt;
  const facts = snapshotFacts(rt);
  /** Whether to go on with the next step: false when it is done otherwise (or closed). */
  const goOn = (): boolean => {
    if (state.disposed || state.republishedTicket > facts.ticket) return false;
    if (state.publishedTicket < facts.ticket) return true;
    republish(rt, services);
    return false;
  };
  await nextTurn();
  if (!goOn()) return;
  const composed = composeFacts(facts);
  await nextTurn();
  if (!goOn()) return;
  alertAndPublish(rt, services, composed, facts);
}
