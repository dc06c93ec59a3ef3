// The real sync thread, plus a fault a test asks for: while the shared counter `crashes` is above
// zero, the thread dies with an uncaught error right after it reported its second stored page of a
// workspace (one crash per count), as a crash inside the thread would, mid-sync.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';

const crashes = new Int32Array((workerData as { crashes: SharedArrayBuffer }).crashes);
const port = parentPort!;
const post = port.postMessage.bind(port);
port.postMessage = ((message: { kind?: string; progress?: { pages: number } }) => {
  post(message);
  if (message.kind === 'progress' && message.progress!.pages === 2 && Atomics.load(crashes, 0) > 0) {
    Atomics.sub(crashes, 0, 1);
    setImmediate(() => {
      throw new Error('simulated crash in the sync thread');
    });
  }
}) as MessagePort['postMessage'];
await import('../../../src-main/sync/sync-worker');
