import type { Millis } from '../time/instant';
import type { PoolEvents } from './event-columns';
import { EPSILON } from './lots';
import type { PeriodTally } from './period-tally';
import type { PoolWalkConfig } from './pool-walk';

/** The thresholds a period has reached: the first `nextThreshold` of them (they are ascending). */
export interface ThresholdMarks {
  reached: (Millis | null)[];
  nextThreshold: number;
}

/**
 * Marks every threshold not reached yet that `used` reaches against `available` at t: the one
 * definition of "reached", for the walk and for re-marking alike.
 */
export function crossThresholds(
  m: ThresholdMarks,
  thresholds: readonly number[],
  used: number,
  available: number,
  t: Millis,
): void {
  const scaled = used * 100;
  while (m.nextThreshold < thresholds.length && scaled >= thresholds[m.nextThreshold]! * available - EPSILON)
    m.reached[m.nextThreshold++] = t;
}

/** Whether a member who has spent `sum` has reached `budget` (NaN: no budget). */
export const budgetCrossed = (budget: number, sum: number): boolean =>
  budget === budget && sum >= budget - EPSILON;

/** Each member code's budget under `budgets` (NaN: none), for codes up to `size`, from `known` on. */
export function budgetsByCode(
  budgets: ReadonlyMap<string, number>,
  members: PoolEvents['members'],
  size: number,
  known: Float64Array = new Float64Array(0),
): Float64Array {
  const out = new Float64Array(size);
  out.set(known.subarray(0, Math.min(known.length, size)));
  for (let c = known.length; c < size; c++) {
    const name = members.values[c];
    out[c] = name === undefined ? Number.NaN : (budgets.get(name) ?? Number.NaN);
  }
  return out;
}

/** Whether two walk configurations differ only in their thresholds and budgets (the marks). */
export function onlyMarksDiffer(a: PoolWalkConfig, b: PoolWalkConfig): boolean {
  const p = a.pool;
  const q = b.pool;
  return (
    p.pool === q.pool &&
    p.allowance === q.allowance &&
    p.overage === q.overage &&
    p.exhaustion === q.exhaustion &&
    JSON.stringify(p.reset) === JSON.stringify(q.reset) &&
    a.onCall === b.onCall &&
    sameRecords(a.grants, b.grants) &&
    sameRecords(a.readings ?? [], b.readings ?? [])
  );
}

function sameRecords<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Record<string, unknown>;
    const y = b[i] as Record<string, unknown>;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    for (const key of keys) if (!Object.is(x[key], y[key])) return false;
  }
  return true;
}

/**
 * What a walk keeps of its current period so that new thresholds or budgets re-mark it without
 * walking again: which events were charged (a bit each, 125 kB for a million) and the credits
 * available from each instant on (they change only when a grant arrives or expires). Everything
 * else a threshold or a budget decides follows from these: used after each charged call is the sum
 * of the charged prices (and readings' observed credits) before it, added in the walk's order, so
 * re-marking finds the very instants the walk would.
 */
export class MarksTrace {
  /** Events a block of usedAt spans, a power of two (tests shrink it so that small months cross blocks). */
  static blockEvents = 4096;
  /** Index of the period's first event: bit i - from is event i's. */
  private from = 0;
  private charged = new Uint8Array(0);
  private shift = Math.log2(MarksTrace.blockEvents);
  /**
   * Per block of events from `from` (3 kB a million events): the credits used before its first
   * event, and the readings counted by then. A threshold the used credits cannot reach within a
   * block is looked for past it without adding its calls one by one.
   */
  private usedAt = new Float64Array(0);
  private readingsAt = new Int32Array(0);
  private availableFrom: Millis[] = [];
  private availableValue: number[] = [];

  /** A new period's tally starts at event `from`, with `available` credits at its start. */
  begin(from: number, start: Millis, available: number): void {
    this.from = from;
    this.charged.fill(0);
    this.shift = Math.log2(MarksTrace.blockEvents);
    this.availableFrom = [start];
    this.availableValue = [available];
  }

  /** Room for a bit for every event up to `length` (once per walk of new events, not per event). */
  reserve(length: number): void {
    const bytes = ((length - this.from) >> 3) + 1;
    if (bytes > this.charged.length) this.charged = grown(this.charged, bytes);
    const blocks = ((length - this.from) >> this.shift) + 1;
    if (blocks > this.usedAt.length) {
      this.usedAt = grown(this.usedAt, blocks);
      this.readingsAt = grown(this.readingsAt, blocks);
    }
  }

  /** The walk is at event i, `used` credits and `readings` readings counted before it. */
  at(i: number, used: number, readings: number): void {
    const b = i - this.from;
    if ((b & ((1 << this.shift) - 1)) !== 0) return;
    this.usedAt[b >> this.shift] = used;
    this.readingsAt[b >> this.shift] = readings;
  }

  /** Event i ran and was charged (its price is over 0). */
  charge(i: number): void {
    const b = i - this.from;
    this.charged[b >> 3]! |= 1 << (b & 7);
  }

  /** The credits available from t on (the walk's grants applied up to t). */
  available(t: Millis, value: number): void {
    if (this.availableValue[this.availableValue.length - 1] === value) return;
    this.availableFrom.push(t);
    this.availableValue.push(value);
  }

  /**
   * Re-marks tally `k` of the current period, walked under `was` up to event `to` (the walk's next)
   * over `events` (null: none yet), as a walk under `config` would have marked it: new thresholds
   * are found again from the start, each member whose budget changed too; the other members keep
   * their instants. The pass stops once nothing it looks for is left.
   */
  remark(
    k: PeriodTally,
    events: PoolEvents | null,
    to: number,
    was: PoolWalkConfig,
    config: PoolWalkConfig,
  ): void {
    const same =
      was.thresholds.length === config.thresholds.length &&
      was.thresholds.every((x, i) => x === config.thresholds[i]);
    const thresholds = same ? [] : config.thresholds;
    if (!same) {
      k.reached = thresholds.map(() => null);
      k.nextThreshold = 0;
    }
    const changed = (name: string | undefined) =>
      name === undefined || config.budgets.get(name) !== was.budgets.get(name);
    for (const m of [...k.budgetReached.keys()])
      if (changed(events?.members.values[m])) k.budgetReached.delete(m);
    if (!events) return;
    const budgetOf = budgetsByCode(config.budgets, events.members, events.members.size);
    let pending = 0;
    for (let m = 0; m < budgetOf.length; m++)
      if (!changed(events.members.values[m])) budgetOf[m] = Number.NaN;
      else if (budgetOf[m] === budgetOf[m]) pending++;
    const sums = new Float64Array(budgetOf.length);
    const { times, timeBase, price, member } = events;
    const prices = events.prices.values;
    const { availableFrom, availableValue, charged, from, shift, usedAt, readingsAt } = this;
    const readings = k.readingMarks;
    const least = Math.min(...availableValue);
    let ai = 0;
    let used = 0;
    let ri = 0;
    // The walk marks at each charged call and at each reading that counted observed usage; a
    // reading comes before the calls after its instant and after those at it.
    for (let i = from; i <= to; i++) {
      if ((same || k.nextThreshold === thresholds.length) && pending === 0) return;
      if (pending === 0 && ((i - from) & ((1 << shift) - 1)) === 0) {
        // Used credits only grow, and the pool never holds less than `least`: a block that ends
        // below the next threshold of `least` reaches none, whatever it held meanwhile.
        const next = ((i - from) >> shift) + 1;
        const start = from + (next << shift);
        if (start < to && usedAt[next]! * 100 < thresholds[k.nextThreshold]! * least - EPSILON) {
          used = usedAt[next]!;
          ri = readingsAt[next]!;
          i = start - 1;
          continue;
        }
      }
      let t: Millis;
      if (i < to) {
        const b = i - from;
        const bits = charged[b >> 3]!;
        if (bits === 0) {
          i = Math.min(i + 7 - (b & 7), to - 1); // none of this byte's events was charged
          continue;
        }
        if ((bits & (1 << (b & 7))) === 0) continue;
        t = timeBase + times[i]!;
      } else t = Number.POSITIVE_INFINITY;
      while (ri < readings.length && readings[ri]!.at < t) {
        const r = readings[ri++]!;
        if (r.credits === 0) continue;
        used += r.credits;
        while (ai + 1 < availableFrom.length && availableFrom[ai + 1]! <= r.at) ai++;
        crossThresholds(k, thresholds, used, availableValue[ai]!, r.at);
      }
      if (i === to) return;
      const credits = prices[price[i]!]!;
      used += credits;
      while (ai + 1 < availableFrom.length && availableFrom[ai + 1]! <= t) ai++;
      crossThresholds(k, thresholds, used, availableValue[ai]!, t);
      const m = member[i]!;
      const budget = budgetOf[m]!;
      if (budget !== budget) continue;
      sums[m]! += credits;
      if (!k.budgetReached.has(m) && budgetCrossed(budget, sums[m]!)) {
        k.budgetReached.set(m, t);
        pending--;
      }
    }
  }
}

/** A copy of `a` with room for at least `n` (twice its length if that is more). */
function grown<T extends Uint8Array | Float64Array | Int32Array>(a: T, n: number): T {
  const next = new (a.constructor as new (size: number) => T)(Math.max(n, a.length * 2));
  next.set(a);
  return next;
}
