import { walkPoolFrom } from '../../src-shared/engine/checkpoint';
import {
  checkpointAfter,
  summarizePeriod,
  summaryThresholds,
  type PeriodSummary,
} from '../../src-shared/engine/period-summary';
import { nextPeriod, periodAt } from '../../src-shared/engine/periods';
import type { ResolvedPool } from '../../src-shared/engine/resolve-workspace';
import { createRollupCollector } from '../../src-shared/engine/rollup';
import { DAY_MS, type Millis } from '../../src-shared/time/instant';
import type { Cache } from './cache';
import { loadEngineInputs, type CachedWorkspaceInput, type EngineContextOptions } from './cached-workspaces';
import { retentionHorizon } from './retention';
import { loadPoolEvents, validSummariesUntil } from './walk-cached-pool';

export interface MaintainOptions extends EngineContextOptions {
  now: Millis;
  /** Keep every raw event (no retention), e.g. for a cache that exports full ledgers. */
  keepRaw?: boolean;
}

export interface MaintainResult {
  /** Closed periods summarised (with their rollups) in this run. */
  summarised: number;
  /** Summaries dropped because new data landed in their periods. */
  invalidated: number;
  /** Raw events dropped past the retention horizon. */
  purged: number;
}

/** Drops stale summaries and rollups of a pool after new data landed in their periods. */
function invalidate(cache: Cache, ws: CachedWorkspaceInput, pool: ResolvedPool): number {
  const state = cache.read.poolState.get(ws.key, pool.pool);
  if (state.dirtyFrom === null) return 0;
  const until = validSummariesUntil(state);
  return cache.transaction(() => {
    const removed = cache.write.summaries.removeEndingAfter(ws.key, pool.pool, until);
    const keep = cache.read.summaries.latestEndingBy(ws.key, pool.pool, until);
    const fromDay = keep ? keep.end / DAY_MS : Math.floor((state.rawFrom ?? -8.64e15) / DAY_MS);
    cache.write.rollups.removeFromDay(ws.key, pool.pool, fromDay);
    cache.write.poolState.markClean(ws.key, pool.pool);
    return removed;
  });
}

/** Where summarising resumes: after the last summary, else at the period of the pool's first record. */
function firstUnsummarised(
  cache: Cache,
  ws: CachedWorkspaceInput,
  pool: ResolvedPool,
): { start: Millis; last: PeriodSummary | null } | null {
  const last = cache.read.summaries.latestEndingBy(ws.key, pool.pool, Number.POSITIVE_INFINITY);
  if (last) return { start: last.end, last };
  let first = cache.read.events.first(ws.key, pool.pool) ?? Number.POSITIVE_INFINITY;
  for (const g of ws.grants) if (g.pool === pool.pool) first = Math.min(first, Date.parse(g.grantedAt));
  for (const r of ws.readings)
    if (r.pool === pool.pool && !r.dismissed) first = Math.min(first, Date.parse(r.at));
  return Number.isFinite(first) ? { start: periodAt(pool.reset, first).start, last: null } : null;
}

/**
 * Summarises every closed period not yet summarised, one period per transaction so that memory
 * stays at one period's events: the walk resumes from the previous period's checkpoint, its calls
 * go into rollups, and the period's summary keeps totals, marks and the lots carried out.
 */
function summarise(cache: Cache, ws: CachedWorkspaceInput, pool: ResolvedPool, now: Millis): number {
  const from = firstUnsummarised(cache, ws, pool);
  if (!from) return 0;
  const thresholds = summaryThresholds(pool.thresholds);
  let checkpoint = from.last ? checkpointAfter(from.last) : { start: from.start, carry: [] };
  let count = 0;
  for (let p = periodAt(pool.reset, from.start); p.end <= now; p = nextPeriod(pool.reset, p)) {
    const events = loadPoolEvents(cache, ws, pool, p.start, p.end - 1);
    const rollups = createRollupCollector(events);
    const [result] = walkPoolFrom({
      resolved: ws.resolved,
      pool,
      events,
      grants: ws.grants,
      readings: ws.readings,
      asOf: p.end,
      from: checkpoint,
      thresholds,
      onCall: rollups.onCall,
    });
    if (!result || result.start !== p.start || !result.closed)
      throw new Error(
        `summarising ${ws.resolved.workspace.id} (${pool.pool}): the walk did not close the period`,
      );
    const summary = summarizePeriod(result);
    cache.transaction(() => {
      cache.write.summaries.put(ws.key, summary, cache.now());
      cache.write.rollups.put(ws.key, pool.pool, rollups.take(p.start, p.end));
    });
    checkpoint = checkpointAfter(summary);
    count++;
  }
  return count;
}

/** Drops raw events before the retention horizon, once a summary ends exactly there to resume from. */
function purge(cache: Cache, ws: CachedWorkspaceInput, pool: ResolvedPool, now: Millis): number {
  const horizon = retentionHorizon(pool.reset, now);
  const state = cache.read.poolState.get(ws.key, pool.pool);
  if (state.rawFrom !== null && state.rawFrom >= horizon) return 0;
  const checkpoint = cache.read.summaries.latestEndingBy(ws.key, pool.pool, horizon);
  if (!checkpoint || checkpoint.end !== horizon) return 0;
  return cache.transaction(() => {
    const n = cache.write.events.purgeBefore(ws.key, pool.pool, horizon);
    // Nothing dropped, nothing lost: a pool fed by readings (kept for good) can still take a
    // reading or an import for an old month and be summarised again from what it holds.
    if (n > 0 || state.rawFrom !== null) cache.write.poolState.setRawFrom(ws.key, pool.pool, horizon);
    return n;
  });
}

/**
 * Keeps the cache in shape after new data: stale summaries recomputed, every closed period
 * summarised with its rollups, raw events older than the previous period dropped. Idempotent;
 * run after each sync and import.
 */
export function maintainCache(cache: Cache, options: MaintainOptions): MaintainResult {
  const result: MaintainResult = { summarised: 0, invalidated: 0, purged: 0 };
  for (const ws of loadEngineInputs(cache, options)) {
    for (const pool of ws.resolved.pools) {
      result.invalidated += invalidate(cache, ws, pool);
      result.summarised += summarise(cache, ws, pool, options.now);
      // A workspace kept by hand keeps every raw row: nothing can fetch it again, and a reading or a
      // CSV for any month must still find what that month holds.
      if (!options.keepRaw && ws.origin !== 'manual') result.purged += purge(cache, ws, pool, options.now);
    }
  }
  // The change feed only has to reach back as far as a reader can fall behind.
  cache.transaction(() => cache.write.changes.trim());
  return result;
}
