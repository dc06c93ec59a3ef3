import { DAY_MS, type Millis } from '../time/instant';
import { nextCapacity, NO_HASH, type Dictionary, type PoolEvents } from './event-columns';
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
import type { PeriodResult, RepeatGroup } from './period-result';
import { nextPeriod, periodAt, previousPeriod, type Period } from './periods';
import type { PoolGrant } from './pool-events';
import type { ResolvedPool } from './resolve-workspace';
import type { CodeSumsState, WalkState } from './walk-state';

export { BURN_WINDOW_DAYS };

const WINDOW_MS = BURN_WINDOW_DAYS * DAY_MS;

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

/** The grant side of a walk: what the pool holds, which a result at asOf must advance on a copy. */
interface Holdings {
  book: LotBook;
  /** Index of the next grant to arrive. */
  gi: number;
  bonus: number;
  available: number;
  exhaustedAt: Millis | null;
}

/** Sums per dictionary code, remembering the order codes were first seen in (the maps' order). */
class CodeSums {
  sums: Float64Array;
  private seen: Uint8Array;
  readonly order: number[] = [];

  constructor(size: number) {
    this.sums = new Float64Array(Math.max(8, size));
    this.seen = new Uint8Array(this.sums.length);
  }

  add(code: number, x: number): void {
    if (code >= this.seen.length) this.grow(code);
    if (this.seen[code] === 0) {
      this.seen[code] = 1;
      this.order.push(code);
    }
    this.sums[code]! += x;
  }

  saved(): CodeSumsState {
    return { order: [...this.order], sums: this.order.map((c) => this.sums[c]!) };
  }

  static restored(state: CodeSumsState, size: number): CodeSums {
    const sums = new CodeSums(size);
    state.order.forEach((c, i) => sums.add(c, state.sums[i]!));
    return sums;
  }

  toMap(names: Dictionary): Map<string, number> {
    const map = new Map<string, number>();
    for (const c of this.order) map.set(names.values[c]!, this.sums[c]!);
    return map;
  }

  private grow(code: number): void {
    const size = Math.max(code + 1, this.seen.length * 2);
    const sums = new Float64Array(size);
    sums.set(this.sums);
    const seen = new Uint8Array(size);
    seen.set(this.seen);
    this.sums = sums;
    this.seen = seen;
  }
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

  private readonly config: PoolWalkConfig;
  private strings: PoolEvents | null = null;
  private p!: Period;
  private h!: Holdings;
  private used = 0;
  private calls = 0;
  private blockedCalls = 0;
  private blockedCredits = 0;
  private halfwayAt: Millis | null = null;
  private reached: (Millis | null)[] = [];
  private nextThreshold = 0;
  private byAction!: CodeSums;
  private byMember!: CodeSums;
  /** Per member code, that member's credits by action code (who spent on what). */
  private byMemberAction!: CodeSums[];
  private byApp!: CodeSums;
  /** Credits per day of the period, by day index from the period's first day. */
  private byDay: Float64Array = new Float64Array(0);
  private daySeen: Uint8Array = new Uint8Array(0);
  private firstDay = 0;
  private unknownSeen: Uint8Array = new Uint8Array(0);
  private unknownOrder: number[] = [];
  /** Budget per member code (NaN: none), resolved as codes appear. */
  private budgetOf: Float64Array = new Float64Array(0);
  private budgetReached = new Map<number, Millis>();
  private repeats = new Map<number, RepeatGroup>();
  /** Calls with a non-zero price in the trailing window: instant and price, oldest first. */
  private wT = new Float64Array(256);
  private wP = new Float64Array(256);
  private wHead = 0;
  private wEnd = 0;
  /** Index of the next reading to apply. */
  private ri = 0;
  // Readings: the observation each one's span starts from, what they added, and (only for a pool
  // that has readings) the charged calls, since its window ends at the last observation.
  private observedFrom = 0;
  private observed = 0;
  private lastObservation = Number.NEGATIVE_INFINITY;
  private spans: ObservedSpan[] = [];
  private points: ChargedPoint[] = [];
  private readingMarks: ReadingMark[] = [];
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
    const s = this.strings;
    if (this.closed.length > 0 || this.jumped || !Number.isFinite(this.walkedTo)) return null;
    const h = this.h;
    const byMemberAction: [number, CodeSumsState][] = [];
    this.byMemberAction.forEach((sums, m) => byMemberAction.push([m, sums.saved()]));
    const days: number[] = [];
    for (let d = 0; d < this.daySeen.length; d++) if (this.daySeen[d] === 1) days.push(d);
    return {
      period: { start: this.p.start, end: this.p.end },
      walkedTo: this.walkedTo,
      book: h.book.saved(),
      gi: h.gi,
      bonus: h.bonus,
      available: h.available,
      exhaustedAt: h.exhaustedAt,
      used: this.used,
      calls: this.calls,
      blockedCalls: this.blockedCalls,
      blockedCredits: this.blockedCredits,
      halfwayAt: this.halfwayAt,
      reached: [...this.reached],
      nextThreshold: this.nextThreshold,
      members: s ? [...s.members.values] : [],
      actions: s ? [...s.actions.values] : [],
      apps: s ? [...s.apps.values] : [],
      byAction: this.byAction.saved(),
      byMember: this.byMember.saved(),
      byMemberAction,
      byApp: this.byApp.saved(),
      days,
      byDay: days.map((d) => this.byDay[d]!),
      unknown: [...this.unknownOrder],
      budgetReached: [...this.budgetReached],
      repeats: [...this.repeats.values()].map((g) => ({ ...g })),
      windowT: this.wT.slice(this.wHead, this.wEnd),
      windowP: this.wP.slice(this.wHead, this.wEnd),
      ri: this.ri,
      observedFrom: this.observedFrom,
      observed: this.observed,
      lastObservation: Number.isFinite(this.lastObservation) ? this.lastObservation : null,
      spans: this.spans.map((x) => ({ ...x })),
      pointsT: Float64Array.from(this.points, (x) => x.t),
      pointsC: Float64Array.from(this.points, (x) => x.credits),
      readingMarks: this.readingMarks.map((m) => ({ ...m })),
    };
  }

  /**
   * The walk `saveState` wrote down, resumed with the same configuration and start, over `events`:
   * columns that hold only events after `walkedTo` and whose dictionaries were made from the state
   * (walk-state.ts's columnsFor), so that the codes it kept name the same members and actions.
   */
  static restore(config: PoolWalkConfig, from: WalkStart, state: WalkState, events: PoolEvents): PoolWalk {
    const walk = new PoolWalk(config, from);
    if (walk.p.start !== state.period.start || walk.p.end !== state.period.end)
      throw new Error('a saved walk must be resumed from the period it was in');
    if (state.reached.length !== config.thresholds.length)
      throw new Error('a saved walk must be resumed with the thresholds it walked with');
    if (state.gi > config.grants.length || state.ri > (config.readings ?? []).length)
      throw new Error('a saved walk must be resumed with the grants and readings it walked with');
    if (events.length > 0 && events.t[0]! <= state.walkedTo)
      throw new Error('a saved walk resumes over the events after the instant it walked to only');
    walk.strings = events;
    walk.walkedTo = state.walkedTo;
    walk.h = {
      book: LotBook.restored(state.book),
      gi: state.gi,
      bonus: state.bonus,
      available: state.available,
      exhaustedAt: state.exhaustedAt,
    };
    walk.used = state.used;
    walk.calls = state.calls;
    walk.blockedCalls = state.blockedCalls;
    walk.blockedCredits = state.blockedCredits;
    walk.halfwayAt = state.halfwayAt;
    walk.reached = [...state.reached];
    walk.nextThreshold = state.nextThreshold;
    walk.byAction = CodeSums.restored(state.byAction, events.actions.size);
    walk.byMember = CodeSums.restored(state.byMember, events.members.size);
    walk.byMemberAction = [];
    for (const [m, sums] of state.byMemberAction) walk.byMemberAction[m] = CodeSums.restored(sums, 8);
    walk.byApp = CodeSums.restored(state.byApp, events.apps.size);
    if (state.days.some((d) => d >= walk.byDay.length))
      throw new Error('a saved walk must be resumed from the period it was in');
    state.days.forEach((d, i) => {
      walk.daySeen[d] = 1;
      walk.byDay[d] = state.byDay[i]!;
    });
    for (const a of state.unknown) walk.markUnknown(a);
    walk.budgetReached = new Map(state.budgetReached);
    for (const g of state.repeats)
      walk.repeats.set(events.hashes.find(g.inputHash) * 64 + (g.day - walk.firstDay), { ...g });
    walk.wT = new Float64Array(Math.max(256, nextCapacity(state.windowT.length)));
    walk.wP = new Float64Array(walk.wT.length);
    walk.wT.set(state.windowT);
    walk.wP.set(state.windowP);
    walk.wHead = 0;
    walk.wEnd = state.windowT.length;
    walk.ri = state.ri;
    walk.observedFrom = state.observedFrom;
    walk.observed = state.observed;
    walk.lastObservation = state.lastObservation ?? Number.NEGATIVE_INFINITY;
    walk.spans = state.spans.map((x) => ({ ...x }));
    walk.points = Array.from(state.pointsT, (t, i) => ({ t, credits: state.pointsC[i]! }));
    walk.readingMarks = state.readingMarks.map((m) => ({ ...m }));
    return walk;
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
        this.trimWindow();
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
    let lo = 0;
    let hi = events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (events.t[mid]! <= asOf) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) last = Math.max(last, events.t[lo - 1]!);
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
    this.used = 0;
    this.calls = 0;
    this.blockedCalls = 0;
    this.blockedCredits = 0;
    this.halfwayAt = null;
    this.reached = thresholds.map(() => null);
    this.nextThreshold = 0;
    const s = this.strings;
    this.byAction = new CodeSums(s?.actions.size ?? 0);
    this.byMember = new CodeSums(s?.members.size ?? 0);
    this.byMemberAction = [];
    this.byApp = new CodeSums(s?.apps.size ?? 0);
    this.firstDay = Math.floor(p.start / DAY_MS);
    const days = Math.floor((p.end - 1) / DAY_MS) - this.firstDay + 1;
    this.byDay = new Float64Array(days);
    this.daySeen = new Uint8Array(days);
    this.unknownSeen = new Uint8Array(Math.max(8, s?.actions.size ?? 0));
    this.unknownOrder = [];
    this.budgetReached = new Map();
    this.repeats = new Map();
    this.wHead = 0;
    this.wEnd = 0;
    this.observedFrom = p.start;
    this.observed = 0;
    this.lastObservation = Number.NEGATIVE_INFINITY;
    this.spans = [];
    this.points = [];
    this.readingMarks = [];
    this.applyGrants(h, p.start, true);
    this.checkExhausted(h, p.start);
    const readings = this.config.readings ?? [];
    while (this.ri < readings.length && readings[this.ri]!.t < p.start) this.ri++;
  }

  /** Marks every threshold (and the halfway point) that `used` has reached, at t. */
  private crossMarks(t: Millis): void {
    const { thresholds } = this.config;
    const scaled = this.used * 100;
    const available = this.h.available;
    while (
      this.nextThreshold < thresholds.length &&
      scaled >= thresholds[this.nextThreshold]! * available - EPSILON
    )
      this.reached[this.nextThreshold++] = t;
    if (this.halfwayAt === null && scaled >= 50 * available - EPSILON) this.halfwayAt = t;
  }

  /** A reading: what the page showed against what was counted; the difference is observed usage. */
  private applyReading(r: PoolReading): void {
    const h = this.h;
    this.applyGrants(h, r.t, true);
    const target = r.kind === 'used' ? r.value : h.available - r.value;
    const delta = target - this.used;
    if (delta < -EPSILON) {
      // More left than counted and no grant explains it: kept and flagged, never subtracted.
      this.readingMarks.push({
        id: r.id,
        at: r.t,
        after: this.observedFrom,
        credits: 0,
        backwardsBy: -delta,
      });
      return;
    }
    const credits = delta > EPSILON ? delta : 0;
    const span = { from: this.observedFrom, to: r.t, credits };
    this.spans.push(span);
    this.readingMarks.push({ id: r.id, at: r.t, after: this.observedFrom, credits, backwardsBy: 0 });
    this.observedFrom = r.t;
    this.lastObservation = r.t;
    if (credits === 0) return;
    h.book.take(credits);
    this.used += credits;
    this.observed += credits;
    spreadOverDays(span, (day, c) => {
      const d = day - this.firstDay;
      this.daySeen[d] = 1;
      this.byDay[d]! += c;
    });
    this.crossMarks(r.t);
    this.checkExhausted(h, r.t);
  }

  private checkExhausted(h: Holdings, t: Millis): void {
    if (h.exhaustedAt === null && h.available - this.used <= EPSILON) h.exhaustedAt = t;
  }

  /**
   * Applies grant arrivals and expiries up to t (inclusive or not); at equal instants an arrival
   * comes first, so a bonus replacing an expiring one never shows a false exhaustion.
   */
  private applyGrants(h: Holdings, t: Millis, inclusive: boolean): void {
    const { grants, pool } = this.config;
    const p = this.p;
    for (;;) {
      const g = h.gi < grants.length ? grants[h.gi]! : undefined;
      const nextArrival = g ? g.grantedAt : Number.POSITIVE_INFINITY;
      const nextExpiry = h.book.nextExpiry();
      const next = Math.min(nextArrival, nextExpiry);
      if (inclusive ? next > t : next >= t) return;
      if (g && nextArrival <= nextExpiry) {
        h.gi++;
        if (g.expiresAt <= Math.max(g.grantedAt, p.start)) continue; // never usable in this period
        if (g.credits >= 0) {
          h.book.add({
            id: g.id,
            kind: g.kind,
            grantedAt: g.grantedAt,
            expiresAt: g.expiresAt,
            balance: g.credits,
          });
          h.bonus += g.credits;
        } else {
          // A negative adjustment takes credits in burn order; it cannot take a pool below zero.
          h.bonus -= h.book.take(-g.credits);
        }
      } else {
        h.bonus -= h.book.expire(nextExpiry).other;
      }
      h.available = pool.allowance + h.bonus;
      this.checkExhausted(h, next);
    }
  }

  /** Walks events from `next` while they are in the period and at or before `limit` (before it when closing). */
  private walkEvents(events: PoolEvents, limit: Millis, closing: boolean): void {
    const { pool, onCall } = this.config;
    const readings = this.config.readings ?? [];
    const observing = readings.length > 0;
    // Under a catalog version where an empty pool stops publishing, not calls, nothing is blocked.
    const blocking = !pool.overage && pool.exhaustion === 'calls';
    const h = this.h;
    const end = this.p.end;
    const n = events.length;
    const { t: times, credits, unknown, member, action, app, inputHash } = events;
    let ei = this.next;
    for (; ei < n; ei++) {
      const t = times[ei]!;
      if (t >= end || (closing ? t >= limit : t > limit)) break;
      const price = credits[ei]!;
      const a = action[ei]!;
      while (this.ri < readings.length && readings[this.ri]!.t < t) this.applyReading(readings[this.ri++]!);
      this.applyGrants(h, t, true);
      if (unknown[ei] === 1) this.markUnknown(a);
      if (price > 0) {
        if (blocking && price > h.available - this.used + EPSILON) {
          this.blockedCalls++;
          this.blockedCredits += price;
          continue;
        }
        h.book.take(price);
        this.used += price;
      }
      this.calls++;
      onCall?.(ei, price);
      const m = member[ei]!;
      this.byAction.add(a, price);
      this.byMember.add(m, price);
      (this.byMemberAction[m] ??= new CodeSums(8)).add(a, price);
      this.byApp.add(app[ei]!, price);
      const day = Math.floor(t / DAY_MS);
      const d = day - this.firstDay;
      this.daySeen[d] = 1;
      this.byDay[d]! += price;
      if (price !== 0) this.pushWindow(t, price);
      if (observing) {
        if (price > 0) this.points.push({ t, credits: price });
        this.lastObservation = Math.max(this.lastObservation, t);
      }
      const hash = inputHash[ei]!;
      if (hash !== NO_HASH) {
        const key = hash * 64 + d;
        const group = this.repeats.get(key);
        if (group) {
          group.calls++;
          group.credits += price;
        } else {
          this.repeats.set(key, {
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
        const budget = this.budgetFor(m, events);
        if (budget === budget && !this.budgetReached.has(m) && this.byMember.sums[m]! >= budget - EPSILON) {
          this.budgetReached.set(m, t);
        }
        this.checkExhausted(h, t);
      }
    }
    this.next = ei;
  }

  private markUnknown(a: number): void {
    if (a >= this.unknownSeen.length) {
      const seen = new Uint8Array(Math.max(a + 1, this.unknownSeen.length * 2));
      seen.set(this.unknownSeen);
      this.unknownSeen = seen;
    }
    if (this.unknownSeen[a] === 0) {
      this.unknownSeen[a] = 1;
      this.unknownOrder.push(a);
    }
  }

  /** The member's budget (NaN: none), looked up by name once per code. */
  private budgetFor(m: number, events: PoolEvents): number {
    if (m >= this.budgetOf.length) {
      const size = Math.max(m + 1, events.members.size, 8);
      const next = new Float64Array(size);
      next.set(this.budgetOf);
      for (let c = this.budgetOf.length; c < size; c++) {
        const name = events.members.values[c];
        next[c] = name === undefined ? Number.NaN : (this.config.budgets.get(name) ?? Number.NaN);
      }
      this.budgetOf = next;
    }
    return this.budgetOf[m]!;
  }

  private pushWindow(t: Millis, price: number): void {
    if (this.wEnd === this.wT.length) {
      // Grown (as event columns grow) only when compacting would free less than an eighth: early in
      // a month every call of the period is in the window, a million calls 16 MB without the slack.
      const live = this.wEnd - this.wHead;
      const size = live * 8 > this.wT.length * 7 ? nextCapacity(this.wT.length) : this.wT.length;
      const wT = new Float64Array(size);
      const wP = new Float64Array(size);
      wT.set(this.wT.subarray(this.wHead, this.wEnd));
      wP.set(this.wP.subarray(this.wHead, this.wEnd));
      this.wT = wT;
      this.wP = wP;
      this.wHead = 0;
      this.wEnd = live;
    }
    this.wT[this.wEnd] = t;
    this.wP[this.wEnd++] = price;
  }

  /** Calls older than a window before `walkedTo` can never be in a later window. */
  private trimWindow(): void {
    const oldest = this.walkedTo - WINDOW_MS;
    while (this.wHead < this.wEnd && this.wT[this.wHead]! < oldest) this.wHead++;
  }

  private result(at: Millis, closed: boolean, h: Holdings): PeriodResult {
    const p = this.p;
    const s = this.strings;
    const windowStart = Math.max(at - WINDOW_MS, p.start);
    // The window is (asOf − 7 d, asOf]; clipped to the period it includes the period's first instant.
    const windowClipped = windowStart === p.start;
    const buckets = new Array<number>(BURN_WINDOW_DAYS).fill(0);
    let windowCredits = 0;
    for (let i = this.wHead; i < this.wEnd; i++) {
      const t = this.wT[i]!;
      if (t > at) break;
      if (t > windowStart || (windowClipped && t === windowStart)) {
        const price = this.wP[i]!;
        buckets[Math.min(BURN_WINDOW_DAYS - 1, Math.floor((at - t) / DAY_MS))]! += price;
        windowCredits += price;
      }
    }
    const byDay = new Map<number, number>();
    for (let d = 0; d < this.byDay.length; d++)
      if (this.daySeen[d] === 1) byDay.set(this.firstDay + d, this.byDay[d]!);
    const byMember = s ? this.byMember.toMap(s.members) : new Map<string, number>();
    const byMemberAction = new Map<string, Map<string, number>>();
    if (s)
      for (const m of this.byMember.order)
        byMemberAction.set(s.members.values[m]!, this.byMemberAction[m]?.toMap(s.actions) ?? new Map());
    const reachedBy = new Map<string, Millis>();
    if (s) for (const [m, t] of this.budgetReached) reachedBy.set(s.members.values[m]!, t);
    const repeats = new Map<string, RepeatGroup>();
    for (const g of this.repeats.values()) repeats.set(`${g.day}|${g.inputHash}`, { ...g });
    return {
      pool: this.config.pool.pool,
      start: p.start,
      end: p.end,
      asOf: at,
      closed,
      allowance: this.config.pool.allowance,
      bonus: h.bonus,
      used: this.used,
      calls: this.calls,
      blockedCalls: this.blockedCalls,
      blockedCredits: this.blockedCredits,
      exhaustedAt: h.exhaustedAt,
      exhaustion: this.config.pool.exhaustion,
      thresholds: this.config.thresholds.map((percent, i) => ({ percent, reachedAt: this.reached[i]! })),
      halfwayAt: this.halfwayAt,
      byAction: s ? this.byAction.toMap(s.actions) : new Map(),
      byMember,
      byMemberAction,
      byApp: s ? this.byApp.toMap(s.apps) : new Map(),
      byDay,
      unknownActions: new Set(s ? this.unknownOrder.map((a) => s.actions.values[a]!) : []),
      budgets: [...this.config.budgets].map(([memberId, budget]) => ({
        memberId,
        budget,
        used: byMember.get(memberId) ?? 0,
        reachedAt: reachedBy.get(memberId) ?? null,
      })),
      window:
        this.spans.length > 0
          ? observedWindow(this.spans, this.points, p.start, this.lastObservation)
          : { start: windowStart, end: at, credits: windowCredits, buckets },
      observed: this.observed,
      readings: this.readingMarks.map((m) => ({ ...m })),
      repeats,
      carryOut: h.book.carry(),
    };
  }
}
