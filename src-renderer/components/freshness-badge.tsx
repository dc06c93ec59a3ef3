import { basisLabel, NO_MANUAL_DATA } from '../../src-shared/display/data-basis';
import type { Freshness } from '../../src-shared/ipc/snapshot';
import { freshnessText } from '../../src-shared/display/freshness-text';
import { dateStyle, formatDateTime } from './format';
import { OfflineIcon, SyncIcon } from './icons';
import { useNow } from './use-now';

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
      <span>{freshnessText(freshness, now, dateStyle())}</span>
    </span>
  );
}
