import type { Millis } from '../time/instant';

/** The app named on events that do not say which app made the call. */
export const NO_APP = '(no app)';

/** Code of "no input fingerprint" in the inputHash column. */
export const NO_HASH = -1;

/**
 * Dictionary codes, in the narrowest signed array that holds the dictionary's largest code: a
 * workspace's members, actions and apps number tens, so a code takes one byte, not four.
 */
export type CodeArray = Int8Array | Int16Array | Int32Array;

/**
 * One pool's events as the walk reads them: in time order (ties by id), priced, one typed array
 * per field, repeated values (prices, members, actions, apps, fingerprints) dictionary-coded. A
 * million events take ~10 MB this way instead of ~120 MB of objects, and the walk adds into arrays
 * indexed by code instead of maps keyed by string.
 */
export interface PoolEvents {
  /** Events held; the arrays may be longer (room to grow). */
  readonly length: number;
  /**
   * Each event's instant (ms) is timeBase + times[i]: whole milliseconds after the first event in a
   * Uint32Array while they span under ~49 days (a billing period: 4 bytes an event, not 8), else
   * the instants themselves in a Float64Array with timeBase 0. time(i) reads one.
   */
  readonly times: Uint32Array | Float64Array;
  readonly timeBase: number;
  time(i: number): Millis;
  /**
   * Each event's price (credits) is prices.values[price[i]]: a rate card has a few prices, so a
   * code takes one byte where the price itself took eight (7 MB of a million events).
   */
  readonly price: CodeArray;
  readonly prices: Dictionary<number>;
  priceOf(i: number): number;
  /** 1 where no rate card knew the action (priced at the unknown-action price). */
  readonly unknown: Uint8Array;
  readonly member: CodeArray;
  readonly action: CodeArray;
  /** An event without an app has the code of NO_APP. */
  readonly app: CodeArray;
  /** NO_HASH where the event has no input fingerprint. */
  readonly inputHash: CodeArray;
  readonly members: Dictionary;
  readonly actions: Dictionary;
  readonly apps: Dictionary;
  readonly hashes: Dictionary;
}

/** Values by code and codes by value; codes are never reassigned, so a walk may keep them. */
export class Dictionary<T = string> {
  readonly values: T[] = [];
  private readonly codes = new Map<T, number>();

  code(value: T): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.codes.set(value, c);
    }
    return c;
  }

  /** The code of a value already seen, else -1. */
  find(value: T): number {
    return this.codes.get(value) ?? -1;
  }

  get size(): number {
    return this.values.length;
  }
}

/**
 * A growing PoolEvents: appended in order, cut back to an instant when a late event must go
 * before the newest ones. The current period of a pool lives in one of these between syncs.
 */
export class EventColumns implements PoolEvents {
  length = 0;
  times: Uint32Array | Float64Array;
  timeBase = 0;
  price: CodeArray;
  unknown: Uint8Array;
  member: CodeArray;
  action: CodeArray;
  app: CodeArray;
  inputHash: CodeArray;
  readonly prices = new Dictionary<number>();
  readonly members = new Dictionary();
  readonly actions = new Dictionary();
  readonly apps = new Dictionary();
  readonly hashes = new Dictionary();

  constructor(capacity = 1024) {
    const n = Math.max(16, capacity);
    this.times = new Uint32Array(n);
    this.price = new Int8Array(n);
    this.unknown = new Uint8Array(n);
    this.member = new Int8Array(n);
    this.action = new Int8Array(n);
    this.app = new Int8Array(n);
    this.inputHash = new Int8Array(n);
  }

  get capacity(): number {
    return this.times.length;
  }

  time(i: number): Millis {
    return this.timeBase + this.times[i]!;
  }

  priceOf(i: number): number {
    return this.prices.values[this.price[i]!]!;
  }

  /** Appends one event; the caller keeps time order (ties by id). */
  push(
    t: Millis,
    credits: number,
    unknown: boolean,
    memberId: string,
    action: string,
    app: string | undefined,
    inputHash: string | undefined,
  ): void {
    if (this.length === this.times.length) this.grow(nextCapacity(this.length));
    const i = this.length++;
    if (this.times instanceof Uint32Array) {
      if (i === 0) this.timeBase = t;
      const offset = t - this.timeBase;
      if (Number.isSafeInteger(t) && offset >= 0 && offset <= MAX_OFFSET) this.times[i] = offset;
      else {
        this.times = absolute(this.times, this.timeBase, i);
        this.timeBase = 0;
        this.times[i] = t;
      }
    } else this.times[i] = t;
    // 0 and -0 share a code (Map keys compare by SameValueZero): the walk only compares prices with 0.
    const c = this.prices.code(credits);
    if (c > maxCode(this.price)) this.price = widened(this.price, c);
    this.price[i] = c;
    this.unknown[i] = unknown ? 1 : 0;
    const m = this.members.code(memberId);
    if (m > maxCode(this.member)) this.member = widened(this.member, m);
    this.member[i] = m;
    const a = this.actions.code(action);
    if (a > maxCode(this.action)) this.action = widened(this.action, a);
    this.action[i] = a;
    const p = this.apps.code(app ?? NO_APP);
    if (p > maxCode(this.app)) this.app = widened(this.app, p);
    this.app[i] = p;
    const h = inputHash === undefined ? NO_HASH : this.hashes.code(inputHash);
    if (h > maxCode(this.inputHash)) this.inputHash = widened(this.inputHash, h);
    this.inputHash[i] = h;
  }

  /** Keeps only the events before index `n`. */
  truncate(n: number): void {
    if (n < this.length) this.length = Math.max(0, n);
  }

  /** The index of the first event after instant `t` (binary search; `length` if none). */
  indexAfter(t: Millis): number {
    return firstAfter(this, 0, this.length, t);
  }

  /** The index of the first event at or after instant `t`. */
  indexFrom(t: Millis): number {
    return firstAtOrAfter(this, 0, this.length, t);
  }

  /** Typed-array bytes held (for memory figures). */
  get bytes(): number {
    return [this.times, this.price, this.unknown, this.member, this.action, this.app, this.inputHash].reduce(
      (sum, a) => sum + a.byteLength,
      0,
    );
  }

  private grow(capacity: number): void {
    this.times = resized(this.times, capacity, this.length);
    this.price = resized(this.price, capacity, this.length);
    this.unknown = resized(this.unknown, capacity, this.length);
    this.member = resized(this.member, capacity, this.length);
    this.action = resized(this.action, capacity, this.length);
    this.app = resized(this.app, capacity, this.length);
    this.inputHash = resized(this.inputHash, capacity, this.length);
  }
}

/**
 * The capacity after a full one (columns, the walk's burn window): doubling while small, then an
 * eighth more, so that a million events topped up by each sync grow by ~3 MB at a time, not by
 * their whole size.
 */
export function nextCapacity(length: number): number {
  return length < 1 << 16 ? length * 2 : length + (length >> 3);
}

/** The largest code an array holds, by its bytes per element. */
const MAX_CODE = [0, 0x7f, 0x7fff, 0, 0x7fffffff] as const;

/** The largest code an array of this kind holds. */
function maxCode(a: CodeArray): number {
  return MAX_CODE[a.BYTES_PER_ELEMENT as 1 | 2 | 4];
}

/** A copy of `a` (same length, same codes) in the narrowest kind that holds `code`. */
function widened(a: CodeArray, code: number): CodeArray {
  const b = code <= 0x7fff ? new Int16Array(a.length) : new Int32Array(a.length);
  b.set(a);
  return b;
}

type Column = Float64Array | Uint32Array | Uint8Array | CodeArray;

/** The largest offset a Uint32 instant column holds (~49.7 days in milliseconds). */
export const MAX_OFFSET = 0xffffffff;

/** Offsets from `base` as the instants themselves (Float64), same capacity, the first `length` kept. */
function absolute(offsets: Uint32Array, base: number, length: number): Float64Array {
  const out = new Float64Array(offsets.length);
  for (let i = 0; i < length; i++) out[i] = base + offsets[i]!;
  return out;
}

/** `a` in an array of the same kind with room for `capacity`, its first `length` values kept. */
function resized<A extends Column>(a: A, capacity: number, length: number): A {
  const b = new (a.constructor as new (n: number) => A)(capacity);
  b.set(a.subarray(0, length));
  return b;
}

/** PoolEvents with no events. */
export function emptyPoolEvents(): PoolEvents {
  return new EventColumns(16);
}

/** The first index in [lo, hi) of `events` (in time order) at or after x (hi if none). */
export function firstAtOrAfter(events: PoolEvents, lo: number, hi: number, x: Millis): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events.time(mid) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index in [lo, hi) of `events` (in time order) after x (hi if none). */
export function firstAfter(events: PoolEvents, lo: number, hi: number, x: Millis): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events.time(mid) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
