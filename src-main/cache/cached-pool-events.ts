import type { PoolEvents } from '../../src-shared/engine/pool-events';
import type { Pricer } from '../../src-shared/engine/pricing';
import type { PoolKind, UsageEvent } from '../../src-shared/types/ledger';
import type { EventTuple } from '../db/repositories/events-repository';

/**
 * Builds the engine's PoolEvents straight from cache rows: priced, in (time, id) order, with
 * typed arrays and lean items whose repeated strings are shared. A Team-plan month is a million
 * rows, so no full UsageEvent (ISO strings and all) is ever built for the walk; items carry an
 * empty `occurredAt` because the walk reads instants from `t` only.
 */
export function cachedPoolEvents(rows: Iterable<EventTuple>, workspaceId: string, pool: PoolKind, price: Pricer): PoolEvents {
  let capacity = 1024;
  let t = new Float64Array(capacity);
  let credits = new Float64Array(capacity);
  let unknown = new Uint8Array(capacity);
  const items: UsageEvent[] = [];
  const strings = new Map<string, string>();
  const intern = (s: string) => {
    const known = strings.get(s);
    if (known !== undefined) return known;
    strings.set(s, s);
    return s;
  };
  let n = 0;
  let ordered = true;
  for (const [id, at, memberId, app, action, units, charged, inputHash] of rows) {
    if (n === capacity) {
      capacity *= 2;
      const grow = <A extends Float64Array | Uint8Array>(a: A, make: (n: number) => A): A => {
        const b = make(capacity);
        b.set(a);
        return b;
      };
      t = grow(t, (k) => new Float64Array(k));
      credits = grow(credits, (k) => new Float64Array(k));
      unknown = grow(unknown, (k) => new Uint8Array(k));
    }
    const item: UsageEvent = { id, workspaceId, pool, memberId: intern(memberId), action: intern(action), occurredAt: '' };
    if (app !== null) item.app = intern(app);
    if (inputHash !== null) item.inputHash = inputHash;
    items.push(item);
    t[n] = at;
    if (charged !== null) {
      credits[n] = charged;
    } else {
      const p = price(action, units ?? undefined, at);
      credits[n] = p.credits;
      if (!p.known) unknown[n] = 1;
    }
    if (n > 0 && (at < t[n - 1]! || (at === t[n - 1]! && id < items[n - 1]!.id))) ordered = false;
    n++;
  }
  if (ordered) return { items, t: t.subarray(0, n), credits: credits.subarray(0, n), unknown: unknown.subarray(0, n) };
  // Rows come by time; equal instants are put in id order as the engine's own preparation does.
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => t[a]! - t[b]! || (items[a]!.id < items[b]!.id ? -1 : items[a]!.id > items[b]!.id ? 1 : 0));
  return {
    items: order.map((i) => items[i]!),
    t: Float64Array.from(order, (i) => t[i]!),
    credits: Float64Array.from(order, (i) => credits[i]!),
    unknown: Uint8Array.from(order, (i) => unknown[i]!),
  };
}
