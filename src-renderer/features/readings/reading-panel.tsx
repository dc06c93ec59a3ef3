import { useState } from 'react';
import type { PoolCard, WorkspaceCard } from '../../../src-shared/ipc/snapshot';
import { formatDateTime } from '../../components/format';
import { ReadingField } from './reading-field';
import { ReadingsList } from './readings-list';

/**
 * On a workspace kept by hand: when the last reading was, the "Record reading" field behind one
 * button, and the pool's readings (with the question any backwards one asks).
 */
export function ReadingPanel({
  workspace,
  pool,
  asOf,
}: {
  workspace: WorkspaceCard;
  pool: PoolCard;
  asOf: string;
}): React.JSX.Element {
  const [open, setOpen] = useState(false);
  const last = pool.observed?.lastReadingAt ?? null;
  return (
    <section className="reading-panel" aria-label="Readings" data-testid="reading-panel">
      <p className="muted">
        {last
          ? `Balance from readings: the last one was ${formatDateTime(last)}.`
          : 'No reading this period yet: record what the usage page shows.'}{' '}
        <button type="button" className="button small" aria-expanded={open} onClick={() => setOpen(!open)}>
          Record reading
        </button>
      </p>
      {open ? <ReadingField workspace={workspace} pool={pool} autoFocus /> : null}
      <ReadingsList workspaceId={workspace.id} pool={pool.pool} refreshKey={asOf} limit={5} />
    </section>
  );
}
