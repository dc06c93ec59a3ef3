import type { GrantKind, UsageEvent } from '../types/ledger';
import { parseInstant, type Millis } from '../time/instant';
import { EngineInputError } from './errors';
import type { Pricer } from './pricing';

/**
 * One pool's events, deduplicated and in time order (ties by id, so the order of the input never
 * matters), with their instants and prices in typed arrays: a Team-plan month is a million of them.
 */
export interface PoolEvents {
  /** Read only: it may be the caller's own array. */
  items: readonly UsageEvent[];
  t: Float64Array;
  credits: Float64Array;
  /** 1 where no rate card knew the action (priced at the unknown-action price). */
  unknown: Uint8Array;
}

/** A grant reduced to what the walk needs. */
export interface PoolGrant {
  id: string;
  kind: GrantKind;
  credits: number;
  grantedAt: Millis;
  /** Infinity when it never expires. */
  expiresAt: Millis;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Prices and orders the events of one pool, leaving out those after asOf (they do not exist yet).
 * `events` must already be deduplicated by id.
 */
export function preparePoolEvents(all: readonly UsageEvent[], price: Pricer, asOf: Millis): PoolEvents {
  let events = all;
  let rawT = new Float64Array(all.length);
  let n = 0;
  let sorted = true;
  let future = false;
  let prev = -1;
  for (let i = 0; i < all.length; i++) {
    const t = parseInstant(all[i]!.occurredAt);
    if (Number.isNaN(t)) {
      const record = `event "${all[i]!.id}"`;
      throw new EngineInputError(`${record}: occurredAt "${all[i]!.occurredAt}" is not an ISO 8601 instant`, {
        record,
        field: 'occurredAt',
      });
    }
    if (t > asOf) {
      future = true;
      continue;
    }
    rawT[n] = t;
    if (n > 0 && sorted) {
      const d = t - rawT[n - 1]!;
      if (d < 0 || (d === 0 && compareIds(all[prev]!.id, all[i]!.id) > 0)) sorted = false;
    }
    prev = i;
    n++;
  }
  if (future) {
    events = all.filter((e) => parseInstant(e.occurredAt) <= asOf);
    rawT = rawT.subarray(0, n);
  }
  let items: readonly UsageEvent[];
  let t: Float64Array;
  if (sorted) {
    items = events;
    t = rawT;
  } else {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => rawT[a]! - rawT[b]! || compareIds(events[a]!.id, events[b]!.id));
    items = order.map((i) => events[i]!);
    t = Float64Array.from(order, (i) => rawT[i]!);
  }
  const credits = new Float64Array(n);
  const unknown = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const e = items[i]!;
    if (e.credits !== undefined) {
      credits[i] = e.credits;
    } else {
      const p = price(e.action, e.units, t[i]!);
      credits[i] = p.credits;
      if (!p.known) unknown[i] = 1;
    }
  }
  return { items, t, credits, unknown };
}
