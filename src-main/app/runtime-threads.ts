/** Where the runtime's two threads start: the evaluator over the cache and the sync thread (or this thread, when they cannot). */
import type { Cache } from '../cache/cache';
import type { WriteGate } from '../db/write-gate';
import {
  createEvaluatorClient,
  createInProcessEvaluator,
  type CacheEvaluatorClient,
} from '../evaluator/evaluator-client';
import { sourceWorker } from '../evaluator/worker-spawn';
import type { SyncRunner } from '../sync/sync-job';
import { createSyncThread } from '../sync/sync-thread';
import type { AppLog, AppRuntimeDeps } from './app-runtime';

/** The evaluator thread's entry, run from source (browser mode, the CLI and tests run through tsx). */
const EVALUATOR_SOURCE = new URL('../evaluator/evaluator-worker.ts', import.meta.url);

/** An idle sync thread stays while the next sync is planned within this (a hot pool syncs every minute). */
const KEEP_SYNC_THREAD_MS = 2 * 60_000;

/** The sync thread's entry, run from source. */
const SYNC_SOURCE = new URL('../sync/sync-worker.ts', import.meta.url);

/** Whether the cache is a file another connection (the evaluator thread's) can open. */
export const sharesFile = (cache: Cache) => cache.file !== ':memory:' && cache.file !== '';

/** The engine over the cache in its own thread, or in this one for a cache with no file to share. */
export function startEvaluator(deps: AppRuntimeDeps, onCrash: (err: Error) => void): CacheEvaluatorClient {
  const { cache } = deps;
  if (!sharesFile(cache)) return createInProcessEvaluator(cache);
  const nativeBinding = deps.evaluator?.nativeBinding;
  return createEvaluatorClient({
    data: { file: cache.file, ...(nativeBinding ? { nativeBinding } : {}) },
    spawn: deps.evaluator?.spawn ?? sourceWorker(EVALUATOR_SOURCE),
    onCrash,
  });
}

/**
 * Where syncs run: in a thread of their own (page fetch, parse, validation and store never on the
 * main thread), or in this one for a cache with no file to share, or when the runtime
 * runs on an injected clock, sleep or random, which a thread cannot call (tests).
 */
export function syncsInThread(deps: AppRuntimeDeps): boolean {
  const injected = deps.clock !== undefined || deps.random !== undefined || deps.sync?.sleep !== undefined;
  return deps.syncThread !== false && !injected && sharesFile(deps.cache);
}

/** The sync thread, over `cache` whose writes announce themselves on `gate` (db/write-gate.ts). */
export function startSyncThread(
  deps: AppRuntimeDeps,
  gate: WriteGate,
  log: AppLog,
  nextSyncIn: () => number | null,
): SyncRunner {
  const { cache } = deps;
  const nativeBinding = deps.evaluator?.nativeBinding;
  const tuning = deps.syncThread || {};
  return createSyncThread({
    cache,
    data: {
      file: cache.file,
      gate: gate.buffer as SharedArrayBuffer,
      ...(nativeBinding ? { nativeBinding } : {}),
    },
    spawn: tuning.spawn ?? sourceWorker(SYNC_SOURCE),
    ...(tuning.lingerMs !== undefined ? { lingerMs: tuning.lingerMs } : {}),
    ...(tuning.warmAheadMs !== undefined ? { warmAheadMs: tuning.warmAheadMs } : {}),
    onCrash: (err) => log.error('the sync thread crashed', { error: err.message }),
    // Kept while the next sync is near (every minute while a pool is past 90 %); else it exits.
    keepWhile: () => {
      const wait = nextSyncIn();
      return wait !== null && wait <= KEEP_SYNC_THREAD_MS;
    },
  });
}
