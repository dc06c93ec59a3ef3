import type { Alert } from '../../src-shared/engine/alerts';
import { formatCredits, formatCreditsPhrase } from '../../src-shared/display/credits';
import { formatDateTime, formatDay, type DateStyle } from '../../src-shared/display/dates';
import { formatApproxSpan } from '../../src-shared/display/duration';
import { formatThresholdPercent } from '../../src-shared/display/percent';
import type { PoolCard, WorkspaceCard } from '../../src-shared/ipc/snapshot';

export interface AlertMessageContext {
  /** The user's locale and time zone: the alert centre and notifications show dates one way. */
  style: DateStyle;
  /** How a reached threshold reads: "90%" by default, "50,000 credits" where the lead set credits. */
  thresholdText?: (workspaceId: string, pool: PoolCard['pool'], percent: number) => string | undefined;
}

/**
 * The sentence the alert centre keeps for an engine alert, in the user's locale and time zone (the
 * engine's own messages, for the CLI, are in UTC): the workspace by name, a credit threshold in
 * credits, spans counted down like every other. Numbers other than the alert's come from the card.
 */
export function alertMessage(alert: Alert, ws: WorkspaceCard | undefined, ctx: AlertMessageContext): string {
  const pool = ws?.pools.find((p) => p.pool === alert.pool);
  if (!ws || !pool) return alert.message;
  const locale = ctx.style.locale;
  const name = ws.name;
  const resets = formatDay(pool.periodEnd, ctx.style);
  switch (alert.kind) {
    case 'threshold': {
      const percent = alert.percent ?? 0;
      const text = ctx.thresholdText?.(ws.id, pool.pool, percent);
      return text
        ? `${name}: ${text} of the ${pool.pool} pool used on ${formatDateTime(alert.at, ctx.style)}; it resets on ${resets}.`
        : `${name}: ${formatThresholdPercent(percent, locale)} of the ${pool.pool} pool used on ${formatDateTime(alert.at, ctx.style)}; it resets on ${resets}.`;
    }
    case 'exhausted':
      return `${name}: the ${pool.pool} pool ran dry on ${formatDateTime(alert.at, ctx.style)}; calls that cost credits are refused until it resets on ${resets}.`;
    case 'mid-period-audit': {
      const start = Date.parse(pool.periodStart);
      const mid = start + (Date.parse(pool.periodEnd) - start) / 2;
      return `${name}: half the ${pool.pool} pool was used by ${formatDay(alert.at, ctx.style)}, before mid-period (${formatDay(mid, ctx.style)}): audit which apps spend it.`;
    }
    case 'projected-run-out': {
      const runsOut = alert.runsOutAt ?? alert.at;
      return `${name}: at ${formatCreditsPhrase(pool.forecast.burnPerDay, locale)} a day the ${pool.pool} pool runs dry on ${formatDay(runsOut, ctx.style)}, ${formatApproxSpan(Date.parse(pool.periodEnd) - runsOut, locale)} before it resets; ${formatCredits(pool.remaining, locale)} of ${formatCredits(pool.available, locale)} left.`;
    }
    case 'member-budget': {
      const b = pool.budgets.find((x) => x.memberId === alert.memberId);
      const member = ws.members.find((m) => m.id === alert.memberId)?.name || b?.name || 'A member';
      if (!b) return alert.message;
      return `${name}: ${member} used ${formatCredits(b.used, locale)} ${pool.pool} credits this period, reaching the budget of ${formatCredits(b.budget, locale)}.`;
    }
  }
}
