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
import { resumeSavedWalk, saveWalk, type WalkInputs } from './resume-walk';
import type { SavedWalk, SavedWalkStore } from './saved-walks';

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
  /** Resumed from the walk saved by the last run: only the events after it are held (and read). */
  resumed: boolean;
  /** Why a walk saved for the pool was not used (the period was loaded instead). */
  notResumed?: string;
}

export interface CacheEvaluatorOptions {
  /** Where walks are saved between runs (the evaluator thread: a file beside the cache); none: never saved. */
  saved?: SavedWalkStore;
}

/** What one save of the walks wrote. */
export interface SavedWalks {
  pools: number;
  bytes: number;
}

/** One pool kept between evaluations: its events in memory and its resumable walk. */
interface Tracker {
  /** The checkpoint the walk starts from, as JSON: another one means loading again. */
  base: string;
  checkpoint: WalkInputs['checkpoint'];
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
 * evaluate() returns what evaluateCache returns for the same cache (tested equal). It only reads
 * the cache: the evaluator thread runs it over its own read-only connection.
 *
 * With a store of saved walks, save() writes each pool's walk down, and the first evaluation of
 * the next run resumes a pool from it when it still holds (resume-walk.ts), reading only the
 * events after it instead of the whole period; warm() then loads the whole period, so that a late
 * event or a new threshold later walks again from memory as before.
 */
export function createCacheEvaluator(cache: CacheReader, options: CacheEvaluatorOptions = {}) {
  const trackers = new Map<string, Tracker>();
  let costs: PoolCost[] = [];
  /** Walks saved by the last run, each tried once (loaded at the first evaluation). */
  let saved: Map<string, SavedWalk> | null = null;
  let savedProblem: string | null = null;
  let lastRequests: readonly EvaluateRequest[] = [];
  /** What the last save() reflected (see save). */
  let savedState: string | null = null;

  /** The last run's walks not tried yet (read from the store the first time). */
  function savedWalks(store: SavedWalkStore): Map<string, SavedWalk> {
    if (saved === null) {
      const cacheId = cache.read.appState.get('cacheId', null);
      const loaded = cacheId ? store.load(cacheId) : { walks: new Map(), problem: 'no cache id' };
      saved = loaded.walks;
      savedProblem = loaded.problem;
    }
    return saved;
  }

  function savedWalkOf(id: string): SavedWalk | null {
    if (!options.saved) return null;
    const walks = savedWalks(options.saved);
    const walk = walks.get(id) ?? null;
    walks.delete(id);
    return walk;
  }

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
    const inputs: WalkInputs = { ws, pool, checkpoint, config, pricing, configKey };
    let notResumed: string | null = null;
    const savedWalk = t ? null : savedWalkOf(id);
    if (savedWalk) {
      const r = resumeSavedWalk(cache, inputs, savedWalk, asOf, feed.seq);
      if (r.pool) {
        read += r.read;
        t = { base, checkpoint, pricing, config: configKey, inc: r.pool, seq: feed.seq };
        trackers.set(id, t);
      } else notResumed = r.why;
    }
    // A resumed pool holds only the events after its saved walk: walking again means loading.
    const partialStale = (x: Tracker) => x.inc.partial && (x.config !== configKey || !x.inc.resumes(asOf));
    if (t && t.base === base && t.pricing === pricing) {
      const tracker = t;
      const changes = (feed.changes.get(id) ?? NO_CHANGES).filter((c) => c.seq > tracker.seq);
      if (changes.length > 0) {
        const at = Math.max(from, Math.min(...changes.map((c) => c.from)));
        tracker.inc.replaceFrom(at, (into) => load(into, at));
      }
      tracker.seq = feed.seq;
      if (partialStale(tracker)) t = undefined;
      else if (tracker.config !== configKey) {
        tracker.inc.configure(config);
        tracker.config = configKey;
      }
    } else t = undefined;
    if (!t) {
      // Sized to what is there plus room for a few syncs, so a million events are not held twice over.
      const count = cache.read.events.countFrom(ws.key, pool.pool, from);
      const events = new EventColumns(count + Math.max(1024, count >> 4));
      load(events, from);
      const start = checkpoint
        ? { from: checkpointAfter(checkpoint) }
        : { from: null, earliest: 'asOf' as const };
      t = {
        base,
        checkpoint,
        pricing,
        config: configKey,
        inc: new IncrementalPool(config, start, events),
        seq: feed.seq,
      };
      trackers.set(id, t);
    }
    const results = t.inc.evaluate(asOf);
    costs.push({
      workspaceId: ws.resolved.workspace.id,
      pool: pool.pool,
      held: t.inc.events.length,
      read,
      bytes: t.inc.events.bytes,
      ...t.inc.stats,
      resumed: t.inc.partial,
      ...(notResumed ? { notResumed } : {}),
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
      lastRequests = requests;
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
    /** Whether a pool runs on a resumed walk, without its whole period in memory yet (see warm()). */
    partial: (): boolean => [...trackers.values()].some((t) => t.inc.partial),
    /**
     * Loads the whole period of every pool resumed from a saved walk (the last requests evaluated
     * again, their answers dropped): later late events and new settings walk again from memory.
     */
    warm(): void {
      if (!this.partial()) return;
      for (const [id, t] of trackers) if (t.inc.partial) trackers.delete(id);
      const kept = costs;
      this.evaluate(lastRequests);
      costs = kept;
    },
    /** Writes each pool's walk down for the next run (none without a store, or for a cache with no id). */
    save(how: { unlessUnchanged?: boolean } = {}): SavedWalks {
      const cacheId = cache.read.appState.get('cacheId', null);
      if (!options.saved || !cacheId) return { pools: 0, bytes: 0 };
      // What the saved walks reflect: the pools held, their settings and feed positions. A walk
      // saved at an earlier instant with nothing new since still resumes (it reads the events after
      // it), so a periodic save with the same state writes nothing.
      const state = JSON.stringify([...trackers].map(([id, t]) => [id, t.seq, t.config, t.pricing, t.base]));
      if (how.unlessUnchanged && state === savedState) return { pools: 0, bytes: 0 };
      savedState = state;
      // Walks of the last run not asked for in this one (a hidden workspace, a run closed before its
      // first evaluation) are kept as they were: the next start checks them like any other.
      const walks = new Map(savedWalks(options.saved));
      for (const [id, t] of trackers) {
        const w = saveWalk(
          t.inc,
          { checkpoint: t.checkpoint, pricing: t.pricing, configKey: t.config },
          t.seq,
        );
        if (w) walks.set(id, w);
      }
      return { pools: walks.size, bytes: options.saved.save(cacheId, walks).bytes };
    },
    /** Why the walks saved by the last run could not be read at all (null: read, or none asked). */
    savedProblem: (): string | null => savedProblem,
    /** Forgets every pool held (the next evaluation loads from the cache again). */
    reset: (): void => trackers.clear(),
  };
}

export type CacheEvaluator = ReturnType<typeof createCacheEvaluator>;
