import type { Cache } from '../cache/cache';
import { announceMain, SYNC, wrapWrites, type WriteGate } from './write-gate';

/**
 * How long one of the main thread's writes waits inside SQLite for another connection's lock (ms).
 * The wait sleeps on the thread that asked, and the thread is the app's whole UI: a nice-10 sync
 * thread starved on a loaded machine (load ~14) held the lock through one chunk for over 5 s, and
 * the main thread slept all of it, then failed with "database is locked". A write that finds the
 * lock held fails at once with CacheBusyError and is tried again once the lock is free (WriteTurns).
 */
export const MAIN_WRITE_WAIT_MS = 10;

/** A main-thread write found the cache's write lock held: nothing of it was written; try it again when free. */
export class CacheBusyError extends Error {
  constructor(readonly file: string) {
    super(
      `the cache ${file} is being written by another connection (the sync thread storing usage, or another Creditbar command); nothing was written, and the write is tried again once it is done`,
    );
    this.name = 'CacheBusyError';
  }
}

export const isCacheBusy = (err: unknown): err is CacheBusyError => err instanceof CacheBusyError;

const sqliteBusy = (err: unknown) =>
  (err as { code?: unknown }).code?.toString().startsWith('SQLITE_BUSY') === true;

/**
 * The app's cache as the main thread uses it: each write (a transaction, or a write outside one)
 * is announced on the gate, is not tried while the sync thread is inside a write of its own, and
 * waits at most MAIN_WRITE_WAIT_MS for any other connection. Either way it throws CacheBusyError
 * before anything was written (a transaction is BEGIN IMMEDIATE: the lock is taken first), never
 * after. Writes inside a transaction of ours hold the lock already and go straight through.
 */
export function mainThreadWrites(cache: Cache, gate: WriteGate | null): Cache {
  const { db } = cache;
  const usual = db.pragma('busy_timeout', { simple: true }) as number;
  return wrapWrites(cache, (fn) => {
    if (db.inTransaction) return fn();
    const done = gate ? announceMain(gate) : null;
    try {
      if (gate && Atomics.load(gate, SYNC) !== 0) throw new CacheBusyError(cache.file);
      db.pragma(`busy_timeout = ${MAIN_WRITE_WAIT_MS}`);
      try {
        return fn();
      } catch (err) {
        throw sqliteBusy(err) ? new CacheBusyError(cache.file) : err;
      } finally {
        if (db.open) db.pragma(`busy_timeout = ${usual}`);
      }
    } finally {
      done?.();
    }
  });
}

type WaitAsync = (
  a: Int32Array,
  index: number,
  value: number,
  timeoutMs: number,
) => { async: boolean; value: Promise<string> | string };
/** Node 16+ has it; TypeScript's ES2022 lib does not declare it. */
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

/** How long a deferred write waits before it tries again when the lock is not the sync thread's (ms), by attempt. */
export const retryDelayMs = (attempt: number) => Math.min(1_000, 20 * 2 ** attempt);

/** How long a user's write keeps trying before it is refused with a sentence (another program holding the lock). */
const GIVE_UP_MS = 60_000;

/** When the main thread's deferred writes run: once the lock is free, never by blocking the event loop. */
export interface WriteTurns {
  /**
   * Runs `fn` (its writes, synchronously) at once when the cache can be written, else once it can:
   * the promise settles with what `fn` returned. A `fn` that finds the lock held (CacheBusyError)
   * wrote nothing, and is run again.
   */
  soon<T>(fn: () => T): Promise<Awaited<T>>;
  /**
   * Resolves once a write may be tried again: when the sync thread leaves its write, or after
   * `delayMs` (another connection's lock). From the call until the returned release is called the
   * sync thread starts no new write, so the retry finds the lock free.
   */
  whenFree(delayMs: number): Promise<() => void>;
}

export function createWriteTurns(
  gate: WriteGate | null,
  options: { file: string; closed(): boolean; now?: () => number },
): WriteTurns {
  const now = options.now ?? Date.now;
  const syncWriting = () => gate !== null && Atomics.load(gate, SYNC) !== 0;

  async function whenFree(delayMs: number): Promise<() => void> {
    const release = gate ? announceMain(gate) : () => undefined;
    if (syncWriting()) {
      const waiting = waitAsync(gate!, SYNC, 1, Math.max(delayMs, 1_000));
      if (waiting.async) await waiting.value;
    } else await new Promise((ok) => setTimeout(ok, delayMs));
    return release;
  }

  async function soon<T>(fn: () => T): Promise<Awaited<T>> {
    const since = now();
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0 && options.closed())
        throw new Error(
          `Creditbar closed before it could write to its cache ${options.file}; nothing of this change was saved.`,
        );
      if (attempt > 0 && now() - since > GIVE_UP_MS)
        throw new Error(
          `Creditbar could not write to its cache ${options.file}: another program has held it for a minute; nothing of this change was saved, try again.`,
        );
      const release =
        attempt === 0
          ? gate
            ? announceMain(gate)
            : () => undefined
          : await whenFree(retryDelayMs(attempt - 1));
      let out: { value: T } | null = null;
      try {
        if (!syncWriting()) out = { value: fn() };
      } catch (err) {
        if (!isCacheBusy(err)) throw err;
      } finally {
        release();
      }
      if (out === null) continue;
      try {
        return await out.value;
      } catch (err) {
        if (!isCacheBusy(err)) throw err;
      }
    }
  }

  return { soon, whenFree };
}
