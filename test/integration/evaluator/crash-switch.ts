import { sourceWorker, type WorkerSpawner } from '../../../src-main/evaluator/worker-spawn';

/**
 * Threads that crash on demand: `crash(n)` arms the next n faults of the entry (crashing-evaluator.ts:
 * the next n requests, to whichever thread runs then, die with an uncaught error; another entry
 * reads the same shared counter `crashes`). `started` counts the threads started.
 */
export function crashSwitch(entry = new URL('./crashing-evaluator.ts', import.meta.url)): {
  spawn: WorkerSpawner;
  crash(n?: number): void;
  started(): number;
} {
  const crashes = new Int32Array(new SharedArrayBuffer(4));
  const thread = sourceWorker(entry);
  let started = 0;
  return {
    spawn: (data, options) => {
      started++;
      return thread({ ...(data as object), crashes: crashes.buffer }, options);
    },
    crash: (n = 1) => void Atomics.store(crashes, 0, n),
    started: () => started,
  };
}
