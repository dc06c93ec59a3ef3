// Bench helper (runtime child): where the runtime's RSS goes, read inside the runtime child
// (runtime-child.ts) after its first sync and again once idle has settled.
import { readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import type { AppRuntime } from '../../../src-main/app/app-runtime';
import { READER_CACHE_KIB, type Cache } from '../../../src-main/cache/cache';
import type { EvaluatorMemory } from '../../../src-main/evaluator/evaluator-protocol';

/**
 * The RSS split by what backs it (Linux: /proc/self/smaps_rollup), MB. `fileMb` is code and data
 * mapped from files (node's binary with its ICU data, shared libraries, better-sqlite3's addon):
 * clean pages shared with every process mapping the same file, which the kernel may drop and read
 * again; `anonMb` is this process's own memory (V8 heaps, typed arrays, malloc'd native memory).
 */
export interface RssSplit {
  rssMb: number;
  fileMb: number;
  anonMb: number;
}

/** Where the RSS goes (MB), each figure read after a full GC of both threads. */
export interface MemoryBreakdown {
  /** node (plus tsx from source) with the runtime's modules loaded, nothing started. */
  loadedRssMb: number;
  /** The runtime started over an empty cache, its evaluator thread running (the thread's start cost). */
  startedRssMb: number;
  /** This thread's V8 heap at idle: in use after a GC, reserved, and backed by memory. */
  mainHeapUsedMb: number;
  mainHeapTotalMb: number;
  mainHeapPhysicalMb: number;
  /** Buffers outside the V8 heaps of this thread (better-sqlite3, pages kept). */
  mainExternalMb: number;
  /** The evaluator thread at idle: its heap (before and after a GC) and the columns it holds. */
  evaluator: (EvaluatorMemory & { heapTotalBeforeGcMb: number; heapUsedBeforeGcMb: number }) | null;
  /**
   * SQLite page caches' limits (cache_size) of the main and the evaluator's connection: filled once
   * a sync has touched the table, and not given back to the system (glibc keeps what SQLite frees).
   */
  sqliteCacheMb: { main: number; evaluator: number };
  /** Right after the first sync (idleRssMb) and settled (idleSettledRssMb), null off Linux. */
  split: RssSplit | null;
  settledSplit: RssSplit | null;
  /** Settled: both V8 heaps' pages backed by memory (the evaluator's read without a forced GC). */
  settledHeapPhysicalMb: { main: number; evaluator: number | null };
}

const SETTLE_MS = Number(process.env['BENCH_SETTLE_MS'] ?? 30_000);
/** This process's RSS, MB. */
export const mb = () => process.memoryUsage().rss / 2 ** 20;

/** The RSS split into file-backed and anonymous pages, or null where /proc is not there. */
function rssSplit(): RssSplit | null {
  let text: string;
  try {
    text = readFileSync('/proc/self/smaps_rollup', 'utf8');
  } catch {
    return null;
  }
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? Number.NaN);
  const rss = kb('Rss');
  const anon = kb('Anonymous');
  return { rssMb: rss / 1024, fileMb: (rss - anon) / 1024, anonMb: anon / 1024 };
}

const gc = (globalThis as { gc?: () => void }).gc;
const pause = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** The idle RSS 1.5 s after the first sync's snapshot, after a forced full GC of both threads, and where it goes. */
export async function idleMemory(
  runtime: AppRuntime,
  cache: Cache,
  started: { loadedRssMb: number; startedRssMb: number },
): Promise<{ idleRssMb: number; memory: MemoryBreakdown }> {
  const { loadedRssMb, startedRssMb } = started;
  await pause(1_000);
  gc?.();
  const before = await runtime.evaluatorMemory();
  const after = await runtime.evaluatorMemory({ collect: true });
  await pause(500);
  const idleRssMb = mb();
  const split = rssSplit();
  const heap = process.memoryUsage();
  /** A connection's cache_size in MB (negative: KiB, positive: pages). */
  const cacheMb = (size: number) =>
    size < 0 ? -size / 1024 : (size * (cache.db.pragma('page_size', { simple: true }) as number)) / 2 ** 20;
  const memory: MemoryBreakdown = {
    loadedRssMb,
    startedRssMb,
    mainHeapUsedMb: heap.heapUsed / 2 ** 20,
    mainHeapTotalMb: heap.heapTotal / 2 ** 20,
    mainHeapPhysicalMb: getHeapStatistics().total_physical_size / 2 ** 20,
    mainExternalMb: heap.external / 2 ** 20,
    evaluator:
      before && after
        ? { ...after, heapTotalBeforeGcMb: before.heapTotalMb, heapUsedBeforeGcMb: before.heapUsedMb }
        : null,
    sqliteCacheMb: {
      main: cacheMb(cache.db.pragma('cache_size', { simple: true }) as number),
      evaluator: READER_CACHE_KIB / 1024,
    },
    split,
    settledSplit: null,
    settledHeapPhysicalMb: { main: 0, evaluator: null },
  };
  return { idleRssMb, memory };
}

/**
 * The same idle, settled: nothing asked of the runtime for SETTLE_MS but its ticks (fills `memory`'s
 * settled figures, returns the settled RSS). BENCH_HOLD_MS: the settled runtime held that long more
 * (its pid on stderr), to read /proc/PID/smaps.
 */
export async function settledMemory(
  runtime: AppRuntime,
  memory: MemoryBreakdown,
  mode: string,
): Promise<number> {
  await pause(SETTLE_MS);
  const idleSettledRssMb = mb();
  memory.settledSplit = rssSplit();
  memory.settledHeapPhysicalMb = {
    main: getHeapStatistics().total_physical_size / 2 ** 20,
    evaluator: (await runtime.evaluatorMemory())?.heapPhysicalMb ?? null,
  };
  const HOLD_MS = Number(process.env['BENCH_HOLD_MS'] ?? 0);
  if (HOLD_MS > 0) {
    console.error(
      `bench: ${mode} runtime settled at ${Math.round(mb())} MB, held ${HOLD_MS} ms: pid ${process.pid}`,
    );
    await pause(HOLD_MS);
  }
  return idleSettledRssMb;
}
