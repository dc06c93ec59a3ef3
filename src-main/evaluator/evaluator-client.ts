import type { Worker } from 'node:worker_threads';
import type { CacheReader } from '../cache/cache';
import type { CheckpointResult } from '../db/wal-checkpoint';
import { createCacheEvaluator, type EvaluateRequest } from './cache-evaluator';
import { evaluateBatch, type BatchOptions, type EvaluatedBatch } from './evaluate-batch';
import type {
  EvaluatorMemory,
  EvaluatorReply,
  EvaluatorRequest,
  EvaluatorWorkerData,
  QuickCheckResult,
} from './evaluator-protocol';
import type { WorkerSpawner } from './worker-spawn';

/** How long closing waits for the evaluator thread to save its walks. */
const SAVE_ON_CLOSE_MS = 3_000;

/** The evaluator thread stopped (an uncaught error, out of memory, killed) while it had work. */
export class EvaluatorCrashedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvaluatorCrashedError';
  }
}

/** An error the evaluator reported for one request (bad cached data, history no longer kept ...). */
export class EvaluatorError extends Error {
  constructor(
    name: string,
    message: string,
    /** SQLite's code when the thread's read of the cache failed (SQLITE_CORRUPT ...). */
    readonly code?: string,
  ) {
    super(message);
    this.name = name;
  }
}

/** The engine over the cache, answered off the main thread. */
export interface CacheEvaluatorClient {
  /**
   * Evaluates each request (one read of the cache for all of them), in order; `balances` are
   * evaluated in the same read and answered as pool balances only (reconciliations).
   */
  evaluate(requests: EvaluateRequest[], options?: BatchOptions): Promise<EvaluatedBatch>;
  /**
   * What the evaluator holds (its heap, the columns): null when no thread runs. `collect` runs a
   * full GC first where the host exposes one (benches start node with --expose-gc).
   */
  memory(options?: { collect?: boolean }): Promise<EvaluatorMemory | null>;
  /**
   * Checkpoints the cache's WAL in the thread, over its own connection (null without a thread: the
   * caller's connection keeps SQLite's auto-checkpoint then).
   */
  checkpoint(): Promise<CheckpointResult | null>;
  /** PRAGMA quick_check of the cache in the thread (null without a thread: nothing to check beside). */
  quickCheck(): Promise<QuickCheckResult | null>;
  dispose(): Promise<void>;
}

export interface EvaluatorClientOptions {
  data: EvaluatorWorkerData;
  spawn: WorkerSpawner;
  /** The thread died; the next request starts a new one (which loads the cache again). */
  onCrash(error: EvaluatorCrashedError): void;
  /** Heap the thread may use before it is stopped as out of memory (the app lives on; default 512 MB). */
  maxHeapMb?: number;
}

/**
 * Runs the cache evaluator in a worker thread with its own read-only connection to the cache
 * (WAL lets it read while the main thread writes). A crash rejects what was waiting with
 * EvaluatorCrashedError and is reported through onCrash; the next request starts a new thread.
 */
export function createEvaluatorClient(options: EvaluatorClientOptions): CacheEvaluatorClient {
  let worker: Worker | null = null;
  let nextId = 1;
  let disposed = false;
  type Answer = Extract<EvaluatorReply, { ok: true }>;
  const pending = new Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void }>();

  function start(): Worker {
    const w = options.spawn(options.data, {
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 512 },
    });
    let failure: Error | null = null;
    w.on('message', (reply: EvaluatorReply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (pending.size === 0) w.unref(); // an idle thread never keeps the process alive
      if (reply.ok) waiting.resolve(reply);
      else waiting.reject(new EvaluatorError(reply.error.name, reply.error.message, reply.error.code));
    });
    w.on('error', (err) => {
      failure = err;
    });
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      if (disposed) return;
      const crash = new EvaluatorCrashedError(
        `the evaluator thread stopped (${failure ? failure.message : `exit code ${code}`})`,
      );
      for (const p of pending.values()) p.reject(crash);
      pending.clear();
      options.onCrash(crash);
    });
    w.unref();
    return w;
  }

  /** Sends one request to the thread (started if none runs) and waits for its answer. */
  function ask(message: EvaluatorRequest): Promise<Answer> {
    if (disposed) return Promise.reject(new Error('the evaluator was closed'));
    worker ??= start();
    return new Promise<Answer>((resolve, reject) => {
      pending.set(message.id, { resolve, reject });
      worker!.ref();
      worker!.postMessage(message);
    });
  }

  return {
    async evaluate(requests, options = {}) {
      const reply = await ask({ id: nextId++, kind: 'evaluate', requests, ...options });
      if (!('evaluations' in reply))
        throw new Error('the evaluator answered an evaluation with something else');
      return { evaluations: reply.evaluations, balances: reply.balances, costs: reply.costs };
    },
    async memory(options = {}) {
      if (!worker) return null;
      const reply = await ask({ id: nextId++, kind: 'memory', ...options });
      if (!('memory' in reply))
        throw new Error('the evaluator answered a memory request with something else');
      return reply.memory;
    },
    async checkpoint() {
      const reply = await ask({ id: nextId++, kind: 'checkpoint' });
      if (!('checkpoint' in reply))
        throw new Error('the evaluator answered a checkpoint request with something else');
      return reply.checkpoint;
    },
    async quickCheck() {
      const reply = await ask({ id: nextId++, kind: 'quick-check' });
      if (!('quickCheck' in reply))
        throw new Error('the evaluator answered a quick_check request with something else');
      return reply.quickCheck;
    },
    async dispose() {
      if (worker && !disposed) {
        // The walks saved for the next start; closing never waits long for them (the last saved stay).
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          ask({ id: nextId++, kind: 'save' }).catch(() => undefined),
          new Promise((ok) => (timer = setTimeout(ok, SAVE_ON_CLOSE_MS))),
        ]);
        clearTimeout(timer);
      }
      disposed = true;
      const w = worker;
      worker = null;
      for (const p of pending.values()) p.reject(new Error('the evaluator was closed'));
      pending.clear();
      if (w) await w.terminate();
    },
  };
}

/**
 * The same evaluator in this thread, over the cache's own connection: for a cache with no file to
 * open twice (`:memory:`). Answers asynchronously like the thread, so callers cannot tell.
 */
export function createInProcessEvaluator(
  cache: Pick<CacheReader, 'db' | 'file' | 'read'>,
): CacheEvaluatorClient {
  const evaluator = createCacheEvaluator({ ...cache, close: () => undefined });
  return {
    evaluate: async (requests, options) => evaluateBatch(evaluator, requests, options),
    // Its columns live on this thread's heap, which is the caller's to measure.
    memory: async () => null,
    checkpoint: async () => null,
    quickCheck: async () => null,
    dispose: async () => evaluator.reset(),
  };
}
