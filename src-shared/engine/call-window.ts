import { DAY_MS, type Millis } from '../time/instant';
import { MAX_OFFSET, nextCapacity } from './event-columns';
import { BURN_WINDOW_DAYS } from './observed-usage';
import type { BurnWindow } from './period-result';

const WINDOW_MS = BURN_WINDOW_DAYS * DAY_MS;

/**
 * A walk's calls with a non-zero price in the trailing window: instant and price, oldest first.
 * Stored as the event columns store them: each instant as whole milliseconds after `base` in a
 * Uint32Array (a Float64Array of the instants themselves, base 0, should one not fit), each price
 * in a Float32Array while every price is exactly a float (rate cards price in whole credits; a
 * Float64Array once one is not): 8 bytes a call, not 16 (early in a month every call of the period
 * is in the window). Not dictionary-coded as the columns' prices: a lookup per call slowed a
 * million-call walk by ~50 ms.
 */
export class CallWindow {
  private wT: Uint32Array | Float64Array = new Uint32Array(256);
  private base = 0;
  private wP: Float32Array | Float64Array = new Float32Array(256);
  private wHead = 0;
  private wEnd = 0;

  /** Empty again for a new period; the capacity stays. */
  clear(): void {
    this.wHead = 0;
    this.wEnd = 0;
  }

  /**
   * Room for `calls` more calls, made once before a walk pushes them: grown by an eighth at a time
   * as they came, a million calls cost ~20 reallocations and copies of the window (~40 ms a walk).
   */
  reserve(calls: number): void {
    if (this.wEnd + calls <= this.wT.length) return;
    const needed = this.wEnd - this.wHead + calls;
    // A few calls more (a steady sync) grow it as a full one does, not by a copy each time.
    this.resize(needed <= this.wT.length ? this.wT.length : Math.max(needed, nextCapacity(this.wT.length)));
  }

  /** Appends a call at t (not before the last); calls a window older than t go first when full. */
  push(t: Millis, price: number): void {
    if (this.wEnd === this.wT.length) {
      // Nothing reports the window at an instant before t (results are asked at or after what was
      // walked): the calls older than a window before t can go.
      this.trim(t);
      // Grown (as event columns grow) only when compacting would free less than an eighth: early in
      // a month every call of the period is in the window.
      const live = this.wEnd - this.wHead;
      this.resize(live * 8 > this.wT.length * 7 ? nextCapacity(this.wT.length) : this.wT.length);
    }
    let offset = t - this.base;
    // `>>> 0` keeps a whole offset of 0 to 2^32 - 1 as it is: the test of the Uint32 column.
    if (offset >>> 0 !== offset && this.wT instanceof Uint32Array) offset = this.rebase(t);
    if (Math.fround(price) !== price && this.wP instanceof Float32Array) this.wP = Float64Array.from(this.wP);
    this.wT[this.wEnd] = offset;
    this.wP[this.wEnd++] = price;
  }

  /**
   * t's offset once the instants count from the oldest call's (a window spans days; calls leave it
   * as t moves on), or t itself once they are kept as instants (an offset that still does not fit).
   */
  private rebase(t: Millis): number {
    this.trim(t);
    this.resize(this.wT.length);
    if (this.wEnd === 0) this.base = t;
    if (!fits(t - this.base)) {
      this.wT = Float64Array.from(this.wT, (o) => this.base + o);
      this.base = 0;
    }
    return t - this.base;
  }

  /** Moves the live calls to the start of new arrays of `size`, their instants from the oldest's. */
  private resize(size: number): void {
    const live = this.wEnd - this.wHead;
    const shift = this.wT instanceof Uint32Array && live > 0 ? this.wT[this.wHead]! : 0;
    const wT = new (this.wT.constructor as new (n: number) => Uint32Array | Float64Array)(size);
    const wP = new (this.wP.constructor as new (n: number) => Float32Array | Float64Array)(size);
    for (let i = 0; i < live; i++) wT[i] = this.wT[this.wHead + i]! - shift;
    wP.set(this.wP.subarray(this.wHead, this.wEnd));
    this.wT = wT;
    this.wP = wP;
    this.base += shift;
    this.wHead = 0;
    this.wEnd = live;
  }

  /** The instant from which a walk's calls up to `limit` can still be in a window it reports. */
  static from(limit: Millis): Millis {
    return limit - WINDOW_MS;
  }

  /** Calls older than a window before `walkedTo` can never be in a later window. */
  trim(walkedTo: Millis): void {
    const oldest = walkedTo - WINDOW_MS - this.base;
    while (this.wHead < this.wEnd && this.wT[this.wHead]! < oldest) this.wHead++;
  }

  /** The burn window seen at `at` in the period starting at `periodStart`. */
  at(at: Millis, periodStart: Millis): BurnWindow {
    const windowStart = Math.max(at - WINDOW_MS, periodStart);
    // The window is (asOf − 7 d, asOf]; clipped to the period it includes the period's first instant.
    const windowClipped = windowStart === periodStart;
    const buckets = new Array<number>(BURN_WINDOW_DAYS).fill(0);
    const { base, wT, wP } = this;
    const inWindow = (i: number) => {
      const t = base + wT[i]!;
      return t > windowStart || (windowClipped && t === windowStart);
    };
    const dayOf = (i: number) => Math.min(BURN_WINDOW_DAYS - 1, Math.floor((at - (base + wT[i]!)) / DAY_MS));
    // The calls are in time order: those in the window are one run, and so is each day's bucket in
    // it (found by halving, not a division a call). Each run is summed in call order, so every sum
    // is the one adding call by call gives, to the last bit.
    const end = firstWhere(this.wHead, this.wEnd, (i) => base + wT[i]! > at);
    let windowCredits = 0;
    for (let i = firstWhere(this.wHead, end, inWindow); i < end;) {
      const day = dayOf(i);
      const runEnd = firstWhere(i + 1, end, (j) => dayOf(j) < day);
      let credits = 0;
      for (; i < runEnd; i++) {
        credits += wP[i]!;
        windowCredits += wP[i]!;
      }
      buckets[day] = credits;
    }
    return { start: windowStart, end: at, credits: windowCredits, buckets };
  }

  /** Typed-array bytes held (for memory figures and tests). */
  get bytes(): number {
    return this.wT.byteLength + this.wP.byteLength;
  }

  /** Its calls as two columns of instants and prices, as a saved walk keeps them (format 1). */
  saved(): { windowT: Float64Array; windowP: Float64Array } {
    const n = this.wEnd - this.wHead;
    const windowT = new Float64Array(n);
    for (let i = 0; i < n; i++) windowT[i] = this.base + this.wT[this.wHead + i]!;
    return { windowT, windowP: Float64Array.from(this.wP.subarray(this.wHead, this.wEnd)) };
  }

  static restored(windowT: Float64Array, windowP: Float64Array): CallWindow {
    const w = new CallWindow();
    w.reserve(windowT.length);
    for (let i = 0; i < windowT.length; i++) w.push(windowT[i]!, windowP[i]!);
    return w;
  }
}

/** Whether an offset from the base fits a Uint32 instant column (whole, not negative, < ~49.7 days). */
const fits = (offset: number) => Number.isSafeInteger(offset) && offset >= 0 && offset <= MAX_OFFSET;

/** The first index of [lo, hi) where `ok` holds, `ok` holding from some index on (hi: none). */
function firstWhere(lo: number, hi: number, ok: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
