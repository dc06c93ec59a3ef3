import { basisLabel, NO_MANUAL_DATA, type DataBasis } from '../../../src-shared/display/data-basis';
import type { SyncStatus } from '../../../src-shared/ipc/snapshot';
import { syncAgo, syncStateText } from '../../../src-shared/display/sync-state';
import { dateStyle } from '../../components/format';
import { useNow } from '../../components/use-now';
import { overviewHeadline } from './overview-headline';
import type { PoolRow } from './pool-order';

/**
 * Workspaces kept by hand never sync: when they are all the overview shows, the line says when the
 * newest reading was typed, or the newest imported event happened, instead of "Not synced yet".
 */
function freshnessLine(rows: readonly PoolRow[], sync: SyncStatus, now: number): string {
  if (rows.length === 0 || rows.some((r) => r.workspace.source !== 'manual'))
    return syncStateText(sync, now, dateStyle());
  let newest: { at: number; basis: DataBasis } | null = null;
  for (const { workspace } of rows) {
    const f = workspace.freshness;
    const at = f.lastSyncAt ? Date.parse(f.lastSyncAt) : null;
    if (at !== null && (newest === null || at > newest.at)) newest = { at, basis: f.basis ?? 'reading' };
  }
  if (newest === null) return NO_MANUAL_DATA;
  return `${basisLabel(newest.basis)} ${syncAgo(newest.at, now, dateStyle())}`;
}

/**
 * The overview's heading: the worst of all pools in words ("Side project ran dry 2 hours ago ·
 * Marketing runs dry in ~2 days") and when the data was synced. It is the screen's h1, so a screen
 * reader hears the news first and Escape's focus lands on it.
 */
export function OverviewSummary({
  rows,
  sync,
  compact,
}: {
  rows: readonly PoolRow[];
  sync: SyncStatus;
  compact: boolean;
}): React.JSX.Element {
  const now = useNow(30_000);
  const headline = overviewHeadline(rows, now);
  return (
    <header className="overview-summary" data-testid="overview-summary">
      {compact ? (
        <h1 id="overview-title" className="overview-headline" data-testid="overview-headline">
          <span className="sr-only">Overview: </span>
          {headline}
        </h1>
      ) : (
        <>
          <h1 id="overview-title" className="screen-title">
            Overview
          </h1>
          <p className="overview-headline" data-testid="overview-headline">
            {headline}
          </p>
        </>
      )}
      <span className="overview-synced muted" data-testid="overview-synced">
        {freshnessLine(rows, sync, now)}
      </span>
    </header>
  );
}
