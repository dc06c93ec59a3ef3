import type { Freshness } from '../ipc/snapshot';
import { NO_MANUAL_DATA } from './data-basis';
import type { DateStyle } from './dates';
import { syncAgo } from './sync-state';

/**
 * How old the data behind a workspace is, in the words of its card's badge and of `creditbar
 * status`: "Live", "Cached 12 minutes ago", "Stale, synced 3 hours ago", "Stale, never synced"; after
 * a failed sync it says so first: "Offline, cached just now", "Sync failed, cached …". A workspace
 * kept by hand: "Read 2 hours ago", "Newest imported event yesterday", "Stale, read 4 days ago".
 */
export function freshnessText(freshness: Freshness, now: number, style: DateStyle): string {
  const why =
    freshness.failure === 'offline' ? 'Offline' : freshness.failure === 'error' ? 'Sync failed' : null;
  const text = ageText(freshness, now, style);
  return why ? `${why}, ${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}

function ageText(freshness: Freshness, now: number, style: DateStyle): string {
  if (freshness.basis !== undefined) return manualAgeText(freshness, now, style);
  const at =
    freshness.lastSyncAt !== null
      ? Date.parse(freshness.lastSyncAt)
      : freshness.ageSeconds !== null
        ? now - freshness.ageSeconds * 1000
        : null;
  const ago = at === null ? null : syncAgo(Math.min(at, now), now, style);
  switch (freshness.kind) {
    case 'live':
      return 'Live';
    case 'cached':
      return ago ? `Cached ${ago}` : 'Cached';
    case 'stale':
      return ago ? `Stale, synced ${ago}` : 'Stale, never synced';
  }
}

/** A workspace kept by hand: how old its last reading, or the newest event it imported, is. */
function manualAgeText(freshness: Freshness, now: number, style: DateStyle): string {
  if (freshness.lastSyncAt === null) return NO_MANUAL_DATA;
  const ago = syncAgo(Math.min(Date.parse(freshness.lastSyncAt), now), now, style);
  if (freshness.basis === 'import')
    return freshness.kind === 'stale'
      ? `Stale, newest imported event ${ago}`
      : `Newest imported event ${ago}`;
  return freshness.kind === 'stale' ? `Stale, read ${ago}` : `Read ${ago}`;
}
