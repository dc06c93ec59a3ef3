import { toIso } from '../../src-shared/time/instant';
import { POOL_ORDER } from '../../src-shared/types/ledger';
import type { Cache } from './cache';

/**
 * Months that have data in the cache, newest first (`YYYY-MM`): every month from the earliest
 * summarised period, kept event or reading to the latest, so a quiet month in between can be picked too.
 */
export function historyMonths(cache: Cache): string[] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const start of cache.read.summaries.starts()) {
    lo = Math.min(lo, start);
    hi = Math.max(hi, start);
  }
  for (const w of cache.read.workspaces.list()) {
    for (const pool of POOL_ORDER) {
      const b = cache.read.events.bounds(w.key, pool);
      if (b.lo !== null) lo = Math.min(lo, b.lo);
      if (b.hi !== null) hi = Math.max(hi, b.hi);
    }
    for (const r of cache.read.readings.ofWorkspace(w.key, w.workspace.id)) {
      const t = Date.parse(r.reading.at);
      lo = Math.min(lo, t);
      hi = Math.max(hi, t);
    }
  }
  if (!Number.isFinite(lo)) return [];
  const months: string[] = [];
  const first = new Date(lo);
  const last = new Date(hi);
  const firstIndex = first.getUTCFullYear() * 12 + first.getUTCMonth();
  for (let i = last.getUTCFullYear() * 12 + last.getUTCMonth(); i >= firstIndex; i--) {
    months.push(toIso(Date.UTC(Math.floor(i / 12), i % 12, 1)).slice(0, 7));
  }
  return months;
}
