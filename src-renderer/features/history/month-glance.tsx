import { reviewedPools, type ReportJson } from '../../../src-shared/engine/report-json';
import {
  formatCredits,
  formatDateTime,
  formatPercentUsed,
  formatSignedPercent,
} from '../../components/format';
import { POOL_LABEL } from '../../components/labels';
import { useAppStore } from '../../store/store-context';
import { isDaysReport, poolKey } from './chart-data';

/**
 * Every pool of the month in one table: what it used of what it held, blocked calls, when it ran
 * dry and the change against the period before. A workspace's name opens its full review.
 */
export function MonthGlance({
  report,
  names,
  canPick,
}: {
  report: ReportJson;
  names: Record<string, string>;
  /** Whether the names open a workspace's own review (not when one is shown already). */
  canPick: boolean;
}): React.JSX.Element {
  const pick = useAppStore((s) => s.setHistoryWorkspace);
  return (
    <section className="card" aria-labelledby="glance-title" data-testid="month-glance">
      <h2 id="glance-title">At a glance</h2>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Workspace</th>
              <th scope="col">Used</th>
              <th scope="col">Percent</th>
              <th scope="col">Blocked calls</th>
              <th scope="col">Ran dry</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {reviewedPools(report).map((p) => {
              const name = names[p.workspaceId] ?? p.workspaceId;
              const days = isDaysReport(p);
              const running = p.periodState === 'in-progress';
              return (
                <tr
                  key={poolKey(p)}
                  data-testid="glance-row"
                  data-workspace-id={p.workspaceId}
                  data-pool={p.pool}
                  data-period-state={p.periodState}
                >
                  <th scope="row">
                    {canPick ? (
                      <button type="button" className="link-button" onClick={() => void pick(p.workspaceId)}>
                        {name}
                      </button>
                    ) : (
                      name
                    )}{' '}
                    <span className="muted">{POOL_LABEL[p.pool]}</span>
                    {running ? <span className="period-tag"> · in progress</span> : null}
                  </th>
                  <td data-testid="glance-used" data-value={p.used}>
                    {formatCredits(p.used)}
                    {days ? null : <span className="muted"> of {formatCredits(p.available)}</span>}
                    {running ? <span className="muted"> so far</span> : null}
                  </td>
                  <td>{days ? '–' : formatPercentUsed(p.percentUsed)}</td>
                  <td data-testid="glance-blocked" data-value={p.blockedCalls}>
                    {formatCredits(p.blockedCalls)}
                  </td>
                  <td>
                    {days
                      ? p.dryDays.length === 0
                        ? running
                          ? 'Not so far'
                          : 'Never'
                        : `${p.dryDays.length} day${p.dryDays.length === 1 ? '' : 's'}`
                      : p.exhaustedAt
                        ? formatDateTime(p.exhaustedAt)
                        : running
                          ? 'Not so far'
                          : 'Never'}
                  </td>
                  <td>
                    {days || p.change.usedChangePercent === null
                      ? '–'
                      : `${formatSignedPercent(p.change.usedChangePercent)}${running ? ' to date' : ''}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
