import { evaluationOf, type Evaluation, type PoolEvaluation } from '../../src-shared/engine/evaluate';
import { EventColumns } from '../../src-shared/engine/event-columns';
import { IncrementalPool, type IncrementalStats } from '../../src-shared/engine/incremental-pool';
import { checkpointAfter } from '../../src-shared/engine/period-summary';
import type { ResolvedPool } from '../../src-shared/engine/resolve-workspace';
import type { Millis } from '../../src-shared/time/instant';
import type { CacheReader } from '../cache/cache';
import { appendCachedRows } from '../cache/cached-pool-events';
import {
  loadEngineInputs,
  type CachedWorkspaceInput,
  type EngineContextOptions,
} from '../cache/cached-workspaces';
import { cachedPoolEvaluation } from '../cache/evaluate-cache';
import { cachedWalkConfig, walkCheckpoint, type CachedWalk } from '../cache/walk-cached-pool';
import type { PoolChange } from '../db/repositories/pool-changes-repository';

/** One evaluation asked of the evaluator: what evaluateCache takes. */
export interface EvaluateRequest extends EngineContextOptions {
  asOf: Millis;
}

/** What one evaluation cost for one pool (the bench prints it; tests check a steady sync walks little). */
export interface PoolCost extends IncrementalStats {
  workspaceId: string;
  pool: string;
  /** Events held in memory for the pool. */
  held: number;
  /** Events read from the cache for it. */
  read: number;
  /** Bytes of typed arrays holding them. */
  bytes: number;
}

/** One pool kept between evaluations: its events in memory and its resumable walk. */
interface Tracker {
  /** The checkpoint the walk starts from, as JSON: another one means loading again. */
  base: string;
  /** What prices depend on: another catalog, rate card or plan re-prices every event. */
  pricing: string;
  /** Thresholds, budgets, pool, grants and readings: another one means walking again, from memory. */
  config: string;
  inc: IncrementalPool;
  /** The last change-feed position applied. */
  seq: number;
}

const NO_CHANGES: readonly PoolChange[] = [];

/**
 * The engine over the cache, kept warm: each pool's current period (from its last closed
 * period's checkpoint on) held as columns in memory, topped up from the cache's change feed and
 * walked incrementally, so an evaluation after a steady sync reads and walks only the new events.
 * evaluate() returns what evaluateCache returns for the same cache (tested equal). It only reads:
 * the evaluator thread runs it over its own read-only connection.
 */
export function createCacheEvaluator(cache: CacheReader) {
  const trackers = new Map<string, Tracker>();
  let costs: PoolCost[] = [];

  function walk(
    ws: CachedWorkspaceInput,
    pool: ResolvedPool,
    asOf: Millis,
    pricing: string,
    feed: { seq: number; changes: ReadonlyMap<string, readonly PoolChange[]> },
  ): CachedWalk {
    const checkpoint = walkCheckpoint(cache, ws, pool, asOf);
    const from = checkpoint?.end ?? Number.NEGATIVE_INFINITY;
    // Every grant and reading from the checkpoint on: the walk applies each when it reaches it.
    const config = cachedWalkConfig(ws, pool, Number.POSITIVE_INFINITY, checkpoint);
    const id = `${ws.key}|${pool.pool}`;
    const base = JSON.stringify(checkpoint);
    const configKey = JSON.stringify([
      pool,
      config.thresholds,
      [...config.budgets],
      config.grants,
      config.readings,
    ]);
    let read = 0;
    const load = (into: EventColumns, at: Millis) => {
      const before = into.length;
      appendCachedRows(
        into,
        cache.read.events.poolRange(ws.key, pool.pool, at, Number.POSITIVE_INFINITY),
        ws.price,
      );
      read += into.length - before;
    };
    let t = trackers.get(id);
    if (!t || t.base !== base || t.pricing !== pricing) {
      // Sized to what is there plus room for a few syncs, so a million events are not held twice over.
      const count = cache.read.events.countFrom(ws.key, pool.pool, from);
      const events = new EventColumns(count + Math.max(1024, count >> 4));
      load(events, from);
      const start = checkpoint
        ? { from: checkpointAfter(checkpoint) }
        : { from: null, earliest: 'asOf' as const };
      t = {
        base,
        pricing,
        config: configKey,
        inc: new IncrementalPool(config, start, events),
        seq: feed.seq,
      };
      trackers.set(id, t);
    } else {
      const tracker = t;
      const changes = (feed.changes.get(id) ?? NO_CHANGES).filter((c) => c.seq > tracker.seq);
      if (changes.length > 0) {
        const at = Math.max(from, Math.min(...changes.map((c) => c.from)));
        tracker.inc.replaceFrom(at, (into) => load(into, at));
      }
      tracker.seq = feed.seq;
      if (tracker.config !== configKey) {
        tracker.inc.configure(config);
        tracker.config = configKey;
      }
    }
    const results = t.inc.evaluate(asOf);
    costs.push({
      workspaceId: ws.resolved.workspace.id,
      pool: pool.pool,
      held: t.inc.events.length,
      read,
      bytes: t.inc.events.bytes,
      ...t.inc.stats,
    });
    return { results, checkpoint };
  }

  /** The feed since the oldest tracker's position; a tracker the kept feed no longer reaches is dropped. */
  function readFeed(): { seq: number; changes: Map<string, PoolChange[]> } {
    const seq = cache.read.changes.last();
    const oldest = cache.read.changes.first();
    for (const [id, t] of trackers)
      if (t.seq > seq || (oldest !== null && t.seq < oldest - 1)) trackers.delete(id);
    let since = seq;
    for (const t of trackers.values()) since = Math.min(since, t.seq);
    const changes = new Map<string, PoolChange[]>();
    for (const c of cache.read.changes.since(since)) {
      const id = `${c.workspaceKey}|${c.pool}`;
      const list = changes.get(id);
      if (list) list.push(c);
      else changes.set(id, [c]);
    }
    return { seq, changes };
  }

  function evaluateOne(request: EvaluateRequest): Evaluation {
    const feed = readFeed();
    const catalogKey = JSON.stringify(request.catalog ?? null);
    const pools: PoolEvaluation[] = [];
    for (const ws of loadEngineInputs(cache, request)) {
      const pricing = catalogKey + ws.pricingKey;
      for (const pool of ws.resolved.pools)
        pools.push(cachedPoolEvaluation(cache, ws, pool, walk(ws, pool, request.asOf, pricing, feed)));
    }
    return evaluationOf(request.asOf, pools);
  }

  return {
    /** Evaluates each request in order, all over one consistent read of the cache. */
    evaluate(requests: readonly EvaluateRequest[]): Evaluation[] {
      costs = [];
      return cache.db.transaction(() => {
        const out = requests.map(evaluateOne);
        // Pools of workspaces no longer in the cache give their memory back.
        const keys = new Set(cache.read.workspaces.list().map((w) => w.key));
        for (const id of trackers.keys())
          if (!keys.has(Number(id.slice(0, id.indexOf('|'))))) trackers.delete(id);
        return out;
      })();
    },
    /** Per pool: events held, read and walked by the last evaluate(). */
    costs: (): PoolCost[] => costs,
    /** Events held over every pool, and the typed-array bytes holding them. */
    held(): { events: number; bytes: number } {
      let events = 0;
      let bytes = 0;
      for (const t of trackers.values()) {
        events += t.inc.events.length;
        bytes += t.inc.events.bytes;
      }
      return { events, bytes };
    },
    /** Forgets every pool held (the next evaluation loads from the cache again). */
    reset: (): void => trackers.clear(),
  };
}

export type CacheEvaluator = ReturnType<typeof createCacheEvaluator>;
