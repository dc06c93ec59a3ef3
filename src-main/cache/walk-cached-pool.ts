import { poolWalkConfig, walkPoolFrom } from '../../src-shared/engine/checkpoint';
import type { PoolWalkConfig } from '../../src-shared/engine/pool-walk';
import { simulatePool } from '../../src-shared/engine/simulate-pool';
import type { PeriodResult } from '../../src-shared/engine/period-result';
import {
  checkpointAfter,
  periodFromSummary,
  type PeriodSummary,
} from '../../src-shared/engine/period-summary';
import { emptyPoolEvents, type PoolEvents } from '../../src-shared/engine/event-columns';
import { nextPeriod, periodAt } from '../../src-shared/engine/periods';
import type { ResolvedPool } from '../../src-shared/engine/resolve-workspace';
import { toIso, type Millis } from '../../src-shared/time/instant';
import type { PoolState } from '../db/repositories/pool-state-repository';
import type { Cache } from './cache';
import { cachedPoolEvents } from './cached-pool-events';
import type { CachedWorkspaceInput } from './cached-workspaces';

/** The cache no longer holds the raw events a question needs (they were summarised and dropped). */
export class CacheHistoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CacheHistoryError';
  }
}

/**
 * Summaries ending after this instant are stale: new data landed in their periods since they were
 * computed. Data before the raw horizon cannot be recomputed, so it never invalidates a summary.
 */
export function validSummariesUntil(state: PoolState): Millis {
  if (state.dirtyFrom === null) return Number.POSITIVE_INFINITY;
  return Math.max(state.dirtyFrom, state.rawFrom ?? Number.NEGATIVE_INFINITY);
}

/** A pool's raw events in [from, to], as the engine walks them. */
export function loadPoolEvents(
  cache: Cache,
  ws: CachedWorkspaceInput,
  pool: ResolvedPool,
  from: Millis,
  to: Millis,
): PoolEvents {
  return cachedPoolEvents(cache.read.events.poolRange(ws.key, pool.pool, from, to), ws.price);
}

export interface CachedWalk {
  /** Every period walked, oldest first; the last one holds asOf. */
  results: PeriodResult[];
  /** The summary the walk started from (null: from the first record). */
  checkpoint: PeriodSummary | null;
}

/**
 * The latest valid checkpoint at or before the period holding `startBy` (null: walk from the first
 * record), or CacheHistoryError when the raw events after it are no longer kept.
 */
export function walkCheckpoint(
  cache: Pick<Cache, 'read'>,
  ws: CachedWorkspaceInput,
  pool: ResolvedPool,
  startBy: Millis,
): PeriodSummary | null {
  const state = cache.read.poolState.get(ws.key, pool.pool);
  const limit = Math.min(periodAt(pool.reset, startBy).start, validSummariesUntil(state));
  const checkpoint = cache.read.summaries.latestEndingBy(ws.key, pool.pool, limit);
  const from = checkpoint?.end ?? Number.NEGATIVE_INFINITY;
  if (state.rawFrom !== null && from < state.rawFrom) {
    throw new CacheHistoryError(
      `the cache keeps raw events of ${ws.resolved.workspace.id} (${pool.pool}) from ${toIso(state.rawFrom)} only: choose an instant after that`,
    );
  }
  return checkpoint;
}

/** How a cached pool is walked from a checkpoint to asOf (grants and readings from the cache). */
export function cachedWalkConfig(
  ws: CachedWorkspaceInput,
  pool: ResolvedPool,
  asOf: Millis,
  checkpoint: PeriodSummary | null,
): PoolWalkConfig {
  return poolWalkConfig({
    resolved: ws.resolved,
    pool,
    grants: ws.grants,
    readings: ws.readings,
    asOf,
    ...(checkpoint ? { from: checkpointAfter(checkpoint) } : {}),
  });
}

/**
 * Walks one pool to asOf from the latest valid checkpoint at or before `startBy` (so that the
 * period holding `startBy` is among the results), reading only the raw events after it.
 */
export function walkCachedPool(
  cache: Cache,
  ws: CachedWorkspaceInput,
  pool: ResolvedPool,
  asOf: Millis,
  startBy: Millis,
): CachedWalk {
  const checkpoint = walkCheckpoint(cache, ws, pool, startBy);
  const events = loadPoolEvents(cache, ws, pool, checkpoint?.end ?? Number.NEGATIVE_INFINITY, asOf);
  const results = simulatePool({
    ...cachedWalkConfig(ws, pool, asOf, checkpoint),
    events,
    asOf,
    ...(checkpoint ? { from: checkpointAfter(checkpoint) } : { earliest: startBy }),
  });
  return { results, checkpoint };
}

/**
 * Every period of a pool that starts in [from, to), seen at its end (or at `to` if later): from
 * summaries where they are valid, walked from raw events for the rest. Used by month reviews.
 */
export function cachedPeriods(
  cache: Cache,
  ws: CachedWorkspaceInput,
  pool: ResolvedPool,
  from: Millis,
  to: Millis,
): PeriodResult[] {
  const state = cache.read.poolState.get(ws.key, pool.pool);
  const validUntil = validSummariesUntil(state);
  const thresholds = pool.thresholds;
  const summarised = new Map(
    cache.read.summaries
      .between(ws.key, pool.pool, from, to)
      .filter((s) => s.end <= validUntil)
      .map((s) => [s.start, s]),
  );
  const wanted: { start: Millis; end: Millis }[] = [];
  for (let p = periodAt(pool.reset, from); p.start < to; p = nextPeriod(pool.reset, p))
    if (p.start >= from) wanted.push(p);
  const missing = wanted.filter((p) => !summarised.has(p.start));
  const walked = new Map<Millis, PeriodResult>();
  // Periods before the first summary precede every record (all closed periods after it are
  // summarised): nothing happened in them, so they are walked empty to get the engine's shape.
  const firstSummary = missing.length > 0 ? cache.read.summaries.first(ws.key, pool.pool) : null;
  const empty = firstSummary ? missing.filter((p) => p.end <= firstSummary.start) : [];
  const raw = missing.filter((p) => !empty.includes(p));
  if (empty.length > 0) {
    const start = empty[0]!.start;
    const end = empty[empty.length - 1]!.end;
    for (const r of walkPoolFrom({
      resolved: ws.resolved,
      pool,
      events: emptyPoolEvents(),
      grants: [],
      asOf: end,
      from: { start, carry: [] },
    })) {
      walked.set(r.start, r);
    }
  }
  if (raw.length > 0) {
    for (const r of walkCachedPool(cache, ws, pool, raw[raw.length - 1]!.end, raw[0]!.start).results)
      walked.set(r.start, r);
  }
  return wanted.map((p) => {
    const s = summarised.get(p.start);
    if (s) return periodFromSummary(s, thresholds);
    const r = walked.get(p.start);
    if (!r)
      throw new Error(
        `period ${toIso(p.start)} of ${ws.resolved.workspace.id} (${pool.pool}) was not walked`,
      );
    return r;
  });
}
