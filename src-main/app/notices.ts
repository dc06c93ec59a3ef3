import type { AppNotice } from '../../src-shared/ipc/snapshot';
import type { Cache } from '../cache/cache';

/** Notices the lead has not dismissed, oldest first (kept in the cache, so they survive a restart). */
export function listNotices(cache: Cache): AppNotice[] {
  return cache.read.appState.get('notices', []);
}

/** Adds a notice, replacing one with the same key. */
export function addNotice(cache: Cache, notice: AppNotice): void {
  const rest = listNotices(cache).filter((n) => n.key !== notice.key);
  cache.write.appState.set('notices', [...rest, notice]);
}

/** Removes a notice; says whether there was one. */
export function dismissNotice(cache: Cache, key: string): boolean {
  const all = listNotices(cache);
  const rest = all.filter((n) => n.key !== key);
  if (rest.length === all.length) return false;
  cache.write.appState.set('notices', rest);
  return true;
}
