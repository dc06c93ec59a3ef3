import { POOL_ORDER } from '../../src-shared/types/ledger';
import type { Cache } from './cache';

/** What removing an account takes from this computer: its workspaces, months of history and alerts. */
export interface AccountFootprint {
  workspaces: string[];
  /** Calendar months with usage of any of its workspaces (summarised or kept raw). */
  months: number;
  alerts: number;
}

/** Reads an account's footprint in the cache, for the confirmation that names what goes. */
export function accountFootprint(cache: Cache, accountId: string): AccountFootprint {
  const workspaces = cache.read.workspaces.ofAccount(accountId);
  const months = new Set<string>();
  const monthOf = (t: number) => new Date(t).toISOString().slice(0, 7);
  for (const w of workspaces) {
    for (const pool of POOL_ORDER) {
      for (const s of cache.read.summaries.totals(w.key, pool)) months.add(monthOf(s.period_start));
      const { lo, hi } = cache.read.events.bounds(w.key, pool);
      if (lo === null || hi === null) continue;
      for (let t = Date.UTC(new Date(lo).getUTCFullYear(), new Date(lo).getUTCMonth(), 1); t <= hi;) {
        months.add(monthOf(t));
        const d = new Date(t);
        t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
      }
    }
  }
  return {
    workspaces: workspaces.map((w) => w.workspace.name || w.workspace.id),
    months: months.size,
    alerts: cache.alerts.countOfAccount(accountId),
  };
}
