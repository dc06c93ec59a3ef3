// Bench helper: a cache holding a year of closed Team-plan months for several workspaces, built the
// way compaction builds it (the engine walks each month from the previous one's checkpoint and
// writes its summary and rollups), with the events generated in memory instead of synced. The first
// workspace is built by the engine; the others get copies of its summaries and rollups: what a
// month review costs depends on how many rows it reads, not on their values, and a year of
// million-event months takes ~45 s per workspace to walk.
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
  /** Workspaces in the cache: the first walked by the engine, the others copies of it. */
  workspaces: number;
  /**
   * Add the year to these workspaces of an account already in the cache (a synced one) instead of
   * to new ones (team-1 ... team-N) of a new account 'bench'.
   */
  into?: { accountId: string; workspaceIds: readonly string[] };
  /** Months ending with (and including) `last`, oldest first. */
  months: number;
  last: { year: number; month: number };
  eventsPerMonth: number;
}

export interface YearCacheResult {
  /** Rollup cells of all workspaces. */
  cells: number;
  /** Time to walk the first workspace's year with the engine, and to copy it to the others. */
  walkMs: number;
  copyMs: number;
}

/** Fills `cache` with a year of summaries and rollups per workspace. */
export function buildYearCache(cache: Cache, o: YearCacheOptions): YearCacheResult {
  const now = Date.now();
  const accountId = o.into?.accountId ?? 'bench';
  if (!o.into) cache.write.accounts.upsert({ id: accountId, label: 'bench', serverUrl: null }, now);
  const template = teamMonthLedger(0).workspaces[0]!;
  const keys = Array.from({ length: o.workspaces }, (_, w) => {
    const id = o.into?.workspaceIds[w];
    const found =
      id === undefined ? undefined : cache.read.workspaces.list().find((c) => c.workspace.id === id);
    if (found) return { workspace: found.workspace, key: found.key };
    const workspace = { ...template, id: `team-${w + 1}`, name: `Team ${w + 1}` };
    return { workspace, key: cache.write.workspaces.upsert(accountId, workspace, now).key };
  });
  const t0 = performance.now();
  const { workspace, key } = keys[0]!;
  const resolved = resolveWorkspace(workspace, builtinCatalog);
  const pool = resolved.pools[0]!;
  const price = createPricer(builtinCatalog, 'zite', true);
  let cells = 0;
  let checkpoint: PoolCheckpoint | undefined;
  for (let i = o.months - 1; i >= 0; i--) {
    const first = new Date(Date.UTC(o.last.year, o.last.month - 1 - i, 1));
    const year = first.getUTCFullYear();
    const month = first.getUTCMonth() + 1;
    const end = Date.UTC(year, month, 1);
    const ledger = teamMonthLedger(o.eventsPerMonth, year, month, i + 1);
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
  const walkMs = performance.now() - t0;
  const t1 = performance.now();
  const copy = (table: string) => {
    const columns = cache.db
      .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
      .all()
      .map((c) => c.name)
      .filter((c) => c !== 'workspace_key');
    const list = columns.join(', ');
    return cache.db.prepare<[number, number]>(
      `INSERT INTO ${table} (workspace_key, ${list}) SELECT ?, ${list} FROM ${table} WHERE workspace_key = ?`,
    );
  };
  const copySummaries = copy('period_summaries');
  const copyRollups = copy('rollups');
  for (const other of keys.slice(1)) {
    cache.transaction(() => {
      copySummaries.run(other.key, key);
      copyRollups.run(other.key, key);
    });
  }
  return { cells: cells * o.workspaces, walkMs, copyMs: performance.now() - t1 };
}
