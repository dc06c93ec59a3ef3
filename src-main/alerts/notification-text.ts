import { formatDuration } from '../../src-shared/display/duration';
import { forecastText } from '../../src-shared/display/forecast-text';
import { formatPercentUsed, formatThresholdPercent } from '../../src-shared/display/percent';
import { stateLabel } from '../../src-shared/display/state-label';
import { reachedCredits } from '../../src-shared/display/threshold-text';
import type { PoolCard, RaisedAlert, WorkspaceCard } from '../../src-shared/ipc/snapshot';
import type { PoolKind } from '../../src-shared/types/ledger';
import { formatCredits, formatWholeCredits } from '../../src-shared/display/credits';
import { topSpenders } from './top-spenders';

/** A desktop notification: what it says and which workspace a click opens. */
export interface NotificationContent {
  key: string;
  /** The workspace a click opens; empty for the overview (the digest). */
  workspaceId: string;
  title: string;
  body: string;
  /** The reading reminder: a click opens this pool's reading field rather than the workspace. */
  readingPool?: PoolKind;
}

type Notifiable = Pick<RaisedAlert, 'key' | 'kind' | 'workspaceId' | 'pool' | 'percent' | 'message'> &
  Partial<Pick<RaisedAlert, 'workspaceName'>>;

export interface TextContext {
  now: number;
  timeZone: string;
  locale?: string;
}

/** "Top this period: Ana (4,500) · email (3,000)": who and what drained the pool. */
function topLine(ws: WorkspaceCard, pool: PoolCard, locale: string): string | null {
  const { member, action } = topSpenders(ws, pool);
  if (!member && !action) return null;
  const parts = [
    ...(member ? [`${member.name} (${formatCredits(member.credits, locale)})`] : []),
    ...(action ? [`${action.name} (${formatCredits(action.credits, locale)})`] : []),
  ];
  return `Top this period: ${parts.join(' · ')}`;
}

/** "At risk · 25,019 of 50,000 left (49.9% used); resets in 28d 16h": the card's state and numbers. */
function balanceLine(pool: PoolCard, now: number, locale: string): string {
  const resets = `resets in ${formatDuration(Date.parse(pool.periodEnd) - now, locale, 'minute')}`;
  const state = stateLabel(
    { state: pool.state, threshold: pool.passedThreshold },
    { locale, inForce: pool.thresholdsInForce },
  );
  if (pool.balance === 'dry')
    return `${state} · 0 of ${formatCredits(pool.available, locale)} left; ${resets}`;
  return `${state} · ${formatCredits(pool.remaining, locale)} of ${formatCredits(pool.available, locale)} left (${formatPercentUsed(pool.percentUsed, locale)} used); ${resets}`;
}

function title(
  alert: Notifiable,
  ws: string,
  pool: PoolCard | undefined,
  now: number,
  locale: string,
): string {
  const credits = `${alert.pool ?? 'pool'} credits`;
  switch (alert.kind) {
    case 'threshold': {
      // A credit threshold reads in credits ("Acme: 50,000 integration credits used"), never "0.01%".
      const reached = alert.percent !== null ? reachedCredits(pool?.thresholdsInForce, alert.percent) : null;
      if (reached !== null) return `${ws}: ${formatWholeCredits(reached, locale)} ${credits} used`;
      return `${ws}: ${alert.percent !== null ? formatThresholdPercent(alert.percent, locale) : pool ? formatPercentUsed(pool.percentUsed, locale) : '?'} of ${credits} used`;
    }
    case 'exhausted':
      return `${ws}: ${credits} ran out`;
    case 'projected-run-out':
      return pool?.forecast.runsOutAt
        ? `${ws}: ${credits} run out in ${formatDuration(Date.parse(pool.forecast.runsOutAt) - now, locale, 'minute')}`
        : `${ws}: ${credits} will run out before the reset`;
    case 'mid-period-audit':
      return `${ws}: half the ${credits} used before mid-period`;
    case 'member-budget':
      return `${ws}: a member reached their budget`;
    case 'sync-stale':
      return `${ws}: usage data is out of date`;
    case 'drift':
      return `${ws}: local balance differs from the server`;
    case 'recovered':
      return `${ws}: ${credits} back to normal`;
    case 'reset':
      return `${ws}: a new period of ${credits} started`;
  }
}

/**
 * The notification for an alert, with what a lead needs to act: workspace, pool, percent, remaining,
 * time to reset, and who and what used the most this period. Numbers come from the current snapshot,
 * so an alert released after quiet hours shows the balance at release, not at the crossing.
 */
export function notificationText(
  alert: Notifiable,
  workspaces: readonly WorkspaceCard[],
  ctx: TextContext,
): NotificationContent {
  const locale = ctx.locale ?? 'en-US';
  const ws = workspaces.find((w) => w.id === alert.workspaceId);
  const pool = ws?.pools.find((p) => p.pool === alert.pool);
  // The workspace's name, or the one it had when raised: a notification never names a raw id.
  const name = ws?.name ?? alert.workspaceName ?? 'A workspace no longer synced';
  const lines: string[] = [];
  const ownMessage = ['member-budget', 'sync-stale', 'drift', 'recovered', 'reset'].includes(alert.kind);
  if (ws && pool && !ownMessage) {
    lines.push(balanceLine(pool, ctx.now, locale));
    // The card's own forecast sentence: when it runs dry (or ran dry, and what was refused since).
    const forecast = forecastText(pool, { asOf: ctx.now, now: ctx.now }, { locale, timeZone: ctx.timeZone });
    if (forecast.tone !== 'ok' && forecast.tone !== 'idle') lines.push(forecast.sentence);
    if (alert.kind === 'mid-period-audit') lines.push('Audit which apps spend it.');
    const top = topLine(ws, pool, locale);
    if (top) lines.push(top);
  } else {
    lines.push(alert.message);
    if (ws && pool && alert.kind === 'member-budget') lines.push(balanceLine(pool, ctx.now, locale));
  }
  return {
    key: alert.key,
    workspaceId: alert.workspaceId,
    title: title(alert, name, pool, ctx.now, locale),
    body: lines.join('\n'),
  };
}
