// Bench helper (runtime child): a phase of the runtime child (runtime-child.ts) watched for
// main-thread blocks (perf_hooks.monitorEventLoopDelay, and a heartbeat that splits each block into
// on-CPU time and waiting for a core: heartbeat.ts) and timed request to snapshot.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AppRuntime } from '../../../src-main/app/app-runtime';
import type { Snapshot } from '../../../src-shared/ipc/snapshot';
import type { BlockFigures } from './block-watch';
import { startHeartbeat } from './heartbeat';
import { mb } from './runtime-memory';

/** Main-thread blocking and time of one phase. */
export interface Phase {
  ms: number[];
  longestBlockMs: number;
  p99DelayMs: number;
  peakRssMb: number;
  /** The blocks split into on-CPU time and waiting for a core (null off Linux). */
  blocks: BlockFigures | null;
}

/** Resolves with the first snapshot (published from now on) that `ok` accepts. */
export function snapshotWhere(runtime: AppRuntime, ok: (s: Snapshot) => boolean): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const off = runtime.subscribe((s) => {
      if (!ok(s)) return;
      off();
      resolve(performance.now() - t0);
    });
  });
}

/**
 * Runs `trial` `n` times with the event loop watched throughout; each trial returns its own time.
 * `serverPid`: the reference server's process, whose CPU each block tells apart.
 */
export async function phase(
  n: number,
  trial: (i: number) => Promise<number>,
  serverPid: number | null = null,
): Promise<Phase> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  let peak = mb();
  const sampler = setInterval(() => (peak = Math.max(peak, mb())), 20);
  h.enable();
  const beats = startHeartbeat(5, 50, serverPid);
  const ms: number[] = [];
  for (let i = 0; i < n; i++) ms.push(await trial(i));
  const blocks = beats.stop();
  h.disable();
  clearInterval(sampler);
  return { ms, longestBlockMs: h.max / 1e6, p99DelayMs: h.percentile(99) / 1e6, peakRssMb: peak, blocks };
}

/** Credits used plus calls blocked: a pool of a million events is often empty, and a new call there is blocked, not used. */
export const usedOf = (s: Snapshot) =>
  s.workspaces.reduce((sum, w) => sum + w.pools.reduce((x, p) => x + p.used + p.blockedCalls, 0), 0);
