import type { Cache } from '../cache/cache';

/**
 * Shared between the app's connection (main thread) and the sync thread's: how many main-thread
 * writes are waiting or running. SQLite lets one connection write at a time, and a connection
 * that finds the file locked polls (sleeping 1, 2, 5, 10 ... ms) inside the call, on its thread.
 * The sync thread stores a first sync's chunks back to back, so the main thread's writes (an alert
 * pass on every snapshot) polled until its busy timeout ran out ("database is locked", after 5 s
 * of a frozen main thread). With the gate the sync thread starts no write while a main-thread one
 * waits, so the main thread waits for at most the chunk in flight.
 */
export type WriteGate = Int32Array;

export function createWriteGate(buffer: SharedArrayBuffer = new SharedArrayBuffer(4)): WriteGate {
  return new Int32Array(buffer);
}

/** How long the sync thread waits in one go before it looks at the gate again (ms). */
const YIELD_SLICE_MS = 50;

type Writers = Record<string, Record<string, unknown>>;

/** Each function of each repository (and the transaction) wrapped in `around`. */
function wrapWrites(cache: Cache, around: <T>(fn: () => T) => T): Cache {
  const wrap = <R extends Record<string, unknown>>(repo: R): R =>
    Object.fromEntries(
      Object.entries(repo).map(([name, value]) => [
        name,
        typeof value === 'function'
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
    alerts: wrap(cache.alerts as unknown as Record<string, unknown>) as unknown as Cache['alerts'],
    transaction: (fn) => around(() => cache.transaction(fn)),
  };
}

/** The app's cache with every write announced on the gate while it waits and runs. */
export function announcingWrites(cache: Cache, gate: WriteGate): Cache {
  return wrapWrites(cache, (fn) => {
    Atomics.add(gate, 0, 1);
    try {
      return fn();
    } finally {
      if (Atomics.sub(gate, 0, 1) === 1) Atomics.notify(gate, 0);
    }
  });
}

/** The sync thread's cache: every write first waits (blocking this thread only) while the main thread writes. */
export function yieldingWrites(cache: Cache, gate: WriteGate): Cache {
  // Only before a transaction or a write of its own: a write inside a transaction holds the lock
  // already, and waiting there would have the main thread wait for us while we wait for it.
  let depth = 0;
  return wrapWrites(cache, (fn) => {
    if (depth === 0)
      for (let waiting = Atomics.load(gate, 0); waiting > 0; waiting = Atomics.load(gate, 0))
        Atomics.wait(gate, 0, waiting, YIELD_SLICE_MS);
    depth++;
    try {
      return fn();
    } finally {
      depth--;
    }
  });
}
