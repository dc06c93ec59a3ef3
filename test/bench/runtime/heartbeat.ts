// Bench helper: the main thread's heartbeat (see block-watch.ts). It runs on the main thread itself,
// not in a sampler thread: a thread polling every few ms would compete for the same two cores whose
// wait it measures, and add its own heap to the RSS the bench reports.
import { readFileSync } from 'node:fs';
import { blockWatch, parseSchedstat, type BlockFigures, type Schedstat } from './block-watch';

/** The main thread's tid is the process id. */
const FILE = `/proc/self/task/${process.pid}/schedstat`;

/** The main thread's scheduler figures now, or null where Linux's schedstat is not there. */
export function mainThreadSchedstat(): Schedstat | null {
  try {
    return parseSchedstat(readFileSync(FILE, 'utf8'));
  } catch {
    return null;
  }
}

/** Beats every `intervalMs` from now until stop(), which answers the blocks seen (null off Linux). */
export function startHeartbeat(intervalMs = 5, thresholdMs = 50): { stop: () => BlockFigures | null } {
  if (!mainThreadSchedstat()) return { stop: () => null };
  const watch = blockWatch(intervalMs, thresholdMs);
  const beat = () => {
    const now = mainThreadSchedstat();
    if (now) watch.add({ atMs: performance.now(), ...now });
  };
  beat();
  const timer = setInterval(beat, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      beat();
      return watch.figures();
    },
  };
}
