import type { Cache } from '../cache/cache';
import { isCacheBusy, mainThreadWrites } from '../db/main-writes';
import type { UpdateMemory } from './update-service';

/**
 * When update checks last ran, in the cache's app_state (so a restart does not check again at once).
 * Written on the main thread without waiting on the cache's write lock (db/main-writes.ts): while a
 * sync holds it, the times are not kept, and a restart may check once more than it needed to.
 */
export function cacheUpdateMemory(cache: Cache): UpdateMemory {
  const writes = mainThreadWrites(cache, null);
  return {
    get: () => ({
      lastCheckAt: cache.read.appState.get('updateLastCheckAt', null),
      lastAttemptAt: cache.read.appState.get('updateLastAttemptAt', null),
    }),
    set(value) {
      try {
        writes.transaction(() => {
          writes.write.appState.set('updateLastCheckAt', value.lastCheckAt);
          writes.write.appState.set('updateLastAttemptAt', value.lastAttemptAt);
        });
      } catch (err) {
        if (!isCacheBusy(err)) throw err;
      }
    },
  };
}
