import type { RaisedAlert, WorkspaceCard } from '../../src-shared/ipc/snapshot';
import type { Settings } from '../../src-shared/settings/settings';
import { toIso } from '../../src-shared/time/instant';
import type { AlertCandidate } from './alert-candidate';
import { holdUntil } from './alert-hold';
import { notificationAllowed } from './alert-switches';
import { notificationText, type NotificationContent } from './notification-text';
import type { AlertDelivery, RaisedAlertStore } from './raised-alert-store';
import { selectNotifications } from './select-notifications';

export interface AlertLoopDeps {
  store: RaisedAlertStore;
  /** Shows one desktop notification (the Electron notifier, or a recorder in tests). */
  notify(content: NotificationContent): void;
  now(): number;
  timeZone: string;
  locale?: string;
}

export interface AlertPassInput {
  /** Every condition that holds now (see AlertCandidate). */
  candidates: readonly AlertCandidate[];
  /** The snapshot's workspaces: the numbers notifications quote. */
  workspaces: readonly WorkspaceCard[];
  settings: Pick<Settings, 'notifications' | 'quietHours'>;
  /** The snooze's end (epoch ms), or null. */
  pausedUntil: number | null;
}

export interface AlertPassResult {
  /** Alerts recorded by this pass, in candidate order. */
  raised: RaisedAlert[];
  /** Notifications shown by this pass. */
  shown: NotificationContent[];
  /** While notifications are held: when to run a pass again to release them. */
  heldUntil: number | null;
}

/**
 * One pass of the alert loop, run after every sync and on a timer: records each new alert key once
 * (so nothing fires twice, across restarts too), holds notifications through quiet hours and snoozes,
 * releases what was held once they end (if its condition still holds), and shows one notification per
 * pool for what is due together. Records before notifying: after a crash an alert may go unshown,
 * never shown twice.
 */
export function runAlertPass(deps: AlertLoopDeps, input: AlertPassInput): AlertPassResult {
  const now = deps.now();
  const raisedAt = toIso(now);
  const heldUntil = holdUntil(now, input.settings.quietHours, input.pausedUntil, deps.timeZone);
  const allowed = (a: Pick<RaisedAlert, 'kind' | 'workspaceId'>) =>
    notificationAllowed(a.kind, a.workspaceId, input.settings);

  const seen = new Set<string>();
  const fresh = input.candidates.filter((c) => {
    if (seen.has(c.key) || deps.store.has(c.key)) return false;
    seen.add(c.key);
    return true;
  });

  // Held alerts wait in the store (delivery 'queued'), so a restart during quiet hours keeps them.
  const current = new Set(input.candidates.map((c) => c.key));
  const released = heldUntil === null ? deps.store.list({ delivery: 'queued' }) : [];
  // A held alert the lead acknowledged meanwhile has been dealt with: it is not shown afterwards.
  const stillDue = (a: RaisedAlert) => current.has(a.key) && allowed(a) && !a.acknowledgedAt;
  const expired = released.filter((a) => !stillDue(a));
  const due = [...released.filter(stillDue), ...(heldUntil === null ? fresh.filter(allowed) : [])];
  const { notify, superseded } = selectNotifications(due);
  const deliveryOf = new Map<string, AlertDelivery>([
    ...notify.map((a) => [a.key, 'shown'] as const),
    ...superseded.map((a) => [a.key, 'silent'] as const),
  ]);

  const owners = new Map(input.workspaces.map((w) => [w.id, w]));
  const raised = fresh.map((c): RaisedAlert => {
    const delivery = deliveryOf.get(c.key) ?? (allowed(c) ? 'queued' : 'silent');
    // It belongs to its workspace's account and keeps the name it had, so it never shows as an id.
    const owner = owners.get(c.workspaceId);
    const alert: RaisedAlert = {
      ...c,
      accountId: c.accountId ?? owner?.accountId ?? null,
      workspaceName: c.workspaceName ?? owner?.name ?? null,
      raisedAt,
      delivery,
      acknowledgedAt: null,
    };
    deps.store.record(alert);
    return alert;
  });
  for (const a of expired) deps.store.setDelivery(a.key, 'silent');
  for (const a of released) {
    const delivery = deliveryOf.get(a.key);
    if (delivery) deps.store.setDelivery(a.key, delivery);
  }

  const shown = notify.map((a) =>
    notificationText(a, input.workspaces, { now, timeZone: deps.timeZone, locale: deps.locale }),
  );
  for (const content of shown) deps.notify(content);
  return { raised, shown, heldUntil };
}
