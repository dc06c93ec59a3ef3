import type { PoolKind, Workspace } from '../types/ledger';
import { toIso, type Millis } from '../time/instant';
// Credits in a message as every surface writes them: whole from 100 up (display/credits.ts).
import { formatCredits, formatCreditsPhrase } from '../display/credits';
import { formatApproxSpan } from '../display/duration';
import type { Forecast } from './forecast';
import { availableOf, remainingOf, type PeriodResult } from './period-result';

export type AlertKind =
  'threshold' | 'exhausted' | 'mid-period-audit' | 'projected-run-out' | 'member-budget';

/** Something a lead should hear about once: its key never changes, so it is raised once. */
export interface Alert {
  /** workspace | pool | period start | kind | threshold (percent, or member id for a budget). */
  key: string;
  kind: AlertKind;
  workspaceId: string;
  pool: PoolKind;
  periodStart: Millis;
  /** The threshold, for threshold alerts (and 100 for exhausted, 50 for the mid-period audit). */
  percent?: number;
  memberId?: string;
  at: Millis;
  runsOutAt?: Millis;
  message: string;
}

/** Builds the stable alert key from its parts. */
export function alertKey(
  workspaceId: string,
  pool: PoolKind,
  periodStart: Millis,
  kind: AlertKind,
  threshold: string | number,
): string {
  return [workspaceId, pool, toIso(periodStart), kind, String(threshold)].join('|');
}

function when(t: Millis): string {
  return `${toIso(t).slice(0, 16).replace('T', ' ')} UTC`;
}

function day(t: Millis): string {
  return toIso(t).slice(0, 10);
}

/**
 * When a mark was reached: an instant for a call; for a reading, the span since the observation
 * before it, since nothing says when in between the pool got there.
 */
function reachedWhen(r: PeriodResult, t: Millis): string {
  const reading = r.readings.find((m) => m.at === t && m.credits > 0);
  if (!reading) return `on ${when(t)}`;
  const before =
    reading.after === r.start
      ? `the period's start (${when(r.start)})`
      : `the reading of ${when(reading.after)}`;
  return `between ${before} and the reading of ${when(t)}`;
}

/**
 * The alerts of one period as seen at its asOf. Threshold alerts cover every configured threshold
 * under 100 (100 is the exhausted alert); the forecast decides the projected run-out. `name` is how
 * the sentences name the workspace (display/workspace-names.ts tells two of one name apart).
 */
export function periodAlerts(
  ws: Workspace,
  r: PeriodResult,
  forecast: Forecast,
  name: string = ws.name || ws.id,
): Alert[] {
  const base = { workspaceId: ws.id, pool: r.pool, periodStart: r.start };
  const key = (kind: AlertKind, threshold: string | number) =>
    alertKey(ws.id, r.pool, r.start, kind, threshold);
  const alerts: Alert[] = [];
  for (const mark of r.thresholds) {
    if (mark.percent >= 100 || mark.reachedAt === null) continue;
    alerts.push({
      ...base,
      key: key('threshold', mark.percent),
      kind: 'threshold',
      percent: mark.percent,
      at: mark.reachedAt,
      message: `${name}: ${mark.percent}% of the ${r.pool} pool used ${reachedWhen(r, mark.reachedAt)}; it resets on ${day(r.end)}.`,
    });
  }
  if (r.exhaustedAt !== null) {
    alerts.push({
      ...base,
      key: key('exhausted', 100),
      kind: 'exhausted',
      percent: 100,
      at: r.exhaustedAt,
      message:
        r.exhaustion === 'publishing'
          ? `${name}: the ${r.pool} pool ran dry ${reachedWhen(r, r.exhaustedAt)}; published apps keep working, but edits cannot be published until it resets on ${day(r.end)} or the plan is upgraded.`
          : `${name}: the ${r.pool} pool ran dry ${reachedWhen(r, r.exhaustedAt)}; calls that cost credits are refused until it resets on ${day(r.end)}.`,
    });
  }
  const midpoint = r.start + (r.end - r.start) / 2;
  if (r.halfwayAt !== null && r.halfwayAt < midpoint) {
    alerts.push({
      ...base,
      key: key('mid-period-audit', 50),
      kind: 'mid-period-audit',
      percent: 50,
      at: r.halfwayAt,
      message: `${name}: half the ${r.pool} pool was used by ${day(r.halfwayAt)}, before mid-period (${day(midpoint)}): audit which apps spend it.`,
    });
  }
  if (forecast.runsOutAt !== null) {
    alerts.push({
      ...base,
      key: key('projected-run-out', '-'),
      kind: 'projected-run-out',
      at: r.asOf,
      runsOutAt: forecast.runsOutAt,
      message: `${name}: at ${formatCreditsPhrase(forecast.burnPerDay)} a day the ${r.pool} pool runs dry on ${day(forecast.runsOutAt)}, ${formatApproxSpan(r.end - forecast.runsOutAt)} before it resets; ${formatCredits(remainingOf(r))} of ${formatCredits(availableOf(r))} left.`,
    });
  }
  const memberNames = new Map((ws.members ?? []).map((m) => [m.id, m.name]));
  for (const b of r.budgets) {
    if (b.reachedAt === null) continue;
    alerts.push({
      ...base,
      key: key('member-budget', b.memberId),
      kind: 'member-budget',
      memberId: b.memberId,
      at: b.reachedAt,
      message: `${name}: ${memberNames.get(b.memberId) || b.memberId} used ${formatCredits(b.used)} ${r.pool} credits this period, reaching the budget of ${formatCredits(b.budget)}.`,
    });
  }
  return alerts;
}
