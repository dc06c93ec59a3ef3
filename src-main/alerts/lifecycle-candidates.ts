import type { PoolCard, WorkspaceCard } from '../../src-shared/ipc/snapshot';
import { toIso, type Millis } from '../../src-shared/time/instant';
import { formatCredits } from '../../src-shared/display/credits';
import { formatDay, type DateStyle } from '../../src-shared/display/dates';
import { formatPercentUsed } from '../../src-shared/display/percent';
import type { AlertCandidate } from './alert-candidate';

/** The period before the current one of a pool, as the engine walked it. */
export interface PreviousPeriod {
  start: Millis;
  end: Millis;
  used: number;
  available: number;
}

export interface LifecycleInput {
  workspaces: readonly WorkspaceCard[];
  /** Whether an alert key was ever raised (the cache's raised alerts). */
  raised(key: string): boolean;
  /** The previous period of a pool, or null when the engine has none. */
  previous(workspaceId: string, pool: PoolCard['pool']): PreviousPeriod | null;
  /** Since when Creditbar has watched an account (its first sync), or null. */
  watchedSince(accountId: string): Millis | null;
  now: Millis;
  /** The user's locale and zone: these sentences sit in the alert centre beside alertMessage's (default en-US, UTC). */
  style?: DateStyle;
}

const UTC_STYLE: DateStyle = { locale: 'en-US', timeZone: 'UTC' };

const key = (ws: string, pool: PoolCard, kind: string, detail: string) =>
  [ws, pool.pool, toIso(Date.parse(pool.periodStart)), kind, detail].join('|');

/** The highest warning threshold under 100 % (the pool's marks), which a recovered pool must be back under. */
function warningLine(pool: PoolCard): number {
  const below = pool.marks.filter((m) => m < 100);
  return below.length > 0 ? Math.max(...below) : 100;
}

function projectedDry(pool: PoolCard): boolean {
  const runsOut = pool.forecast.runsOutAt;
  return runsOut !== null && Date.parse(runsOut) < Date.parse(pool.periodEnd);
}

/**
 * `recovered`: a pool whose exhausted or projected-run-out alert was raised this period is no longer
 * dry, no longer projected to run dry before the reset, and back under its highest warning threshold
 * (a top-up, a plan change, a corrected reading). Keyed by what it recovered from, so it is raised
 * once per period and trouble: a pool that was at risk, recovered, then ran dry recovers once more.
 */
export function recoveredCandidate(
  ws: WorkspaceCard,
  pool: PoolCard,
  input: Pick<LifecycleInput, 'raised' | 'now' | 'style'>,
): AlertCandidate | null {
  const style = input.style ?? UTC_STYLE;
  const locale = style.locale;
  const from = input.raised(key(ws.id, pool, 'exhausted', '100'))
    ? 'exhausted'
    : input.raised(key(ws.id, pool, 'projected-run-out', '-'))
      ? 'projected-run-out'
      : null;
  if (from === null) return null;
  if (pool.remaining <= 0 || projectedDry(pool) || pool.percentUsed >= warningLine(pool)) return null;
  const was = from === 'exhausted' ? 'it had run dry' : 'it was projected to run dry before the reset';
  return {
    key: key(ws.id, pool, 'recovered', from),
    kind: 'recovered',
    workspaceId: ws.id,
    pool: pool.pool,
    percent: null,
    at: toIso(input.now),
    message: `${ws.name}: the ${pool.pool} pool is back to normal (${was}): ${formatCredits(pool.remaining, locale)} of ${formatCredits(pool.available, locale)} left, ${formatPercentUsed(pool.percentUsed, locale)} used, resets on ${formatDay(pool.periodEnd, style)}.`,
  };
}

/**
 * `reset`: a new period of a pool started while Creditbar was watching it (its account was first
 * synced before the period began), with the last period's total in one line. Keyed by the new
 * period, so once per period; a first sync in the middle of a period raises none (nothing reset
 * while we watched).
 */
export function resetCandidate(
  ws: WorkspaceCard,
  pool: PoolCard,
  input: Pick<LifecycleInput, 'previous' | 'watchedSince' | 'style'>,
): AlertCandidate | null {
  const style = input.style ?? UTC_STYLE;
  const locale = style.locale;
  const day = (t: Millis) => formatDay(t, style);
  const start = Date.parse(pool.periodStart);
  const since = input.watchedSince(ws.accountId);
  if (since === null || since >= start) return null;
  const previous = input.previous(ws.id, pool.pool);
  if (previous === null || previous.end !== start) return null;
  const percent = formatPercentUsed(
    previous.available > 0 ? (previous.used / previous.available) * 100 : 100,
    locale,
  );
  return {
    key: key(ws.id, pool, 'reset', '-'),
    kind: 'reset',
    workspaceId: ws.id,
    pool: pool.pool,
    percent: null,
    at: toIso(start),
    message: `${ws.name}: a new ${pool.pool} period started on ${day(start)} with ${formatCredits(pool.available, locale)} credits; the last one (${day(previous.start)} to ${day(previous.end - 1)}) used ${formatCredits(previous.used, locale)} of ${formatCredits(previous.available, locale)} (${percent}).`,
  };
}

/** Every recovered and reset condition that holds now, workspace by workspace. */
export function lifecycleCandidates(input: LifecycleInput): AlertCandidate[] {
  const out: AlertCandidate[] = [];
  for (const ws of input.workspaces) {
    for (const pool of ws.pools) {
      const reset = resetCandidate(ws, pool, input);
      if (reset) out.push(reset);
      const recovered = recoveredCandidate(ws, pool, input);
      if (recovered) out.push(recovered);
    }
  }
  return out;
}
