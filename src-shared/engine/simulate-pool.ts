import { DAY_MS, type Millis } from '../time/instant';
import { EPSILON, LotBook, type Lot } from './lots';
import {
  BURN_WINDOW_DAYS,
  observedWindow,
  spreadOverDays,
  type ChargedPoint,
  type ObservedSpan,
  type PoolReading,
  type ReadingMark,
} from './observed-usage';
import { nextPeriod, periodAt, previousPeriod, type Period } from './periods';
import type { PeriodResult, RepeatGroup } from './period-result';
import type { PoolEvents, PoolGrant } from './pool-events';
import type { ResolvedPool } from './resolve-workspace';

export { BURN_WINDOW_DAYS };

/** The app named on events that do not say which app made the call. */
export const NO_APP = '(no app)';

export interface SimulateInput {
  pool: ResolvedPool;
  /** Configured thresholds in percent, ascending. */
  thresholds: readonly number[];
  budgets: ReadonlyMap<string, number>;
  events: PoolEvents;
  /** Grants of this pool granted at or before asOf, by grantedAt then id. */
  grants: readonly PoolGrant[];
  /**
   * Balance readings of this pool (see preparePoolReadings), by instant then id. Each becomes observed
   * usage: the difference between what it shows and what was counted before it, spread over the
   * time since the observation before. A reading at the instant of a call comes after the call.
   */
  readings?: readonly PoolReading[];
  asOf: Millis;
  /**
   * Start at this period with these lots carried in, instead of walking from the first record:
   * closed periods kept as checkpoints need not be walked again. Events and grants before
   * `from.start` must then be left out of the input.
   */
  from?: { start: Millis; carry: Lot[] };
  /** Walk at least from the period holding this instant, even if the first record is later. */
  earliest?: Millis;
  /** Called for every call that ran (not blocked) with its index in `events` and the credits charged: rollups are built from it. */
  onCall?: (index: number, credits: number) => void;
}

/**
 * How far past the last record (event, grant, expiry, or where the walk was asked to start) empty
 * periods are listed one by one. Past it every period is the same (nothing used, the same bonus),
 * so the walk jumps to the period before the one holding asOf: an asOf in year 9999 costs what an
 * asOf two years after the data does.
 */
export const QUIET_HORIZON_MS = 731 * DAY_MS;

/** The last instant at which anything changes a pool's state: its last event, arrival or expiry. */
function lastChangeOf(input: SimulateInput, first: Millis): Millis {
  const { events, grants } = input;
  let last = first;
  if (events.t.length > 0) last = Math.max(last, events.t[events.t.length - 1]!);
  const readings = input.readings ?? [];
  if (readings.length > 0) last = Math.max(last, readings[readings.length - 1]!.t);
  for (const g of grants) {
    last = Math.max(last, g.grantedAt);
    if (Number.isFinite(g.expiresAt)) last = Math.max(last, g.expiresAt);
  }
  for (const lot of input.from?.carry ?? [])
    if (Number.isFinite(lot.expiresAt)) last = Math.max(last, lot.expiresAt);
  return last;
}

function add(map: Map<string, number>, key: string, credits: number): void {
  map.set(key, (map.get(key) ?? 0) + credits);
}

/**
 * Walks one pool period by period, from its first record (or a checkpoint) to the period that holds
 * asOf, spending every charged call from the grants in burn order. Non-expiring bonuses carry
 * across periods, which is why earlier periods must be walked at all. Returns one result per period.
 */
export function simulatePool(input: SimulateInput): PeriodResult[] {
  const { pool, thresholds, budgets, events, grants, asOf } = input;
  const readings = input.readings ?? [];
  const n = events.t.length;
  const rn = readings.length;
  let first = input.from?.start ?? Math.min(asOf, input.earliest ?? asOf);
  if (!input.from) {
    if (n > 0) first = Math.min(first, events.t[0]!);
    if (grants.length > 0) first = Math.min(first, grants[0]!.grantedAt);
    if (rn > 0) first = Math.min(first, readings[0]!.t);
  }

  const book = new LotBook();
  for (const lot of input.from?.carry ?? []) book.add({ ...lot });
  const results: PeriodResult[] = [];
  let gi = 0;
  let ei = 0;
  let ri = 0;
  const quietFrom = lastChangeOf(input, Math.max(first, input.earliest ?? first)) + QUIET_HORIZON_MS;
  const following = (p: Period): Period => {
    const next = nextPeriod(pool.reset, p);
    if (next.start < quietFrom) return next;
    const beforeLast = previousPeriod(pool.reset, periodAt(pool.reset, asOf));
    return beforeLast.start > next.start ? beforeLast : next;
  };

  for (let p: Period = periodAt(pool.reset, first); p.start <= asOf; p = following(p)) {
    const closed = p.end <= asOf;
    const at = closed ? p.end : asOf;
    book.expire(p.start); // last period's allowance and anything expiring at the boundary
    let bonus = book.total;
    book.add({ id: '', kind: 'allowance', grantedAt: p.start, expiresAt: p.end, balance: pool.allowance });
    let available = pool.allowance + bonus;
    let used = 0;
    let calls = 0;
    let blockedCalls = 0;
    let blockedCredits = 0;
    let exhaustedAt: Millis | null = null;
    let halfwayAt: Millis | null = null;
    const reached: (Millis | null)[] = thresholds.map(() => null);
    let nextThreshold = 0;
    const byAction = new Map<string, number>();
    const byMember = new Map<string, number>();
    const byApp = new Map<string, number>();
    const byDay = new Map<number, number>();
    const unknownActions = new Set<string>();
    const budgetReached = new Map<string, Millis>();
    const repeats = new Map<string, RepeatGroup>();
    const windowStart = Math.max(at - BURN_WINDOW_DAYS * DAY_MS, p.start);
    // The window is (asOf − 7 d, asOf]; clipped to the period it includes the period's first instant.
    const windowClipped = windowStart === p.start;
    const buckets = new Array<number>(BURN_WINDOW_DAYS).fill(0);
    let windowCredits = 0;
    // Readings: the observation each one's span starts from, what they added, and (only for a pool
    // that has readings) the charged calls, since its window ends at the last observation.
    let observedFrom = p.start;
    let observed = 0;
    let lastObservation = Number.NEGATIVE_INFINITY;
    const spans: ObservedSpan[] = [];
    const points: ChargedPoint[] = [];
    const readingMarks: ReadingMark[] = [];

    const checkExhausted = (t: Millis) => {
      if (exhaustedAt === null && available - used <= EPSILON) exhaustedAt = t;
    };
    // Applies grant arrivals and expiries up to t (inclusive or not); at equal instants an arrival
    // comes first, so a bonus replacing an expiring one never shows a false exhaustion.
    const advanceTo = (t: Millis, inclusive: boolean) => {
      for (;;) {
        const g = gi < grants.length ? grants[gi]! : undefined;
        const nextArrival = g ? g.grantedAt : Number.POSITIVE_INFINITY;
        const nextExpiry = book.nextExpiry();
        const next = Math.min(nextArrival, nextExpiry);
        if (inclusive ? next > t : next >= t) return;
        if (g && nextArrival <= nextExpiry) {
          gi++;
          if (g.expiresAt <= Math.max(g.grantedAt, p.start)) continue; // never usable in this period
          if (g.credits >= 0) {
            book.add({
              id: g.id,
              kind: g.kind,
              grantedAt: g.grantedAt,
              expiresAt: g.expiresAt,
              balance: g.credits,
            });
            bonus += g.credits;
          } else {
            // A negative adjustment takes credits in burn order; it cannot take a pool below zero.
            bonus -= book.take(-g.credits);
          }
        } else {
          bonus -= book.expire(nextExpiry).other;
        }
        available = pool.allowance + bonus;
        checkExhausted(next);
      }
    };

    // Marks every threshold (and the halfway point) that `used` has reached, at t.
    const crossMarks = (t: Millis) => {
      const scaled = used * 100;
      while (
        nextThreshold < thresholds.length &&
        scaled >= thresholds[nextThreshold]! * available - EPSILON
      ) {
        reached[nextThreshold++] = t;
      }
      if (halfwayAt === null && scaled >= 50 * available - EPSILON) halfwayAt = t;
    };
    // A reading: what the page showed against what was counted; the difference is observed usage.
    const applyReading = (r: PoolReading) => {
      advanceTo(r.t, true);
      const target = r.kind === 'used' ? r.value : available - r.value;
      const delta = target - used;
      if (delta < -EPSILON) {
        // More left than counted and no grant explains it: kept and flagged, never subtracted.
        readingMarks.push({ id: r.id, at: r.t, after: observedFrom, credits: 0, backwardsBy: -delta });
        return;
      }
      const credits = delta > EPSILON ? delta : 0;
      const span = { from: observedFrom, to: r.t, credits };
      spans.push(span);
      readingMarks.push({ id: r.id, at: r.t, after: observedFrom, credits, backwardsBy: 0 });
      observedFrom = r.t;
      lastObservation = r.t;
      if (credits === 0) return;
      book.take(credits);
      used += credits;
      observed += credits;
      spreadOverDays(span, (day, c) => byDay.set(day, (byDay.get(day) ?? 0) + c));
      crossMarks(r.t);
      checkExhausted(r.t);
    };

    advanceTo(p.start, true);
    checkExhausted(p.start);
    while (ri < rn && readings[ri]!.t < p.start) ri++;

    for (; ei < n && events.t[ei]! < p.end && events.t[ei]! <= at; ei++) {
      const t = events.t[ei]!;
      const price = events.credits[ei]!;
      const e = events.items[ei]!;
      while (ri < rn && readings[ri]!.t < t) applyReading(readings[ri++]!);
      advanceTo(t, true);
      if (events.unknown[ei] === 1) unknownActions.add(e.action);
      if (price > 0) {
        if (!pool.overage && pool.exhaustion === 'calls' && price > available - used + EPSILON) {
          blockedCalls++;
          blockedCredits += price;
          continue;
        }
        book.take(price);
        used += price;
      }
      calls++;
      input.onCall?.(ei, price);
      add(byAction, e.action, price);
      add(byMember, e.memberId, price);
      add(byApp, e.app ?? NO_APP, price);
      const day = Math.floor(t / DAY_MS);
      byDay.set(day, (byDay.get(day) ?? 0) + price);
      if (t > windowStart || (windowClipped && t === windowStart)) {
        buckets[Math.min(BURN_WINDOW_DAYS - 1, Math.floor((at - t) / DAY_MS))]! += price;
        windowCredits += price;
      }
      if (rn > 0) {
        if (price > 0) points.push({ t, credits: price });
        lastObservation = Math.max(lastObservation, t);
      }
      if (e.inputHash !== undefined) {
        const key = `${day}|${e.inputHash}`;
        const group = repeats.get(key);
        if (group) {
          group.calls++;
          group.credits += price;
        } else {
          repeats.set(key, { inputHash: e.inputHash, action: e.action, day, calls: 1, credits: price });
        }
      }
      if (price > 0) {
        crossMarks(t);
        const budget = budgets.get(e.memberId);
        if (
          budget !== undefined &&
          !budgetReached.has(e.memberId) &&
          byMember.get(e.memberId)! >= budget - EPSILON
        ) {
          budgetReached.set(e.memberId, t);
        }
        checkExhausted(t);
      }
    }
    // Skip events of this period after asOf (only possible for the last period; the caller filters).
    while (ei < n && events.t[ei]! < p.end) ei++;
    while (ri < rn && readings[ri]!.t < p.end && readings[ri]!.t <= at) applyReading(readings[ri++]!);
    while (ri < rn && readings[ri]!.t < p.end) ri++;
    advanceTo(at, !closed);

    results.push({
      pool: pool.pool,
      start: p.start,
      end: p.end,
      asOf: at,
      closed,
      allowance: pool.allowance,
      bonus,
      used,
      calls,
      blockedCalls,
      blockedCredits,
      exhaustedAt,
      exhaustion: pool.exhaustion,
      thresholds: thresholds.map((percent, i) => ({ percent, reachedAt: reached[i]! })),
      halfwayAt,
      byAction,
      byMember,
      byApp,
      byDay,
      unknownActions,
      budgets: [...budgets].map(([memberId, budget]) => ({
        memberId,
        budget,
        used: byMember.get(memberId) ?? 0,
        reachedAt: budgetReached.get(memberId) ?? null,
      })),
      window:
        spans.length > 0
          ? observedWindow(spans, points, p.start, lastObservation)
          : { start: windowStart, end: at, credits: windowCredits, buckets },
      observed,
      readings: readingMarks,
      repeats,
      carryOut: book.carry(),
    });
  }
  return results;
}
