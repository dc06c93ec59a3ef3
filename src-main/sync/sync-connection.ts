import { openCache, type Cache } from '../cache/cache';
import { createWriteGate, yieldingWrites } from '../db/write-gate';
import type { SyncWorkerData } from './sync-protocol';

/**
 * The sync thread's SQLite page cache (KiB), half the app connection's (WRITER_CACHE_KIB). What the
 * thread mallocs stays with its glibc arena after it exits (glibc keeps a dead thread's arena for
 * the next thread and does not trim it): after a first sync of 1,000,000 events that arena held
 * 18-21 MB with 0.5 in use at 8 MB, 14 MB at 4 MB, 10-12 MB at 2 MB. Storing 1,000,000 events with
 * random ids in 500-event transactions took the same CPU at 4 MB as at 8 (24-29 s, load 5-9);
 * at 2 MB 10-20 % more.
 */
export const SYNC_CACHE_KIB = 4096;

/** The sync thread's own connection to the cache: its page cache, and the app connection's write gate. */
export function openSyncConnection(data: SyncWorkerData): Cache {
  const own = openCache(data.file, data.nativeBinding ? { nativeBinding: data.nativeBinding } : {});
  own.db.pragma(`cache_size = -${SYNC_CACHE_KIB}`);
  return data.gate ? yieldingWrites(own, createWriteGate(data.gate)) : own;
}
