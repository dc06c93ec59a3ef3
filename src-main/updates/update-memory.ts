import type { Cache } from '../cache/cache';
import type { UpdateMemory } from './update-service';

/** When update checks last ran, in the cache's app_state (so a restart does not check again at once). */
export function cacheUpdateMemory(cache: Cache): UpdateMemory {
  return {
    get: () => ({
      lastCheckAt: cache.read.appState.get('updateLastCheckAt', null),
      lastAttemptAt: cache.read.appState.get('updateLastAttemptAt', null),
    }),
    set(value) {
      cache.write.appState.set('updateLastCheckAt', value.lastCheckAt);
      cache.write.appState.set('updateLastAttemptAt', value.lastAttemptAt);
    },
  };
}
