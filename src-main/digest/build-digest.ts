import { formatCredits, formatSignedCredits } from '../../src-shared/display/credits';
import { formatDateTime, formatDay, type DateStyle } from '../../src-shared/display/dates';
import { forecastText } from '../../src-shared/display/forecast-text';
import { formatPercentUsed } from '../../src-shared/display/percent';
import type { PoolCard, RaisedAlert, WorkspaceCard } from '../../src-shared/ipc/snapshot';
import { toIso } from '../../src-shared/time/instant';
import { notificationText, type NotificationContent } from '../alerts/notification-text';
import { topSpenders } from '../alerts/top-spenders';
import type { DigestPoolFigure, DigestRecord } from '../db/repositories/digest-repository';
import type { DigestPoolV1, DigestV1, MessageBodyV1 } from '../delivery/message-body';
import type { DigestSlot } from './digest-schedule';

export interface DigestInput {
  account: { id: string; label: string };
  slot: DigestSlot;
  now: number;
  /** The account's workspaces as the snapshot shows them. */
  workspaces: readonly WorkspaceCard[];
  /** The account's digest before this one (sent or skipped), or null for the first. */
  previous: DigestRecord | null;
  /** Where the window starts: the previous digest, or the slot before this one for the first. */
  from: number;
  /** Alerts of the account's workspaces raised in the window, any kind, newest first. */
  alerts: readonly RaisedAlert[];
  timeZone: string;
  locale?: string;
}

export interface BuiltDigest {
  /** The message channels get (the versioned body, type digest). */
  body: MessageBodyV1;
  /** The one desktop notification; its empty workspaceId opens the overview. */
  notification: NotificationContent;
  /** False when no pool moved and no alert was raised since the previous digest: skip it. */
  changed: boolean;
  /** What the next digest measures its change against. */
  figures: DigestPoolFigure[];
}

/** Alerts listed in a digest at most; the rest are counted. */
const ALERTS_LISTED = 10;

function figureOf(ws: WorkspaceCard, pool: PoolCard): DigestPoolFigure {
  return {
    workspaceId: ws.id,
    pool: pool.pool,
    periodStart: pool.periodStart,
    used: pool.used,
    available: pool.available,
  };
}

const sameFigures = (a: DigestPoolFigure, b: DigestPoolFigure) =>
  a.periodStart === b.periodStart && a.used === b.used && a.available === b.available;

/** "since yesterday", "since Fri" style words for the previous digest's instant. */
function sinceWords(previousAt: number, input: DigestInput, style: DateStyle): string {
  return input.slot.schedule === 'weekly'
    ? `since ${formatDay(previousAt, style)}`
    : input.now - previousAt < 36 * 3_600_000
      ? 'since yesterday'
      : `since ${formatDay(previousAt, style)}`;
}

/**
 * The digest of one account for one slot: each pool's used of available, the change since the
 * previous digest (same period), the forecast sentence, the top member and action, and the alerts
 * of the window. Pure: the figures, alerts and previous record are gathered by the caller.
 */
export function buildDigest(input: DigestInput): BuiltDigest {
  const locale = input.locale ?? 'en-US';
  const style: DateStyle = { locale, timeZone: input.timeZone };
  const previous = new Map(
    (input.previous?.pools ?? []).map((p) => [`${p.workspaceId}|${p.pool}`, p] as const),
  );
  const figures = input.workspaces.flatMap((ws) => ws.pools.map((p) => figureOf(ws, p)));
  const changed =
    input.previous === null ||
    input.alerts.length > 0 ||
    figures.length !== input.previous.pools.length ||
    figures.some((f) => {
      const before = previous.get(`${f.workspaceId}|${f.pool}`);
      return !before || !sameFigures(before, f);
    });

  const pools: DigestPoolV1[] = [];
  const lines: string[] = [];
  for (const ws of input.workspaces) {
    for (const pool of ws.pools) {
      const before = previous.get(`${ws.id}|${pool.pool}`);
      const change = before && before.periodStart === pool.periodStart ? pool.used - before.used : null;
      const top = topSpenders(ws, pool);
      pools.push({
        workspace: { id: ws.id, name: ws.name },
        pool: pool.pool,
        used: pool.used,
        available: pool.available,
        remaining: pool.remaining,
        percent: pool.percentUsed,
        change,
        changeSince: change === null ? null : toIso(input.previous!.builtAt),
        resetsAt: pool.periodEnd,
        forecast: { projectedUsed: pool.forecast.projectedUsed, runsOutAt: pool.forecast.runsOutAt },
        top,
      });
      const moved =
        change === null
          ? before
            ? ', a new period'
            : ''
          : `, ${formatSignedCredits(change, locale)} ${sinceWords(input.previous!.builtAt, input, style)}`;
      const forecast = forecastText(pool, { asOf: input.now, now: input.now }, style).sentence;
      const who = [
        ...(top.member ? [`${top.member.name} (${formatCredits(top.member.credits, locale)})`] : []),
        ...(top.action ? [`${top.action.name} (${formatCredits(top.action.credits, locale)})`] : []),
      ];
      lines.push(
        `${ws.name} · ${pool.pool}: ${formatCredits(pool.used, locale)} of ${formatCredits(pool.available, locale)} used (${formatPercentUsed(pool.percentUsed, locale)})${moved}. ${forecast}${who.length > 0 ? ` Top: ${who.join(' · ')}.` : ''}`,
      );
    }
  }

  const window = `since ${formatDateTime(input.from, style)}`;
  const titles = input.alerts.map(
    (a) => notificationText(a, input.workspaces, { now: input.now, timeZone: input.timeZone, locale }).title,
  );
  const alertLines =
    titles.length === 0
      ? [`No alerts ${window}.`]
      : [
          `Alerts ${window}:`,
          ...titles.slice(0, ALERTS_LISTED).map((t) => `- ${t}`),
          ...(titles.length > ALERTS_LISTED ? [`- and ${titles.length - ALERTS_LISTED} more`] : []),
        ];

  const when =
    input.slot.schedule === 'weekly'
      ? `week of ${formatDay(input.slot.at, style)}`
      : formatDay(input.slot.at, style);
  const subject = `Creditbar ${input.slot.schedule} digest: ${input.account.label} (${when})`;
  const key = `digest|${input.account.id}|${input.slot.key}`;
  const digest: DigestV1 = {
    schedule: input.slot.schedule,
    account: input.account,
    from: toIso(input.from),
    to: toIso(input.now),
    pools,
    alerts: input.alerts.map((a) => ({
      key: a.key,
      kind: a.kind,
      workspaceId: a.workspaceId,
      message: a.message,
      raisedAt: a.raisedAt,
    })),
  };
  const body: MessageBodyV1 = {
    version: 1,
    type: 'digest',
    id: key,
    createdAt: toIso(input.now),
    text: [subject, ...lines, ...alertLines].join('\n'),
    alerts: [],
    digest,
  };

  // A notification is short: each pool's percent and change, then how many alerts.
  const brief = pools.map((p) => {
    const delta = p.change === null || p.change === 0 ? '' : `, ${formatSignedCredits(p.change, locale)}`;
    return `${p.workspace.name} · ${p.pool}: ${formatPercentUsed(p.percent, locale)} used${delta}`;
  });
  const notification: NotificationContent = {
    key,
    workspaceId: '',
    title: subject,
    body: [
      ...brief.slice(0, 4),
      ...(brief.length > 4 ? [`and ${brief.length - 4} more pools`] : []),
      titles.length === 0
        ? `No alerts ${window}.`
        : `${titles.length} alert${titles.length === 1 ? '' : 's'} ${window}.`,
    ].join('\n'),
  };
  return { body, notification, changed, figures };
}
