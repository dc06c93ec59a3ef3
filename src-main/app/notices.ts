import type { AppNotice } from '../../src-shared/ipc/snapshot';
import type { Cache } from '../cache/cache';

/** Notices the lead has not dismissed, oldest first (kept in the cache, so they survive a restart). */
export function listNotices(cache: Cache): AppNotice[] {
  return cache.read.appState.get('notices', []);
}

/**
 * Adds a notice, replacing one with the same key. A standing notice (said again at every start,
 * e.g. how tokens are stored) is not added again once the lead dismissed it.
 */
export function addNotice(cache: Cache, notice: AppNotice, options: { standing?: boolean } = {}): boolean {
  if (options.standing && cache.read.appState.get('dismissedNotices', []).includes(notice.key)) return false;
  const rest = listNotices(cache).filter((n) => n.key !== notice.key);
  cache.write.appState.set('notices', [...rest, notice]);
  return true;
}

/** Removes a notice and remembers that it was dismissed; says whether there was one. */
export function dismissNotice(cache: Cache, key: string): boolean {
  const all = listNotices(cache);
  const rest = all.filter((n) => n.key !== key);
  if (rest.length === all.length) return false;
  cache.transaction(() => {
    cache.write.appState.set('notices', rest);
    const dismissed = cache.read.appState.get('dismissedNotices', []);
    if (!dismissed.includes(key)) cache.write.appState.set('dismissedNotices', [...dismissed, key]);
  });
  return true;
}
