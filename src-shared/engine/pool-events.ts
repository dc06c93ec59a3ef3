import type { GrantKind, UsageEvent } from '../types/ledger';
import { parseInstant, type Millis } from '../time/instant';
import { EngineInputError } from './errors';
import type { Pricer } from './pricing';
import { EventColumns } from './event-columns';

export type { PoolEvents } from './event-columns';

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
export function preparePoolEvents(all: readonly UsageEvent[], price: Pricer, asOf: Millis): EventColumns {
  const out = new EventColumns(all.length);
  appendPoolEvents(out, all, price, asOf);
  return out;
}

/**
 * preparePoolEvents into columns already holding earlier events (an incremental pool topped up
 * with the events that arrived since): those appended must all come after the ones held.
 */
export function appendPoolEvents(
  out: EventColumns,
  all: readonly UsageEvent[],
  price: Pricer,
  asOf: Millis,
): void {
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
  const order = sorted ? null : Array.from({ length: n }, (_, i) => i);
  order?.sort((a, b) => rawT[a]! - rawT[b]! || compareIds(events[a]!.id, events[b]!.id));
  for (let k = 0; k < n; k++) {
    const i = order ? order[k]! : k;
    const e = events[i]!;
    const t = rawT[i]!;
    if (e.credits !== undefined) {
      out.push(t, e.credits, false, e.memberId, e.action, e.app, e.inputHash);
    } else {
      const p = price(e.action, e.units, t);
      out.push(t, p.credits, !p.known, e.memberId, e.action, e.app, e.inputHash);
    }
  }
}
