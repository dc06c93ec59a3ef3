import type { Millis } from '../time/instant';
import type { PoolEvents } from './event-columns';
import { EPSILON } from './lots';
import type { ReadingMark } from './observed-usage';
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

/** The marks of a period under other thresholds and budgets. */
export interface Remarked extends ThresholdMarks {
  budgetReached: Map<number, Millis>;
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
  /** Index of the period's first event: bit i - from is event i's. */
  private from = 0;
  private charged = new Uint8Array(0);
  private availableFrom: Millis[] = [];
  private availableValue: number[] = [];

  /** A new period's tally starts at event `from`, with `available` credits at its start. */
  begin(from: number, start: Millis, available: number): void {
    this.from = from;
    this.charged.fill(0);
    this.availableFrom = [start];
    this.availableValue = [available];
  }

  /** Room for a bit for every event up to `length` (once per walk of new events, not per event). */
  reserve(length: number): void {
    const bytes = ((length - this.from) >> 3) + 1;
    if (bytes <= this.charged.length) return;
    const next = new Uint8Array(Math.max(bytes, this.charged.length * 2));
    next.set(this.charged);
    this.charged = next;
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
   * The period's marks under `config`'s thresholds and budgets over its events up to `to` (the
   * walk's next; null: none yet) and its readings' marks, as a walk under it would have set them.
   */
  remark(
    events: PoolEvents | null,
    to: number,
    config: Pick<PoolWalkConfig, 'thresholds' | 'budgets'>,
    readings: readonly ReadingMark[],
  ): Remarked {
    const { thresholds } = config;
    const marks: Remarked = {
      reached: thresholds.map(() => null),
      nextThreshold: 0,
      budgetReached: new Map(),
    };
    const { budgetReached } = marks;
    if (!events) return marks;
    const budgetOf = budgetsByCode(config.budgets, events.members, events.members.size);
    const sums = new Float64Array(budgetOf.length);
    const { times, timeBase, price, member } = events;
    const prices = events.prices.values;
    const { availableFrom, availableValue, charged, from } = this;
    let ai = 0;
    let used = 0;
    let ri = 0;
    // The walk marks at each charged call and at each reading that counted observed usage; a
    // reading comes before the calls after its instant and after those at it.
    for (let i = from; i <= to; i++) {
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
        crossThresholds(marks, thresholds, used, availableValue[ai]!, r.at);
      }
      if (i === to) break;
      const credits = prices[price[i]!]!;
      used += credits;
      while (ai + 1 < availableFrom.length && availableFrom[ai + 1]! <= t) ai++;
      if (marks.nextThreshold < thresholds.length)
        crossThresholds(marks, thresholds, used, availableValue[ai]!, t);
      const m = member[i]!;
      const budget = budgetOf[m]!;
      if (budget !== budget) continue;
      sums[m]! += credits;
      if (!budgetReached.has(m) && budgetCrossed(budget, sums[m]!)) budgetReached.set(m, t);
    }
    return marks;
  }
}
