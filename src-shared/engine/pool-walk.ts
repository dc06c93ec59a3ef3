import { DAY_MS, type Millis } from '../time/instant';
import { CallWindow } from './call-window';
import { CodeSums } from './code-sums';
import { firstAfter, firstAtOrAfter, NO_HASH, type PoolEvents } from './event-columns';
import { applyGrantsUpTo, checkExhausted, type Holdings } from './holdings';
import { EPSILON, LotBook, type Lot } from './lots';
import { BURN_WINDOW_DAYS, spreadOverDays, type PoolReading } from './observed-usage';
import type { PeriodResult } from './period-result';
import { markUnknown, openTally, tallyResult, type PeriodTally } from './period-tally';
import { nextPeriod, periodAt, previousPeriod, type Period } from './periods';
import type { PoolGrant } from './pool-events';
import type { ResolvedPool } from './resolve-workspace';
import { budgetCrossed, budgetsByCode, crossThresholds, MarksTrace, onlyMarksDiffer } from './walk-marks';
import { checkResumable, restoredHoldings, restoreTally, savedWalk } from './walk-save';
import type { WalkState } from './walk-state';

export { BURN_WINDOW_DAYS };

/**
 * How far past the last record (event, grant, expiry, or where the walk was asked to start) empty
 * periods are listed one by one. Past it every period is the same (nothing used, the same bonus),
 * so the walk jumps to the period before the one holding asOf: an asOf in year 9999 costs what an
 * asOf two years after the data does.
 */
export const QUIET_HORIZON_MS = 731 * DAY_MS;

/** What a walk of one pool is configured with; changing any of it means walking again. */
export interface PoolWalkConfig {
  pool: ResolvedPool;
  /** Configured thresholds in percent, ascending. */
  thresholds: readonly number[];
  budgets: ReadonlyMap<string, number>;
  /** The pool's grants by grantedAt then id; each is applied when the walk reaches its instant. */
  grants: readonly PoolGrant[];
  /**
   * Balance readings of this pool (see preparePoolReadings), by instant then id. Each becomes observed
   * usage: the difference between what it shows and what was counted before it, spread over the
   * time since the observation before. A reading at the instant of a call comes after the call.
   */
  readings?: readonly PoolReading[];
  /** Called for every call that ran (not blocked) with its index in the events and the credits charged. */
  onCall?: (index: number, credits: number) => void;
}

/** Where a walk begins: the period holding `start`, with these non-plan lots carried in. */
export interface WalkStart {
  start: Millis;
  carry: readonly Lot[];
  /**
   * Where the walk was asked to start at the latest (simulatePool's `earliest`): the quiet horizon
   * counts from the last record or from here, whichever is later.
   */
  anchor?: Millis;
}

/**
 * The engine's walk of one pool, resumable: it consumes events in time order up to an instant and
 * can be asked for the current period as seen at any later instant without changing its state,
 * then continue with the events that arrived since. A steady sync walks only its new events.
 * simulatePool is this walk run in one go, so incremental and full evaluation are one code path.
 *
 * Events handed to advance() must be the same PoolEvents each time (it may have grown); events
 * before `next` must not change. A late event (at or before `walkedTo`) means walking again.
 */
export class PoolWalk {
  /** Every period closed so far, oldest first. */
  readonly closed: PeriodResult[] = [];
  /** Index of the first event not walked yet. */
  next = 0;
  /** Every event at or before this instant has been walked. */
  walkedTo: Millis = Number.NEGATIVE_INFINITY;
  /**
   * The walk jumped over quiet periods (an asOf years past the last record): the periods it lists
   * depend on that asOf, so a later one must be walked again rather than resumed.
   */
  jumped = false;

  private config: PoolWalkConfig;
  /** What re-marks the current period under new thresholds or budgets (null: a resumed walk, which cannot). */
  private marks: MarksTrace | null = new MarksTrace();
  private strings: PoolEvents | null = null;
  private p!: Period;
  private h!: Holdings;
  private k!: PeriodTally;
  private window = new CallWindow();
  /** Budget per member code (NaN: none), resolved as codes appear. */
  private budgetOf: Float64Array = new Float64Array(0);
  /** Index of the next reading to apply. */
  private ri = 0;
  /**
   * No grant arrives and no lot expires before this instant (the next one as last computed; spending
   * only removes lots): the walk skips applying grants at each call before it.
   */
  private grantsDue: Millis = Number.NEGATIVE_INFINITY;
  private readonly anchor: Millis;
  private readonly carryExpiry: Millis;

  constructor(config: PoolWalkConfig, from: WalkStart) {
    this.config = config;
    this.h = { book: new LotBook(), gi: 0, bonus: 0, available: 0, exhaustedAt: null };
    let carryExpiry = Number.NEGATIVE_INFINITY;
    for (const lot of from.carry) {
      this.h.book.add({ ...lot });
      if (Number.isFinite(lot.expiresAt)) carryExpiry = Math.max(carryExpiry, lot.expiresAt);
    }
    this.carryExpiry = carryExpiry;
    this.anchor = Math.max(from.start, from.anchor ?? from.start);
    this.begin(periodAt(config.pool.reset, from.start));
  }

  /**
   * What the walk holds after the events walked so far, to resume it later over only the events
   * after `walkedTo` (walk-state.ts writes it down): null when it closed a period or jumped over
   * quiet ones, whose results a resumed walk would not have.
   */
  saveState(): WalkState | null {
    if (this.closed.length > 0 || this.jumped || !Number.isFinite(this.walkedTo)) return null;
    const { p, walkedTo, h, k, window, ri, strings } = this;
    return savedWalk({ p, walkedTo, h, k, window, ri, strings });
  }

  /**
   * The walk `saveState` wrote down, resumed with the same configuration and start, over `events`:
   * columns that hold only events after `walkedTo` and whose dictionaries were made from the state
   * (walk-state.ts's columnsFor), so that the codes it kept name the same members and actions.
   */
  static restore(config: PoolWalkConfig, from: WalkStart, state: WalkState, events: PoolEvents): PoolWalk {
    const walk = new PoolWalk(config, from);
    checkResumable(walk.p, config, state, events);
    walk.strings = events;
    walk.walkedTo = state.walkedTo;
    walk.h = restoredHoldings(state);
    restoreTally(walk.k, state, events);
    walk.window = CallWindow.restored(state.windowT, state.windowP);
    walk.ri = state.ri;
    walk.grantsDue = Number.NEGATIVE_INFINITY;
    walk.marks = null;
    return walk;
  }

  /**
   * Takes `config`, which differs from the walk's only in thresholds and budgets, without walking
   * again: the current period's marks are found over the events walked (MarksTrace). False when it
   * cannot (anything else differs, a period was closed or jumped over, a resumed walk): walk again.
   */
  remark(config: PoolWalkConfig): boolean {
    if (!this.marks || this.closed.length > 0 || this.jumped || !onlyMarksDiffer(this.config, config))
      return false;
    this.marks.remark(this.k, this.strings, this.next, this.config, config);
    this.config = config;
    this.budgetOf = new Float64Array(0);
    return true;
  }

  /** The period the walk is in (the one holding `walkedTo` once it has advanced). */
  get period(): Period {
    return this.p;
  }

  /**
   * Walks every event of `events` from `next` that happened at or before asOf, closing each
   * period that ends by asOf and opening the next. Nothing happens before the first period starts.
   */
  advance(events: PoolEvents, asOf: Millis): void {
    if (this.strings === null) this.strings = events;
    else if (this.strings.members !== events.members)
      throw new Error('a pool walk must be given the same events each time it advances');
    for (;;) {
      if (this.p.start > asOf) return;
      const closing = this.p.end <= asOf;
      this.walkEvents(events, closing ? this.p.end : asOf, closing);
      // Readings after the last call of the period (or up to asOf) count too.
      const readings = this.config.readings ?? [];
      const until = closing ? this.p.end : asOf;
      while (this.ri < readings.length && readings[this.ri]!.t < this.p.end && readings[this.ri]!.t <= until)
        this.applyReading(readings[this.ri++]!);
      if (!closing) {
        if (asOf > this.walkedTo) this.walkedTo = asOf;
        this.window.trim(this.walkedTo);
        return;
      }
      while (this.ri < readings.length && readings[this.ri]!.t < this.p.end) this.ri++;
      this.applyGrants(this.h, this.p.end, false);
      this.closed.push(this.result(this.p.end, true, this.h));
      this.walkedTo = this.p.end - 1;
      this.begin(this.following(events, asOf));
    }
  }

  /** The period after the current one, or, past the quiet horizon, the one before asOf's. */
  private following(events: PoolEvents, asOf: Millis): Period {
    const { reset } = this.config.pool;
    const next = nextPeriod(reset, this.p);
    if (next.start < this.lastChange(events, asOf) + QUIET_HORIZON_MS) return next;
    const beforeLast = previousPeriod(reset, periodAt(reset, asOf));
    if (beforeLast.start <= next.start) return next;
    this.jumped = true;
    return beforeLast;
  }

  /** The last instant at or before asOf at which anything changes the pool: an event, reading, arrival or expiry. */
  private lastChange(events: PoolEvents, asOf: Millis): Millis {
    let last = Math.max(this.anchor, this.carryExpiry);
    // Events after asOf do not exist yet: the last one at or before it.
    const lo = firstAfter(events, 0, events.length, asOf);
    if (lo > 0) last = Math.max(last, events.time(lo - 1));
    for (const r of this.config.readings ?? []) if (r.t <= asOf) last = Math.max(last, r.t);
    for (const g of this.config.grants) {
      if (g.grantedAt > asOf) continue;
      last = Math.max(last, g.grantedAt);
      if (Number.isFinite(g.expiresAt)) last = Math.max(last, g.expiresAt);
    }
    return last;
  }

  /** The current period seen at asOf (at or after `walkedTo`, before the period ends); the walk is unchanged. */
  current(asOf: Millis): PeriodResult {
    if (asOf < this.walkedTo || asOf >= this.p.end)
      throw new Error('a pool walk can only report its current period at or after the instant it walked to');
    const readings = this.config.readings ?? [];
    if (this.ri < readings.length && readings[this.ri]!.t <= asOf)
      throw new Error('a pool walk must advance over a reading before reporting the period after it');
    const h: Holdings = { ...this.h, book: this.h.book.clone() };
    this.applyGrants(h, asOf, true);
    return this.result(asOf, false, h);
  }

  /** Closed periods and, if it has started by asOf, the current one: what simulatePool returns. */
  results(asOf: Millis): PeriodResult[] {
    return this.p.start <= asOf ? [...this.closed, this.current(asOf)] : [...this.closed];
  }

  private begin(p: Period): void {
    const { pool, thresholds } = this.config;
    const h = this.h;
    this.p = p;
    h.book.expire(p.start); // last period's allowance and anything expiring at the boundary
    h.bonus = h.book.total;
    h.book.add({ id: '', kind: 'allowance', grantedAt: p.start, expiresAt: p.end, balance: pool.allowance });
    h.available = pool.allowance + h.bonus;
    h.exhaustedAt = null;
    this.k = openTally(p, thresholds, this.strings);
    this.window.clear();
    this.marks?.begin(this.next, p.start, h.available);
    this.applyGrants(h, p.start, true);
    checkExhausted(h, this.k.used, p.start);
    const readings = this.config.readings ?? [];
    while (this.ri < readings.length && readings[this.ri]!.t < p.start) this.ri++;
  }

  /** Marks every threshold (and the halfway point) that `used` has reached, at t. */
  private crossMarks(t: Millis): void {
    const { k, h } = this;
    crossThresholds(k, this.config.thresholds, k.used, h.available, t);
    if (k.halfwayAt === null && k.used * 100 >= 50 * h.available - EPSILON) k.halfwayAt = t;
  }

  /** A reading: what the page showed against what was counted; the difference is observed usage. */
  private applyReading(r: PoolReading): void {
    const h = this.h;
    this.applyGrants(h, r.t, true);
    const target = r.kind === 'used' ? r.value : h.available - r.value;
    const delta = target - this.k.used;
    if (delta < -EPSILON) {
      // More left than counted and no grant explains it: kept and flagged, never subtracted.
      this.k.readingMarks.push({
        id: r.id,
        at: r.t,
        after: this.k.observedFrom,
        credits: 0,
        backwardsBy: -delta,
      });
      return;
    }
    const credits = delta > EPSILON ? delta : 0;
    const span = { from: this.k.observedFrom, to: r.t, credits };
    this.k.spans.push(span);
    this.k.readingMarks.push({ id: r.id, at: r.t, after: this.k.observedFrom, credits, backwardsBy: 0 });
    this.k.observedFrom = r.t;
    this.k.lastObservation = r.t;
    if (credits === 0) return;
    h.book.take(credits);
    this.k.used += credits;
    this.k.observed += credits;
    spreadOverDays(span, (day, c) => {
      const d = day - this.k.firstDay;
      this.k.daySeen[d] = 1;
      this.k.byDay[d]! += c;
    });
    this.crossMarks(r.t);
    checkExhausted(h, this.k.used, r.t);
  }

  /** Grant arrivals and expiries up to t (inclusive or not), in this period. */
  private applyGrants(h: Holdings, t: Millis, inclusive: boolean): void {
    const { grants, pool } = this.config;
    const next = applyGrantsUpTo(h, grants, pool.allowance, this.p.start, this.k.used, t, inclusive);
    if (h !== this.h) return;
    this.grantsDue = next;
    this.marks?.available(t, h.available);
  }

  /** Walks events from `next` while they are in the period and at or before `limit` (before it when closing). */
  private walkEvents(events: PoolEvents, limit: Millis, closing: boolean): void {
    const { pool, onCall } = this.config;
    const readings = this.config.readings ?? [];
    const observing = readings.length > 0;
    // Under a catalog version where an empty pool stops publishing, not calls, nothing is blocked.
    const blocking = !pool.overage && pool.exhaustion === 'calls';
    const h = this.h;
    const k = this.k;
    const end = this.p.end;
    const n = events.length;
    const { times, timeBase, price: priceCode, unknown, member, action, app, inputHash } = events;
    const prices = events.prices.values;
    let ei = this.next;
    this.reserveWindow(events, ei, limit);
    const marks = this.marks;
    marks?.reserve(n);
    for (; ei < n; ei++) {
      const t = timeBase + times[ei]!;
      if (t >= end || (closing ? t >= limit : t > limit)) break;
      const price = prices[priceCode[ei]!]!;
      const a = action[ei]!;
      marks?.at(ei, k.used, k.readingMarks.length);
      while (this.ri < readings.length && readings[this.ri]!.t < t) this.applyReading(readings[this.ri++]!);
      if (t >= this.grantsDue) this.applyGrants(h, t, true);
      if (unknown[ei] === 1) markUnknown(k, a);
      if (price > 0) {
        if (blocking && price > h.available - k.used + EPSILON) {
          k.blockedCalls++;
          k.blockedCredits += price;
          continue;
        }
        h.book.take(price);
        k.used += price;
        marks?.charge(ei);
      }
      k.calls++;
      onCall?.(ei, price);
      const m = member[ei]!;
      k.byAction.add(a, price);
      k.byMember.add(m, price);
      (k.byMemberAction[m] ??= new CodeSums(8)).add(a, price);
      k.byApp.add(app[ei]!, price);
      const day = Math.floor(t / DAY_MS);
      const d = day - k.firstDay;
      k.daySeen[d] = 1;
      k.byDay[d]! += price;
      if (price !== 0) this.window.push(t, price);
      if (observing) {
        if (price > 0) k.points.push({ t, credits: price });
        k.lastObservation = Math.max(k.lastObservation, t);
      }
      const hash = inputHash[ei]!;
      if (hash !== NO_HASH) {
        const key = hash * 64 + d;
        const group = k.repeats.get(key);
        if (group) {
          group.calls++;
          group.credits += price;
        } else {
          k.repeats.set(key, {
            inputHash: events.hashes.values[hash]!,
            action: events.actions.values[a]!,
            day,
            calls: 1,
            credits: price,
          });
        }
      }
      if (price > 0) {
        this.crossMarks(t);
        const budget = m < this.budgetOf.length ? this.budgetOf[m]! : this.budgetFor(m, events);
        if (!k.budgetReached.has(m) && budgetCrossed(budget, k.byMember.sums[m]!)) k.budgetReached.set(m, t);
        checkExhausted(h, k.used, t);
      }
    }
    this.next = ei;
  }

  /**
   * Makes room in the calls window, once, for the priced calls from event `from` on that a walk up
   * to `limit` can leave in it (those of the last window before limit; older ones leave as it fills).
   */
  private reserveWindow(events: PoolEvents, from: number, limit: Millis): void {
    const { price, length: n } = events;
    const prices = events.prices.values;
    const lo = firstAtOrAfter(events, from, n, CallWindow.from(limit));
    const hi = Math.min(firstAfter(events, lo, n, limit), firstAtOrAfter(events, lo, n, this.p.end));
    let priced = 0;
    for (let i = lo; i < hi; i++) if (prices[price[i]!] !== 0) priced++;
    this.window.reserve(priced);
  }

  /** The member's budget (NaN: none), looked up by name once per code. */
  private budgetFor(m: number, events: PoolEvents): number {
    const size = Math.max(m + 1, events.members.size, 8);
    this.budgetOf = budgetsByCode(this.config.budgets, events.members, size, this.budgetOf);
    return this.budgetOf[m]!;
  }

  private result(at: Millis, closed: boolean, h: Holdings): PeriodResult {
    return tallyResult(this.config, this.p, this.k, this.window, this.strings, at, closed, h);
  }
}
