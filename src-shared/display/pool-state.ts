import type { PoolStatusJson } from '../engine/status-json';
import { comparePoolKinds, type PoolKind } from '../types/ledger';

/**
 * The states of a pool, defined once for every surface (tray badge, menu and tooltip, the cards,
 * notifications, the alert centre, the CLI). From the most to the least urgent:
 *
 * - `dry`: nothing left to spend (remaining ≤ 0): the platform refuses calls that cost credits until
 *   the reset or a grant. A fact already recorded, so it stays `dry` even when the data is stale.
 * - `stale`: the data is past the stale limit (or was never synced): the numbers cannot back any
 *   other claim, so the surface says "stale" and keeps the last known state beside it (`balance`).
 * - `at-risk`: not dry, but the forecast's run-out falls before the reset: at this pace the apps
 *   stop early. Never "OK", whatever the percent.
 * - `past-threshold`: a threshold under 100 % (the lead's, the account's or the default 50 and 90)
 *   was reached this period and the pool is still at or past it, and the forecast lasts to the reset.
 * - `ok`: none of the above.
 */
export type PoolState = 'dry' | 'stale' | 'at-risk' | 'past-threshold' | 'ok';

/** What the numbers alone say, fresh or not: every state but `stale`. */
export type BalanceState = Exclude<PoolState, 'stale'>;

/**
 * The colour level a state is drawn with (badge fill, bar, card edge): green, amber, red, dark red.
 * `at-risk` and a threshold of 90 % or more are red; a lower threshold is amber. Stale data keeps
 * the level of its last known state and is drawn dimmed.
 */
export type StateLevel = 'ok' | 'warn' | 'critical' | 'dry';

/** A reached threshold at or above this many percent draws red (the default 90 % mark). */
export const CRITICAL_THRESHOLD = 90;

/** The facts of a pool a state is derived from: the engine's status (evaluate's JSON shape). */
export type PoolStateFacts = Pick<
  PoolStatusJson,
  'percentUsed' | 'remaining' | 'available' | 'periodEnd' | 'thresholds' | 'exhaustedAt'
> & { forecast: Pick<PoolStatusJson['forecast'], 'runsOutAt'> };

/** How old the data behind the facts is (the snapshot's Freshness). */
export interface FreshnessFacts {
  kind: 'live' | 'cached' | 'stale';
}

/** A pool's state with what explains it. */
export interface PoolStateView {
  state: PoolState;
  /** What the numbers say whether or not they are fresh (equals `state` unless that is `stale`). */
  balance: BalanceState;
  level: StateLevel;
  /** The highest threshold under 100 % reached this period and still passed (percent), or null. */
  threshold: number | null;
  /** The projected run-out when at risk (ISO), else null. */
  runsOutAt: string | null;
}

/** Below this a balance counts as spent (the engine's own tolerance for float sums). */
const EPSILON = 1e-9;

/** The state of the numbers alone: dry, at risk, past a threshold or ok. */
export function balanceStateOf(p: PoolStateFacts): Omit<PoolStateView, 'state'> {
  const threshold = reachedThreshold(p);
  if (p.remaining <= EPSILON && (p.available > 0 || p.percentUsed >= 100))
    return { balance: 'dry', level: 'dry', threshold, runsOutAt: null };
  const runsOut = p.forecast.runsOutAt;
  if (runsOut !== null && Date.parse(runsOut) < Date.parse(p.periodEnd))
    return { balance: 'at-risk', level: 'critical', threshold, runsOutAt: runsOut };
  if (threshold !== null)
    return {
      balance: 'past-threshold',
      level: threshold >= CRITICAL_THRESHOLD ? 'critical' : 'warn',
      threshold,
      runsOutAt: null,
    };
  return { balance: 'ok', level: 'ok', threshold: null, runsOutAt: null };
}

function reachedThreshold(p: PoolStateFacts): number | null {
  let best: number | null = null;
  for (const t of p.thresholds) {
    if (t.percent >= 100 || t.reachedAt === null || p.percentUsed < t.percent) continue;
    if (best === null || t.percent > best) best = t.percent;
  }
  return best;
}

/** The state every surface shows for a pool: its balance state, or `stale` when the data is too old (dry stays dry). */
export function poolStateOf(p: PoolStateFacts, freshness: FreshnessFacts): PoolStateView {
  const view = balanceStateOf(p);
  const stale = freshness.kind === 'stale' && view.balance !== 'dry';
  return { state: stale ? 'stale' : view.balance, ...view };
}

/** Rank in the urgency order: dry, at risk, past a threshold, ok (staleness does not move a pool). */
export const URGENCY_RANK: Readonly<Record<BalanceState, number>> = {
  dry: 0,
  'at-risk': 1,
  'past-threshold': 2,
  ok: 3,
};

/** What the urgency order reads of a pool. */
export interface UrgencyFacts {
  balance: BalanceState;
  percentUsed: number;
  exhaustedAt: string | null;
  forecast: { runsOutAt: string | null };
}

function instantOr(iso: string | null, fallback: number): number {
  const t = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isFinite(t) ? t : fallback;
}

/**
 * The urgency order, most urgent first: dry pools (the one that ran dry first leads), then pools at
 * risk by their projected run-out (soonest first), then by percent used (highest first), with pools
 * past a threshold before ok ones. Equal pools compare 0: callers add a stable tie-break (names).
 * The tray badge shows the first pool of this order; the overview lists pools in it.
 */
export function compareUrgency(a: UrgencyFacts, b: UrgencyFacts): number {
  const rank = URGENCY_RANK[a.balance] - URGENCY_RANK[b.balance];
  if (rank !== 0) return rank;
  if (a.balance === 'dry') {
    const d = instantOr(a.exhaustedAt, Infinity) - instantOr(b.exhaustedAt, Infinity);
    if (d !== 0 && Number.isFinite(d)) return d;
  }
  if (a.balance === 'at-risk') {
    const d = instantOr(a.forecast.runsOutAt, Infinity) - instantOr(b.forecast.runsOutAt, Infinity);
    if (d !== 0 && Number.isFinite(d)) return d;
  }
  return b.percentUsed - a.percentUsed;
}

/** A pool with what the tie-breaks read: its workspace's name and its kind. */
export interface NamedPoolFacts {
  workspace: { name: string };
  pool: UrgencyFacts & { pool: PoolKind };
}

/**
 * The urgency order with a stable tie-break (workspace name, then pool kind): the tray badge and
 * menu, the popover's list and the window's cards all list pools in this order.
 */
export function comparePoolUrgency(a: NamedPoolFacts, b: NamedPoolFacts): number {
  return compareUrgency(a.pool, b.pool) || comparePoolNames(a, b);
}

/** One collator for every comparison: localeCompare with options builds a new one per call. */
const names = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** By workspace name (the locale's collation, "Team 2" before "Team 10"), then the one pool order: the window's "Name" sort. */
export function comparePoolNames(a: NamedPoolFacts, b: NamedPoolFacts): number {
  return names.compare(a.workspace.name, b.workspace.name) || comparePoolKinds(a.pool.pool, b.pool.pool);
}
