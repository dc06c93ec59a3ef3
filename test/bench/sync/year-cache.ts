// Bench helper: a cache holding a year of closed Team-plan months for several workspaces, built the
// way compaction builds it (the engine walks each month from the previous one's checkpoint and
// writes its summary and rollups), with the events generated in memory instead of synced.
import { builtinCatalog } from '../../../src-shared/catalog/catalog';
import { walkPoolFrom, type PoolCheckpoint } from '../../../src-shared/engine/checkpoint';
import { preparePoolEvents } from '../../../src-shared/engine/pool-events';
import { createPricer } from '../../../src-shared/engine/pricing';
import {
  checkpointAfter,
  summarizePeriod,
  summaryThresholds,
} from '../../../src-shared/engine/period-summary';
import { resolveWorkspace } from '../../../src-shared/engine/resolve-workspace';
import { createRollupCollector } from '../../../src-shared/engine/rollup';
import type { Cache } from '../../../src-main/cache/cache';
import { teamMonthLedger } from '../../fixtures/team-month';

export interface YearCacheOptions {
  workspaces: number;
  /** Months ending with (and including) `last`, oldest first. */
  months: number;
  last: { year: number; month: number };
  eventsPerMonth: number;
}

/** Fills `cache` and returns how many rollup cells it wrote. */
export function buildYearCache(cache: Cache, o: YearCacheOptions): number {
  let cells = 0;
  const now = Date.now();
  cache.write.accounts.upsert({ id: 'bench', label: 'bench', serverUrl: null }, now);
  for (let w = 0; w < o.workspaces; w++) {
    const template = teamMonthLedger(0).workspaces[0]!;
    const workspace = { ...template, id: `team-${w + 1}`, name: `Team ${w + 1}` };
    const { key } = cache.write.workspaces.upsert('bench', workspace, now);
    const resolved = resolveWorkspace(workspace, builtinCatalog);
    const pool = resolved.pools[0]!;
    const price = createPricer(builtinCatalog, 'zite', true);
    let checkpoint: PoolCheckpoint | undefined;
    for (let i = o.months - 1; i >= 0; i--) {
      const first = new Date(Date.UTC(o.last.year, o.last.month - 1 - i, 1));
      const year = first.getUTCFullYear();
      const month = first.getUTCMonth() + 1;
      const end = Date.UTC(year, month, 1);
      const ledger = teamMonthLedger(o.eventsPerMonth, year, month, 1000 * w + i + 1);
      const events = preparePoolEvents(ledger.events, price, end);
      const rollups = createRollupCollector(events);
      const from = checkpoint ?? { start: first.getTime(), carry: [] };
      const [result] = walkPoolFrom({
        resolved,
        pool,
        events,
        grants: [],
        asOf: end,
        from,
        thresholds: summaryThresholds(resolved.thresholds),
        onCall: rollups.onCall,
      });
      const summary = summarizePeriod(result!);
      const taken = rollups.take(first.getTime(), end);
      cells += taken.length;
      cache.transaction(() => {
        cache.write.summaries.put(key, summary, now);
        cache.write.rollups.put(key, 'integration', taken);
      });
      checkpoint = checkpointAfter(summary);
    }
  }
  return cells;
}
