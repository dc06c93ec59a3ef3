import type { Cache } from '../cache/cache';

/**
 * Shared between the app's connection (main thread) and the sync thread's. SQLite lets one
 * connection write at a time, and a connection that finds the file locked polls (sleeping 1, 2, 5,
 * 10 ... ms) inside the call, on its thread. The sync thread stores a first sync's chunks back to
 * back, so the main thread's writes (an alert pass on every snapshot) polled until its busy timeout
 * ran out ("database is locked", after 5 s of a frozen main thread).
 *
 * Slot MAIN counts the main thread's writes running or waiting: the sync thread starts no write
 * while it is above 0. Slot SYNC is 1 while the sync thread is inside a write: the main thread does
 * not wait for that chunk on the lock (a starved nice-10 thread held it for seconds) but defers its
 * write (db/main-writes.ts) until the thread sets it back to 0 and wakes it. Each side raises its
 * own slot before it reads the other's (Atomics are sequentially consistent), so the two never
 * both go ahead.
 */
export type WriteGate = Int32Array;

/** The slots of the gate. */
export const MAIN = 0;
export const SYNC = 1;

/** The gate's size: one Int32 slot each for MAIN and SYNC. */
export const WRITE_GATE_BYTES = 8;

export function createWriteGate(
  buffer: SharedArrayBuffer = new SharedArrayBuffer(WRITE_GATE_BYTES),
): WriteGate {
  return new Int32Array(buffer);
}

/** How long the sync thread waits in one go before it looks at the gate again (ms). */
const YIELD_SLICE_MS = 50;

type Writers = Record<string, Record<string, unknown>>;

/** The alert store's functions that write (it holds its reads too: has, list, unacknowledged ...). */
const ALERT_WRITES = new Set(['record', 'setDelivery', 'acknowledge', 'removeOfWorkspace']);

/** Each function of each write repository, the alert store's writes and the transaction wrapped in `around`. */
export function wrapWrites(cache: Cache, around: <T>(fn: () => T) => T): Cache {
  const wrap = <R extends Record<string, unknown>>(
    repo: R,
    writes: (name: string) => boolean = () => true,
  ): R =>
    Object.fromEntries(
      Object.entries(repo).map(([name, value]) => [
        name,
        typeof value === 'function' && writes(name)
          ? (...args: unknown[]) => around(() => (value as (...a: unknown[]) => unknown).apply(repo, args))
          : value,
      ]),
    ) as R;
  const write = Object.fromEntries(
    Object.entries(cache.write as unknown as Writers).map(([name, repo]) => [name, wrap(repo)]),
  ) as unknown as Cache['write'];
  return {
    ...cache,
    write,
    alerts: wrap(cache.alerts as unknown as Record<string, unknown>, (name) =>
      ALERT_WRITES.has(name),
    ) as unknown as Cache['alerts'],
    transaction: (fn) => around(() => cache.transaction(fn)),
  };
}

/** Raises the main thread's slot; the returned function lowers it (and wakes the sync thread at 0). */
export function announceMain(gate: WriteGate): () => void {
  Atomics.add(gate, MAIN, 1);
  return () => {
    if (Atomics.sub(gate, MAIN, 1) === 1) Atomics.notify(gate, MAIN);
  };
}

/** The sync thread's cache: every write first waits (blocking this thread only) while the main thread writes. */
export function yieldingWrites(cache: Cache, gate: WriteGate): Cache {
  // Only before a transaction or a write of its own: a write inside a transaction holds the lock
  // already, and waiting there would have the main thread wait for us while we wait for it.
  let depth = 0;
  return wrapWrites(cache, (fn) => {
    if (depth === 0)
      for (;;) {
        Atomics.store(gate, SYNC, 1);
        const waiting = Atomics.load(gate, MAIN);
        if (waiting === 0) break;
        leftWrite(gate);
        Atomics.wait(gate, MAIN, waiting, YIELD_SLICE_MS);
      }
    depth++;
    try {
      return fn();
    } finally {
      depth--;
      if (depth === 0) leftWrite(gate);
    }
  });
}

/** The sync thread is out of its write: a main-thread write put off meanwhile goes ahead now. */
export function leftWrite(gate: WriteGate): void {
  Atomics.store(gate, SYNC, 0);
  Atomics.notify(gate, SYNC);
}
