import { POOL_ORDER, type UsageEvent } from '../../src-shared/types/ledger';
import type { Cache } from './cache';

/**
 * Stores events of one workspace (call inside a transaction): ids it already has are ignored,
 * each pool is marked changed from its earliest new event (the summaries after it go stale and
 * the evaluator's change feed learns of it), and events older than the raw history kept are
 * counted, not stored. Returns how many events were new.
 */
export function storeEvents(cache: Cache, key: number, events: readonly UsageEvent[]): number {
  const rawFrom = new Map(
    POOL_ORDER.map((p) => [p, cache.read.poolState.get(key, p).rawFrom ?? Number.NEGATIVE_INFINITY]),
  );
  const result = cache.write.events.insertMany(key, events, rawFrom);
  for (const [pool, t] of result.earliestByPool) cache.write.poolState.markDirty(key, pool, t);
  for (const [pool, n] of result.skipped) cache.write.poolState.addSkipped(key, pool, n);
  return result.inserted;
}
