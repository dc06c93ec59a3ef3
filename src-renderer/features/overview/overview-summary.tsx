import type { SyncStatus } from '../../../src-shared/ipc/snapshot';
import { dataAgeLine, overviewHeadline } from '../../../src-shared/display/overview-summary';
import { dateStyle } from '../../components/format';
import { useNow } from '../../components/use-now';
import type { PoolRow } from './pool-order';

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
  const headline = overviewHeadline(rows, now, dateStyle());
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
        {dataAgeLine(rows, sync, now, dateStyle())}
      </span>
    </header>
  );
}
