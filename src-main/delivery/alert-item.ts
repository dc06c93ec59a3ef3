import type { RaisedAlert, WorkspaceCard } from '../../src-shared/ipc/snapshot';
import { notificationText, type TextContext } from '../alerts/notification-text';
import { selectNotifications, severity } from '../alerts/select-notifications';
import { topSpenders } from '../alerts/top-spenders';
import type { AlertItemV1, MessageBodyV1 } from './message-body';

const THRESHOLD_KINDS = new Set<RaisedAlert['kind']>(['threshold', 'exhausted', 'mid-period-audit']);

/**
 * An alert as channels carry it: its key and sentence, the pool's numbers from the snapshot it was
 * raised with, and the notification's text (what a person reads first).
 */
export function alertItem(
  alert: RaisedAlert,
  workspaces: readonly WorkspaceCard[],
  ctx: TextContext,
): AlertItemV1 {
  const ws = workspaces.find((w) => w.id === alert.workspaceId);
  const pool = alert.pool === null ? undefined : ws?.pools.find((p) => p.pool === alert.pool);
  const note = notificationText(alert, workspaces, ctx);
  const runsOutAt = pool?.forecast.runsOutAt ?? null;
  return {
    key: alert.key,
    kind: alert.kind,
    workspace: { id: alert.workspaceId, name: ws?.name ?? alert.workspaceId },
    pool: alert.pool,
    percent: pool ? pool.percentUsed : null,
    threshold: THRESHOLD_KINDS.has(alert.kind) ? alert.percent : null,
    used: pool ? pool.used : null,
    available: pool ? pool.available : null,
    remaining: pool ? pool.remaining : null,
    resetsAt: pool ? pool.periodEnd : null,
    runsOutAt: pool && runsOutAt !== null && runsOutAt < pool.periodEnd ? runsOutAt : null,
    top: ws && pool ? topSpenders(ws, pool) : { member: null, action: null },
    at: alert.at,
    raisedAt: alert.raisedAt,
    message: alert.message,
    title: note.title,
    text: note.body,
  };
}

const selectable = (a: AlertItemV1) => ({
  key: a.key,
  kind: a.kind,
  workspaceId: a.workspace.id,
  pool: a.pool,
  percent: a.threshold,
});

/** Loudest first (dry, then the highest threshold ...), then oldest first: the first alert is the headline. */
export function orderItems(items: readonly AlertItemV1[]): AlertItemV1[] {
  return [...items].sort(
    (a, b) =>
      severity(selectable(b)) - severity(selectable(a)) ||
      a.raisedAt.localeCompare(b.raisedAt) ||
      a.key.localeCompare(b.key),
  );
}

/**
 * One message carrying the alerts that were waiting for a channel (one, or a burst merged because
 * of the rate limit). As on the desktop, a pool's alerts raised together read as its loudest one
 * (a jump from 40 % to 95 % says "90 %", then "also: 50 %"); several pools get one line each.
 * `alerts` lists every alert, loudest first.
 */
export function alertsMessage(id: string, createdAt: string, items: readonly AlertItemV1[]): MessageBodyV1 {
  const ordered = orderItems(items);
  if (ordered.length === 0) throw new Error('an alerts message needs at least one alert');
  const byKey = new Map(ordered.map((a) => [a.key, a]));
  const { notify, superseded } = selectNotifications(ordered.map(selectable));
  const headlines = notify.map((s) => byKey.get(s.key)!);
  const also =
    superseded.length > 0 ? [`Also: ${superseded.map((s) => byKey.get(s.key)!.title).join('; ')}`] : [];
  const text =
    headlines.length === 1
      ? [headlines[0]!.title, headlines[0]!.text, ...also].join('\n')
      : [`${headlines.length} Creditbar alerts`, ...headlines.map((a) => `- ${a.title}`), ...also].join('\n');
  return { version: 1, type: 'alerts', id, createdAt, text, alerts: ordered, digest: null };
}

/** The message "Send a test" sends: a real alerts-shaped body, flagged as a test. */
export function testMessage(id: string, createdAt: string, channelLabel: string): MessageBodyV1 {
  return {
    version: 1,
    type: 'test',
    id,
    createdAt,
    text: `Creditbar test message for "${channelLabel}"\nAlerts routed to this channel will arrive like this one.`,
    alerts: [],
    digest: null,
  };
}
