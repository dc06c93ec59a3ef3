import type { Freshness } from '../../src-shared/ipc/snapshot';
import { formatDateTime, formatRelative } from './format';
import { OfflineIcon, SyncIcon } from './icons';
import { useNow } from './use-now';

/** "Live", "Cached 12 minutes ago" or "Stale, synced 3 hours ago", with the age kept current. */
export function freshnessText(freshness: Freshness, now: number): string {
  const age =
    freshness.lastSyncAt !== null
      ? Math.max(0, (now - Date.parse(freshness.lastSyncAt)) / 1000)
      : freshness.ageSeconds;
  const ago = age === null ? null : formatRelative(-age);
  switch (freshness.kind) {
    case 'live':
      return 'Live';
    case 'cached':
      return ago ? `Cached ${ago}` : 'Cached';
    case 'stale':
      return ago ? `Stale, synced ${ago}` : 'Stale, never synced';
  }
}

/** How old the data behind a card is; the exact last sync is in the title. */
export function FreshnessBadge({ freshness }: { freshness: Freshness }): React.JSX.Element {
  const now = useNow(30_000);
  const title = freshness.lastSyncAt ? `Last synced ${formatDateTime(freshness.lastSyncAt)}` : 'Never synced';
  return (
    <span
      className={`freshness freshness-${freshness.kind}`}
      title={title}
      data-testid="freshness"
      data-freshness={freshness.kind}
    >
      {freshness.kind === 'stale' ? <OfflineIcon /> : <SyncIcon />}
      <span>{freshnessText(freshness, now)}</span>
    </span>
  );
}
