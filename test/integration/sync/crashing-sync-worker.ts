// The real sync thread, plus a fault a test asks for: while the shared counter `crashes` is above
// zero, the thread dies with an uncaught error (one crash per count), as a crash inside the thread
// would. Where: by default right after it reported its second stored page of a workspace (mid-sync);
// with `crashAt: 'start'` as a sync is asked for, before the sync wrote anything (not even the
// account's row: an account's first sync).
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';

const data = workerData as { crashes: SharedArrayBuffer; crashAt?: 'start' };
const crashes = new Int32Array(data.crashes);
const port = parentPort!;

/** True (and one crash less armed) when the thread should die now. */
const armed = () => Atomics.load(crashes, 0) > 0 && Atomics.sub(crashes, 0, 1) > 0;

if (data.crashAt === 'start') {
  // The sync thread's own message listener is wrapped: a sync asked for while armed never reaches it.
  const on = port.on.bind(port);
  port.on = ((event: string, listener: (message: { kind?: string }) => void) =>
    on(event, (message: { kind?: string }) => {
      if (event === 'message' && message.kind === 'sync' && armed())
        setImmediate(() => {
          throw new Error('simulated crash in the sync thread');
        });
      else listener(message);
    })) as MessagePort['on'];
} else {
  const post = port.postMessage.bind(port);
  port.postMessage = ((message: { kind?: string; progress?: { pages: number } }) => {
    post(message);
    if (message.kind === 'progress' && message.progress!.pages === 2 && armed())
      setImmediate(() => {
        throw new Error('simulated crash in the sync thread');
      });
  }) as MessagePort['postMessage'];
}
await import('../../../src-main/sync/sync-worker');
