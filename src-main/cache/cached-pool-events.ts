import { EventColumns, type PoolEvents } from '../../src-shared/engine/event-columns';
import type { Pricer } from '../../src-shared/engine/pricing';
import type { EventTuple } from '../db/repositories/events-repository';

/**
 * Appends cache rows (by time) to `into` as the engine walks them: priced, in (time, id) order,
 * dictionary-coded. Rows at one instant are put in id order as the engine's own preparation does;
 * the engine over the cache is tested equal to the engine over the ledger, which guards this.
 * Returns `into`.
 */
export function appendCachedRows(
  into: EventColumns,
  rows: Iterable<EventTuple>,
  price: Pricer,
): EventColumns {
  // Rows sharing an instant wait here until the instant changes, then go in id order.
  let tied: EventTuple[] = [];
  const flush = () => {
    if (tied.length > 1) tied.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const row of tied) push(row);
    tied = [];
  };
  const push = ([, at, memberId, app, action, units, charged, inputHash]: EventTuple) => {
    if (charged !== null) {
      into.push(at, charged, false, memberId, action, app ?? undefined, inputHash ?? undefined);
    } else {
      const p = price(action, units ?? undefined, at);
      into.push(at, p.credits, !p.known, memberId, action, app ?? undefined, inputHash ?? undefined);
    }
  };
  for (const row of rows) {
    if (tied.length > 0 && tied[0]![1] !== row[1]) flush();
    tied.push(row);
  }
  flush();
  return into;
}

/** A pool's cache rows (by time) as the engine's PoolEvents. */
export function cachedPoolEvents(rows: Iterable<EventTuple>, price: Pricer): PoolEvents {
  return appendCachedRows(new EventColumns(), rows, price);
}
