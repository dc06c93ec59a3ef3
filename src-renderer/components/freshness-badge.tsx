import { basisLabel, NO_MANUAL_DATA } from '../../src-shared/display/data-basis';
import type { Freshness } from '../../src-shared/ipc/snapshot';
import { formatDateTime, formatRelative } from './format';
import { OfflineIcon, SyncIcon } from './icons';
import { useNow } from './use-now';

/**
 * "Live", "Cached 12 minutes ago" or "Stale, synced 3 hours ago", with the age kept current; after a
 * failed sync it says so first: "Offline, cached 2 minutes ago", "Sync failed, cached …".
 */
export function freshnessText(freshness: Freshness, now: number): string {
  const why =
    freshness.failure === 'offline' ? 'Offline' : freshness.failure === 'error' ? 'Sync failed' : null;
  const text = ageText(freshness, now);
  return why ? `${why}, ${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}

function ageText(freshness: Freshness, now: number): string {
  if (freshness.basis !== undefined) return manualAgeText(freshness, now);
  const age =
    freshness.lastSyncAt !== null
      ? Math.max(0, (now - Date.parse(freshness.lastSyncAt)) / 1000)
      : freshness.ageSeconds;
  const ago = age === null ? null : age < 60 ? 'just now' : formatRelative(-age, now);
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
function manualAgeText(freshness: Freshness, now: number): string {
  if (freshness.lastSyncAt === null) return NO_MANUAL_DATA;
  const age = Math.max(0, (now - Date.parse(freshness.lastSyncAt)) / 1000);
  const ago = age < 60 ? 'just now' : formatRelative(-age, now);
  if (freshness.basis === 'import')
    return freshness.kind === 'stale'
      ? `Stale, newest imported event ${ago}`
      : `Newest imported event ${ago}`;
  return freshness.kind === 'stale' ? `Stale, read ${ago}` : `Read ${ago}`;
}

/** How old the data behind a card is; the exact last sync is in the title. */
export function FreshnessBadge({ freshness }: { freshness: Freshness }): React.JSX.Element {
  const now = useNow(30_000);
  const synced =
    freshness.basis !== undefined
      ? freshness.lastSyncAt
        ? `${basisLabel(freshness.basis)} ${formatDateTime(freshness.lastSyncAt)}`
        : NO_MANUAL_DATA
      : freshness.lastSyncAt
        ? `Last synced ${formatDateTime(freshness.lastSyncAt)}`
        : 'Never synced';
  const title =
    freshness.failure === 'offline'
      ? `${synced}; the last attempt could not reach the server`
      : freshness.failure === 'error'
        ? `${synced}; the last attempt failed (see the status line)`
        : synced;
  return (
    <span
      className={`freshness freshness-${freshness.kind}`}
      title={title}
      data-testid="freshness"
      data-freshness={freshness.kind}
      data-failure={freshness.failure ?? undefined}
    >
      {freshness.kind === 'stale' || freshness.failure ? <OfflineIcon /> : <SyncIcon />}
      <span>{freshnessText(freshness, now)}</span>
    </span>
  );
}
