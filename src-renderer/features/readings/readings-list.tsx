import { useCallback, useEffect, useState } from 'react';
import type { ReadingRow } from '../../../src-shared/ipc/manual-contract';
import type { PoolKind } from '../../../src-shared/types/ledger';
import { formatCredits, formatDateTime } from '../../components/format';
import { useAppStore } from '../../store/store-context';
import { BackwardsQuestion } from './backwards-question';

function statusOf(r: ReadingRow): string {
  if (r.dismissed) return 'A mistake: not counted';
  if (r.kind === 'check') {
    if (!r.local) return 'Check: too old to compare';
    const local = r.remaining !== null ? r.local.remaining : r.local.used;
    return `Check: Creditbar counted ${formatCredits(local)} ${r.remaining !== null ? 'left' : 'used'}`;
  }
  if (r.backwardsBy !== null) return `Went backwards by ${formatCredits(r.backwardsBy)}`;
  return r.counted === null ? '' : `+${formatCredits(r.counted)} used`;
}

/** The readings of one pool, newest first, with the question any backwards one asks. */
export function ReadingsList({
  workspaceId,
  pool,
  limit = 10,
  refreshKey,
}: {
  workspaceId: string;
  pool: PoolKind;
  limit?: number;
  /** Changes when the list must be fetched again (a new snapshot). */
  refreshKey?: string;
}): React.JSX.Element | null {
  const listReadings = useAppStore((s) => s.listReadings);
  const [rows, setRows] = useState<ReadingRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const r = await listReadings(workspaceId);
    if (r.ok) {
      setRows(r.value.filter((x) => x.pool === pool).reverse());
      setError(null);
    } else setError(r.message);
  }, [listReadings, workspaceId, pool]);
  useEffect(() => {
    void load();
  }, [load, refreshKey]);
  if (error) return <p className="field-error">The readings could not be listed: {error}</p>;
  if (!rows || rows.length === 0) return null;
  const backwards = rows.filter((r) => r.backwardsBy !== null && !r.dismissed);
  return (
    <section className="readings" aria-label="Readings" data-testid="readings-list">
      {backwards.map((r) => (
        <BackwardsQuestion
          key={r.id}
          workspaceId={workspaceId}
          readingId={r.id}
          by={r.backwardsBy!}
          at={formatDateTime(r.at)}
          onAnswered={() => void load()}
        />
      ))}
      <table className="data-table compact">
        <caption>Readings</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">The page showed</th>
            <th scope="col">Counted</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, limit).map((r) => (
            <tr key={r.id} data-reading-id={r.id} className={r.dismissed ? 'muted' : undefined}>
              <th scope="row">{formatDateTime(r.at)}</th>
              <td>
                {r.remaining !== null
                  ? `${formatCredits(r.remaining)} left`
                  : `${formatCredits(r.used ?? 0)} used`}
              </td>
              <td>{statusOf(r)}</td>
              <td>{r.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > limit ? <p className="muted">and {rows.length - limit} earlier</p> : null}
    </section>
  );
}
