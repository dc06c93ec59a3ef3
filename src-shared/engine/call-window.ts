import { DAY_MS, type Millis } from '../time/instant';
import { nextCapacity } from './event-columns';
import { BURN_WINDOW_DAYS } from './observed-usage';
import type { BurnWindow } from './period-result';

const WINDOW_MS = BURN_WINDOW_DAYS * DAY_MS;

/** A walk's calls with a non-zero price in the trailing window: instant and price, oldest first. */
export class CallWindow {
  private wT = new Float64Array(256);
  private wP = new Float64Array(256);
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
      // a month every call of the period is in the window, a million calls 16 MB without the slack.
      const live = this.wEnd - this.wHead;
      this.resize(live * 8 > this.wT.length * 7 ? nextCapacity(this.wT.length) : this.wT.length);
    }
    this.wT[this.wEnd] = t;
    this.wP[this.wEnd++] = price;
  }

  /** Moves the live calls to the start of new arrays of `size`. */
  private resize(size: number): void {
    const live = this.wEnd - this.wHead;
    const wT = new Float64Array(size);
    const wP = new Float64Array(size);
    wT.set(this.wT.subarray(this.wHead, this.wEnd));
    wP.set(this.wP.subarray(this.wHead, this.wEnd));
    this.wT = wT;
    this.wP = wP;
    this.wHead = 0;
    this.wEnd = live;
  }

  /** The instant from which a walk's calls up to `limit` can still be in a window it reports. */
  static from(limit: Millis): Millis {
    return limit - WINDOW_MS;
  }

  /** Calls older than a window before `walkedTo` can never be in a later window. */
  trim(walkedTo: Millis): void {
    const oldest = walkedTo - WINDOW_MS;
    while (this.wHead < this.wEnd && this.wT[this.wHead]! < oldest) this.wHead++;
  }

  /** The burn window seen at `at` in the period starting at `periodStart`. */
  at(at: Millis, periodStart: Millis): BurnWindow {
    const windowStart = Math.max(at - WINDOW_MS, periodStart);
    // The window is (asOf − 7 d, asOf]; clipped to the period it includes the period's first instant.
    const windowClipped = windowStart === periodStart;
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
    return { start: windowStart, end: at, credits: windowCredits, buckets };
  }

  /** Its calls as two columns, as a saved walk keeps them. */
  saved(): { windowT: Float64Array; windowP: Float64Array } {
    return { windowT: this.wT.slice(this.wHead, this.wEnd), windowP: this.wP.slice(this.wHead, this.wEnd) };
  }

  static restored(windowT: Float64Array, windowP: Float64Array): CallWindow {
    const w = new CallWindow();
    w.wT = new Float64Array(Math.max(256, nextCapacity(windowT.length)));
    w.wP = new Float64Array(w.wT.length);
    w.wT.set(windowT);
    w.wP.set(windowP);
    w.wHead = 0;
    w.wEnd = windowT.length;
    return w;
  }
}
