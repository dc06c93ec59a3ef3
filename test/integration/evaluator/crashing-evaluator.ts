// The real evaluator thread, plus a fault a test asks for: while the shared counter `crashes` is
// above zero, the next evaluation request takes one off it and throws an uncaught error before the evaluator
// sees it, as a crash inside the thread would.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';

const crashes = new Int32Array((workerData as { crashes: SharedArrayBuffer }).crashes);
const port = parentPort!;
const on = port.on.bind(port);
// The evaluator's own listener is wrapped as it registers, so the fault comes before its answer.
port.on = ((event: string, listener: (message: unknown) => void) =>
  on(event, (message: unknown) => {
    // Evaluations only: the WAL checkpoints the app also asks of the thread never take a crash meant for one.
    const evaluation = (message as { kind?: string }).kind === 'evaluate';
    if (event === 'message' && evaluation && Atomics.load(crashes, 0) > 0) {
      Atomics.sub(crashes, 0, 1);
      throw new Error('simulated crash in the evaluator thread');
    }
    listener(message);
  })) as MessagePort['on'];
await import('../../../src-main/evaluator/evaluator-worker');
