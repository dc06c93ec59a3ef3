// What a worker thread of the runtime (the evaluator, the sync thread) sets up about itself on Linux,
// where a thread's name and nice value are its own (NPTL). Elsewhere both would name or lower the
// whole process, so they are left alone there.
import { writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Names this thread as `top -H`, `ps -L` and /proc/<pid>/task/<tid>/comm show it (at most 15
 * bytes), so that a thread's CPU can be told from the main thread's and from node's own threads.
 */
export function nameThisThread(name: string): void {
  if (process.platform !== 'linux') return;
  try {
    writeFileSync('/proc/thread-self/comm', name.slice(0, 15));
  } catch {
    // Not allowed here (a sandbox): the thread keeps node's name.
  }
}

/**
 * Runs this thread at `nice` (0 the app's, 19 the lowest): when the cores are busy, the app's main
 * thread (nice 0) gets a core before it.
 */
export function lowerThisThread(nice: number): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(nice);
  } catch {
    // Not allowed here (a sandbox): the thread runs at the app's priority.
  }
}
