// Bench helper (pure): what the main thread did during each of its blocks. A heartbeat on the main
// thread reads its own scheduler figures (Linux: /proc/<pid>/task/<pid>/schedstat: ns on a CPU, ns
// runnable but waiting on a run queue, timeslices) every few ms; a block is a gap between two beats
// longer than the beat's interval, and the figures' differences across the gap say how much of it the
// thread ran and how much it waited for a core (the rest: asleep, e.g. in epoll, I/O or a lock).
// A beat may carry the on-CPU time of other threads by group (heartbeat.ts: the evaluator and sync
// threads, node's own threads, the reference server): what ran while the main thread waited.

/** The main thread's scheduler figures at one moment. */
export interface Schedstat {
  cpuNs: number;
  waitNs: number;
  slices: number;
}

/** One heartbeat: when it ran (ms, monotonic) and the thread's figures then. */
export interface Beat extends Schedstat {
  atMs: number;
  /** Other threads' on-CPU time so far by group (ns, each only growing; a group may appear later). */
  othersNs?: Record<string, number>;
}

/** One gap between two beats: how late the second beat was and how the gap was spent (ms). */
export interface Block {
  /** How late the beat came (the gap less the beat's interval), as monitorEventLoopDelay counts a block. */
  ms: number;
  /** The whole gap between the two beats: on CPU + waiting for a core + asleep. */
  gapMs: number;
  cpuMs: number;
  waitMs: number;
  /** Times the thread was put on a CPU in the gap (each wait for a core ends with one). */
  slices: number;
  /** What the other threads ran in the gap by group (ms; groups that ran nothing left out). */
  othersMs: Record<string, number>;
}

/** A phase's blocks, as attributed. */
export interface BlockFigures {
  /** The longest block and how it was spent (null: no beat was late at all). */
  longest: Block | null;
  /** The block with the most on-CPU time: no block the thread's own work made is longer than its cpuMs plus its sleeps. */
  mostCpu: Block | null;
  /** Blocks over the threshold, and those of them with more than the threshold on CPU. */
  over: number;
  overOnCpu: number;
  thresholdMs: number;
  /** The gaps' totals over the phase (ms): on CPU, waiting for a core. */
  cpuMs: number;
  waitMs: number;
  /** What the other threads ran over the phase by group (ms). */
  othersMs: Record<string, number>;
}

/** The three figures of a schedstat file's text, or null when it is not one. */
export function parseSchedstat(text: string): Schedstat | null {
  const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s*$/.exec(text);
  if (!m) return null;
  return { cpuNs: Number(m[1]), waitNs: Number(m[2]), slices: Number(m[3]) };
}

/** The gap between two beats, attributed. */
export function blockBetween(a: Beat, b: Beat, intervalMs: number): Block {
  const gapMs = b.atMs - a.atMs;
  const othersMs: Record<string, number> = {};
  for (const [group, ns] of Object.entries(b.othersNs ?? {})) {
    const ran = (ns - (a.othersNs?.[group] ?? 0)) / 1e6;
    if (ran > 0) othersMs[group] = ran;
  }
  return {
    ms: Math.max(0, gapMs - intervalMs),
    gapMs,
    cpuMs: (b.cpuNs - a.cpuNs) / 1e6,
    waitMs: (b.waitNs - a.waitNs) / 1e6,
    slices: b.slices - a.slices,
    othersMs,
  };
}

/**
 * Takes beats one by one (keeping only the last and the figures, not the beats) and attributes each
 * gap: the longest block, the block with the most on-CPU time, and how many blocks pass `thresholdMs`.
 */
export function blockWatch(intervalMs: number, thresholdMs = 50) {
  let last: Beat | null = null;
  const figures: BlockFigures = {
    longest: null,
    mostCpu: null,
    over: 0,
    overOnCpu: 0,
    thresholdMs,
    cpuMs: 0,
    waitMs: 0,
    othersMs: {},
  };
  return {
    add(beat: Beat): void {
      if (last) {
        const block = blockBetween(last, beat, intervalMs);
        figures.cpuMs += block.cpuMs;
        figures.waitMs += block.waitMs;
        for (const [group, ms] of Object.entries(block.othersMs))
          figures.othersMs[group] = (figures.othersMs[group] ?? 0) + ms;
        if (block.ms > 0 && (!figures.longest || block.ms > figures.longest.ms)) figures.longest = block;
        if (block.ms > 0 && (!figures.mostCpu || block.cpuMs > figures.mostCpu.cpuMs))
          figures.mostCpu = block;
        if (block.ms > thresholdMs) {
          figures.over++;
          if (block.cpuMs > thresholdMs) figures.overOnCpu++;
        }
      }
      last = beat;
    },
    figures: (): BlockFigures => figures,
  };
}
