// The evaluator thread's entry: the engine over the cache, kept warm, off the main thread. It opens
// its own read-only connection (WAL lets it read while the main thread writes) and answers
// evaluation requests one at a time; the main thread composes snapshots from what it posts back.
// Its pools' walks are saved beside the cache (saved-walks.ts) when the app closes and every ten
// minutes, so that the next start answers from them without reading the whole period first.
import { getHeapStatistics } from 'node:v8';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { openCacheReader } from '../cache/cache';
import { quickCheckFile } from '../db/quick-check';
import { openWalCheckpointer, type WalCheckpointer } from '../db/wal-checkpoint';
import { createCacheEvaluator, type CacheEvaluator } from './cache-evaluator';
import { evaluateBatch } from './evaluate-batch';
import { nameThisThread } from './own-thread';
import { savedWalkFileStore } from './saved-walks';
import type {
  EvaluatorMemory,
  EvaluatorReply,
  EvaluatorRequest,
  EvaluatorWorkerData,
} from './evaluator-protocol';

nameThisThread('creditbar-eval');
const data = workerData as EvaluatorWorkerData;
const port = parentPort!;
let evaluator: CacheEvaluator | null = null;
let checkpointer: WalCheckpointer | null = null;
const MB = 2 ** 20;
/** Walks are also saved this often while the app runs, so a crash loses little; always on close. */
const SAVE_EVERY_MS = 10 * 60_000;
let lastSave = Date.now();
/** How long the thread waits without a request before loading the periods of resumed pools. */
const WARM_AFTER_IDLE_MS = 2_000;
let warming: NodeJS.Timeout | undefined;

/** Writes the walks down; a failure (a full disk) costs the next start its head start, nothing else. */
function save(how: { unlessUnchanged?: boolean } = {}) {
  lastSave = Date.now();
  try {
    return evaluator?.save(how) ?? { pools: 0, bytes: 0 };
  } catch {
    return { pools: 0, bytes: 0 };
  }
}

/** This thread's heap (process.memoryUsage's heap fields are the calling isolate's) and columns. */
function memory(collect: boolean): EvaluatorMemory {
  if (collect) (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, heapTotal } = process.memoryUsage();
  const held = evaluator?.held() ?? { events: 0, bytes: 0 };
  return {
    heapUsedMb: heapUsed / MB,
    heapTotalMb: heapTotal / MB,
    heapPhysicalMb: getHeapStatistics().total_physical_size / MB,
    heldEvents: held.events,
    columnMb: held.bytes / MB,
  };
}

port.on('message', (message: EvaluatorRequest) => {
  let reply: EvaluatorReply;
  try {
    if (message.kind === 'memory') {
      reply = { id: message.id, ok: true, memory: memory(message.collect === true) };
    } else if (message.kind === 'save') {
      reply = { id: message.id, ok: true, saved: save() };
    } else if (message.kind === 'checkpoint') {
      checkpointer ??= openWalCheckpointer(
        data.file,
        data.nativeBinding ? { nativeBinding: data.nativeBinding } : {},
      );
      reply = { id: message.id, ok: true, checkpoint: checkpointer.checkpoint() };
    } else if (message.kind === 'quick-check') {
      const started = performance.now();
      const damage = quickCheckFile(
        data.file,
        data.nativeBinding ? { nativeBinding: data.nativeBinding } : {},
      );
      const ms = Math.round(performance.now() - started);
      reply = { id: message.id, ok: true, quickCheck: { damage, ms, threadId } };
    } else {
      // Opened on the first request, so a cache that cannot be opened is an answer, not a crash loop.
      evaluator ??= createCacheEvaluator(
        openCacheReader(data.file, data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
        { saved: savedWalkFileStore(data.file) },
      );
      reply = { id: message.id, ok: true, ...evaluateBatch(evaluator, message.requests, message) };
    }
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    // SQLite's code goes with it: the main thread tells a damaged cache from other failures.
    const code = (err as { code?: unknown }).code;
    reply = {
      id: message.id,
      ok: false,
      error: { name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}) },
    };
  }
  port.postMessage(reply);
  if (message.kind !== 'evaluate' || !evaluator) return;
  const e = evaluator;
  setImmediate(() => {
    if (Date.now() - lastSave >= SAVE_EVERY_MS) save({ unlessUnchanged: true });
  });
  // A pool resumed from a saved walk gets its whole period loaded (seconds for a million events,
  // requests wait behind it) once the thread has been idle a moment, so the requests of the start
  // (the view, the first sync's reconciliation) are answered from the resumed walks first.
  clearTimeout(warming);
  if (e.partial())
    warming = setTimeout(() => {
      try {
        e.warm();
      } catch {
        // The next evaluation loads what it needs and reports what fails.
      }
    }, WARM_AFTER_IDLE_MS);
});
