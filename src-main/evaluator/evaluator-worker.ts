// The evaluator thread's entry: the engine over the cache, kept warm, off the main thread. It opens
// its own read-only connection (WAL lets it read while the main thread writes) and answers
// evaluation requests one at a time; the main thread composes snapshots from what it posts back.
import { parentPort, workerData } from 'node:worker_threads';
import { openCacheReader } from '../cache/cache';
import { createCacheEvaluator, type CacheEvaluator } from './cache-evaluator';
import type { EvaluatorReply, EvaluatorRequest, EvaluatorWorkerData } from './evaluator-protocol';

const data = workerData as EvaluatorWorkerData;
const port = parentPort!;
let evaluator: CacheEvaluator | null = null;

port.on('message', (message: EvaluatorRequest) => {
  let reply: EvaluatorReply;
  try {
    // Opened on the first request, so a cache that cannot be opened is an answer, not a crash loop.
    evaluator ??= createCacheEvaluator(
      openCacheReader(data.file, data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
    );
    const evaluations = evaluator.evaluate(message.requests);
    reply = { id: message.id, ok: true, evaluations, costs: evaluator.costs() };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply = { id: message.id, ok: false, error: { name: e.name, message: e.message } };
  }
  port.postMessage(reply);
});
