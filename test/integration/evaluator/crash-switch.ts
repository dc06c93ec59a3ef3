import { sourceWorker, type WorkerSpawner } from '../../../src-main/evaluator/worker-spawn';

/**
 * Evaluator threads that crash on demand: `crash(n)` makes the next n requests (to whichever
 * thread runs then) die with an uncaught error. `started` counts the threads started.
 */
export function crashSwitch(): { spawn: WorkerSpawner; crash(n?: number): void; started(): number } {
  const crashes = new Int32Array(new SharedArrayBuffer(4));
  const thread = sourceWorker(new URL('./crashing-evaluator.ts', import.meta.url));
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
