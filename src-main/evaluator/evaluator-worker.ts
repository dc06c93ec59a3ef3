// The evaluator thread's entry: the engine over the cache, kept warm, off the main thread. It opens
// its own read-only connection (WAL lets it read while the main thread writes) and answers
// evaluation requests one at a time; the main thread composes snapshots from what it posts back.
import { parentPort, workerData } from 'node:worker_threads';
import { openCacheReader } from '../cache/cache';
import { createCacheEvaluator, type CacheEvaluator } from './cache-evaluator';
import type {
  EvaluatorMemory,
  EvaluatorReply,
  EvaluatorRequest,
  EvaluatorWorkerData,
} from './evaluator-protocol';

const data = workerData as EvaluatorWorkerData;
const port = parentPort!;
let evaluator: CacheEvaluator | null = null;
const MB = 2 ** 20;

/** This thread's heap (process.memoryUsage's heap fields are the calling isolate's) and columns. */
function memory(collect: boolean): EvaluatorMemory {
  if (collect) (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, heapTotal } = process.memoryUsage();
  const held = evaluator?.held() ?? { events: 0, bytes: 0 };
  return {
    heapUsedMb: heapUsed / MB,
    heapTotalMb: heapTotal / MB,
    heldEvents: held.events,
    columnMb: held.bytes / MB,
  };
}

port.on('message', (message: EvaluatorRequest) => {
  let reply: EvaluatorReply;
  try {
    if (message.kind === 'memory') {
      reply = { id: message.id, ok: true, memory: memory(message.collect === true) };
    } else {
      // Opened on the first request, so a cache that cannot be opened is an answer, not a crash loop.
      evaluator ??= createCacheEvaluator(
        openCacheReader(data.file, data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
      );
      const evaluations = evaluator.evaluate(message.requests);
      reply = { id: message.id, ok: true, evaluations, costs: evaluator.costs() };
    }
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply = { id: message.id, ok: false, error: { name: e.name, message: e.message } };
  }
  port.postMessage(reply);
});
