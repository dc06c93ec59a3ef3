import type { Millis } from '../time/instant';

/** The app named on events that do not say which app made the call. */
export const NO_APP = '(no app)';

/** Code of "no input fingerprint" in the inputHash column. */
export const NO_HASH = -1;

/**
 * One pool's events as the walk reads them: in time order (ties by id), priced, one typed array
 * per field, repeated strings (members, actions, apps, fingerprints) dictionary-coded. A million
 * events take ~33 MB this way instead of ~120 MB of objects, and the walk adds into arrays indexed
 * by code instead of maps keyed by string.
 */
export interface PoolEvents {
  /** Events held; the arrays may be longer (room to grow). */
  readonly length: number;
  readonly t: Float64Array;
  readonly credits: Float64Array;
  /** 1 where no rate card knew the action (priced at the unknown-action price). */
  readonly unknown: Uint8Array;
  readonly member: Int32Array;
  readonly action: Int32Array;
  /** An event without an app has the code of NO_APP. */
  readonly app: Int32Array;
  /** NO_HASH where the event has no input fingerprint. */
  readonly inputHash: Int32Array;
  readonly members: Dictionary;
  readonly actions: Dictionary;
  readonly apps: Dictionary;
  readonly hashes: Dictionary;
}

/** Strings by code and codes by string; codes are never reassigned, so a walk may keep them. */
export class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  code(value: string): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.codes.set(value, c);
    }
    return c;
  }

  /** The code of a string already seen, else -1. */
  find(value: string): number {
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
  t: Float64Array;
  credits: Float64Array;
  unknown: Uint8Array;
  member: Int32Array;
  action: Int32Array;
  app: Int32Array;
  inputHash: Int32Array;
  readonly members = new Dictionary();
  readonly actions = new Dictionary();
  readonly apps = new Dictionary();
  readonly hashes = new Dictionary();

  constructor(capacity = 1024) {
    const n = Math.max(16, capacity);
    this.t = new Float64Array(n);
    this.credits = new Float64Array(n);
    this.unknown = new Uint8Array(n);
    this.member = new Int32Array(n);
    this.action = new Int32Array(n);
    this.app = new Int32Array(n);
    this.inputHash = new Int32Array(n);
  }

  get capacity(): number {
    return this.t.length;
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
    if (this.length === this.t.length) this.grow(this.length * 2);
    const i = this.length++;
    this.t[i] = t;
    this.credits[i] = credits;
    this.unknown[i] = unknown ? 1 : 0;
    this.member[i] = this.members.code(memberId);
    this.action[i] = this.actions.code(action);
    this.app[i] = this.apps.code(app ?? NO_APP);
    this.inputHash[i] = inputHash === undefined ? NO_HASH : this.hashes.code(inputHash);
  }

  /** Keeps only the events before index `n`. */
  truncate(n: number): void {
    if (n < this.length) this.length = Math.max(0, n);
  }

  /** The index of the first event after instant `t` (binary search; `length` if none). */
  indexAfter(t: Millis): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.t[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The index of the first event at or after instant `t`. */
  indexFrom(t: Millis): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.t[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Typed-array bytes held (for memory figures). */
  get bytes(): number {
    return this.t.length * (8 + 8 + 1 + 4 * 4);
  }

  private grow(capacity: number): void {
    const copy = <A extends Float64Array | Int32Array | Uint8Array>(a: A, make: (k: number) => A): A => {
      const b = make(capacity);
      b.set(a.subarray(0, this.length));
      return b;
    };
    this.t = copy(this.t, (k) => new Float64Array(k));
    this.credits = copy(this.credits, (k) => new Float64Array(k));
    this.unknown = copy(this.unknown, (k) => new Uint8Array(k));
    this.member = copy(this.member, (k) => new Int32Array(k));
    this.action = copy(this.action, (k) => new Int32Array(k));
    this.app = copy(this.app, (k) => new Int32Array(k));
    this.inputHash = copy(this.inputHash, (k) => new Int32Array(k));
  }
}

/** PoolEvents with no events. */
export function emptyPoolEvents(): PoolEvents {
  return new EventColumns(16);
}
