import { describe, expect, it } from 'vitest';
import { blockWatch, parseSchedstat, type Beat } from '../../bench/runtime/block-watch';

// Beats as the heartbeat would take them (every 5 ms), with the main thread's schedstat figures in ns.
const beat = (atMs: number, cpuMs: number, waitMs: number, slices: number): Beat => ({
  atMs,
  cpuNs: cpuMs * 1e6,
  waitNs: waitMs * 1e6,
  slices,
});

describe('parseSchedstat', () => {
  it('reads ns on a CPU, ns waiting on a run queue and timeslices', () => {
    expect(parseSchedstat('53707739 8590071 15\n')).toEqual({ cpuNs: 53707739, waitNs: 8590071, slices: 15 });
  });

  it('answers null for text that is not a schedstat line', () => {
    expect(parseSchedstat('')).toBeNull();
    expect(parseSchedstat('53707739 8590071\n')).toBeNull();
    expect(parseSchedstat('cpu 1 2 3\n')).toBeNull();
  });
});

describe('blockWatch', () => {
  it('splits each gap between beats into on-CPU time and waiting for a core', () => {
    const watch = blockWatch(5, 50);
    [
      beat(0, 0, 0, 0),
      beat(5, 0.5, 0, 1),
      // A 120 ms gap: 100 ms of work, 10 ms waiting: a block of 115 ms (the gap less the 5 ms interval).
      beat(125, 100.5, 10, 4),
      beat(130, 101, 10, 5),
      // A 200 ms gap, 5 ms of work and 190 ms waiting for a core: the longest block (195 ms), not work.
      beat(330, 106, 200, 9),
      // A 40 ms gap: a 35 ms block, under the threshold.
      beat(370, 136, 205, 10),
    ].forEach((b) => watch.add(b));
    const f = watch.figures();
    expect(f.longest).toEqual({ ms: 195, gapMs: 200, cpuMs: 5, waitMs: 190, slices: 4, othersMs: {} });
    expect(f.mostCpu).toEqual({ ms: 115, gapMs: 120, cpuMs: 100, waitMs: 10, slices: 3, othersMs: {} });
    // Two blocks over 50 ms (115 and 195), one of them with more than 50 ms on CPU.
    expect(f.over).toBe(2);
    expect(f.overOnCpu).toBe(1);
    // The gaps' sums: 0.5 + 100 + 0.5 + 5 + 30 on CPU, 10 + 190 + 5 waiting.
    expect(f.cpuMs).toBeCloseTo(136);
    expect(f.waitMs).toBeCloseTo(205);
  });

  it('says what the other threads ran in each gap and over the phase, a group first seen late counted from zero', () => {
    const watch = blockWatch(5, 50);
    const at = (atMs: number, cpuMs: number, waitMs: number, othersMs: Record<string, number>): Beat => ({
      ...beat(atMs, cpuMs, waitMs, 0),
      othersNs: Object.fromEntries(Object.entries(othersMs).map(([g, ms]) => [g, ms * 1e6])),
    });
    [
      at(0, 0, 0, { 'creditbar-eval': 100, node: 40 }),
      // A 60 ms gap: 20 ms of work, 30 waiting; meanwhile the evaluator ran 50 ms, node's threads
      // nothing, and the sync thread (first seen here) 25 ms.
      at(60, 20, 30, { 'creditbar-eval': 150, node: 40, 'creditbar-sync': 25 }),
      at(65, 21, 30, { 'creditbar-eval': 152, node: 41, 'creditbar-sync': 25 }),
    ].forEach((b) => watch.add(b));
    const f = watch.figures();
    expect(f.longest!.othersMs).toEqual({ 'creditbar-eval': 50, 'creditbar-sync': 25 });
    expect(f.othersMs).toEqual({ 'creditbar-eval': 52, 'creditbar-sync': 25, node: 1 });
  });

  it('counts no block when every beat came on time', () => {
    const watch = blockWatch(5, 50);
    [beat(0, 0, 0, 0), beat(5, 1, 0, 1), beat(10, 2, 1, 2)].forEach((b) => watch.add(b));
    const f = watch.figures();
    expect(f.longest).toBeNull();
    expect(f.mostCpu).toBeNull();
    expect(f.over).toBe(0);
  });
});
