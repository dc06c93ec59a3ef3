import { reviewedPools, type ReportJson } from '../../../src-shared/engine/report-json';
import {
  formatCredits,
  formatDateTime,
  formatPercentUsed,
  formatSignedPercent,
} from '../../components/format';
import { listKeyHandler, LIST_ITEM } from '../../app/list-navigation';
import { useCompact } from '../../app/use-compact';
import { POOL_LABEL } from '../../components/labels';
import { useAppStore } from '../../store/store-context';
import { isDaysReport, poolKey } from './chart-data';

type GlancePool = ReturnType<typeof reviewedPools>[number];

/** The glance's cells as text, shared by the table and the stacked list. */
function glanceCells(p: GlancePool) {
  const days = isDaysReport(p);
  // A period still running has not ended: nothing ran dry "never" yet, and its change is to date.
  const running = p.periodState === 'in-progress';
  const notYet = running ? 'Not so far' : 'Never';
  return {
    running,
    available: days ? null : formatCredits(p.available),
    percent: days ? '–' : formatPercentUsed(p.percentUsed),
    ranDry: days
      ? p.dryDays.length === 0
        ? notYet
        : `${p.dryDays.length} day${p.dryDays.length === 1 ? '' : 's'}`
      : p.exhaustedAt
        ? formatDateTime(p.exhaustedAt)
        : notYet,
    change:
      days || p.change.usedChangePercent === null
        ? '–'
        : `${formatSignedPercent(p.change.usedChangePercent)}${running ? ' to date' : ''}`,
  };
}

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
  const compact = useCompact();
  const nameOf = (p: GlancePool) => {
    const name = names[p.workspaceId] ?? p.workspaceId;
    return canPick ? (
      <button
        type="button"
        className="link-button"
        onClick={() => void pick(p.workspaceId)}
        {...(compact ? { [LIST_ITEM]: poolKey(p) } : {})}
      >
        {name}
      </button>
    ) : (
      name
    );
  };
  if (compact) {
    // The popover's width holds no six-column table: one block per pool, label beside value.
    return (
      <section className="card" aria-labelledby="glance-title" data-testid="month-glance">
        <h2 id="glance-title">At a glance</h2>
        <ul className="stacked-list" data-nav-list onKeyDown={listKeyHandler()}>
          {reviewedPools(report).map((p) => {
            const cells = glanceCells(p);
            return (
              <li
                key={poolKey(p)}
                data-testid="glance-row"
                data-workspace-id={p.workspaceId}
                data-pool={p.pool}
                data-period-state={p.periodState}
              >
                <p className="stacked-title">
                  {nameOf(p)} <span className="muted">{POOL_LABEL[p.pool]}</span>
                  {cells.running ? <span className="period-tag"> · in progress</span> : null}
                </p>
                <dl className="stacked-facts">
                  <div>
                    <dt>Used</dt>
                    <dd data-testid="glance-used" data-value={p.used}>
                      {formatCredits(p.used)}
                      {cells.available ? <span className="muted"> of {cells.available}</span> : null}
                      {cells.running ? <span className="muted"> so far</span> : null}
                      {cells.available ? ` · ${cells.percent}` : null}
                    </dd>
                  </div>
                  <div>
                    <dt>Blocked calls</dt>
                    <dd data-testid="glance-blocked" data-value={p.blockedCalls}>
                      {formatCredits(p.blockedCalls)}
                    </dd>
                  </div>
                  <div>
                    <dt>Ran dry</dt>
                    <dd>{cells.ranDry}</dd>
                  </div>
                  <div>
                    <dt>Change</dt>
                    <dd>{cells.change}</dd>
                  </div>
                </dl>
              </li>
            );
          })}
        </ul>
      </section>
    );
  }
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
              const cells = glanceCells(p);
              return (
                <tr
                  key={poolKey(p)}
                  data-testid="glance-row"
                  data-workspace-id={p.workspaceId}
                  data-pool={p.pool}
                  data-period-state={p.periodState}
                >
                  <th scope="row">
                    {nameOf(p)} <span className="muted">{POOL_LABEL[p.pool]}</span>
                    {cells.running ? <span className="period-tag"> · in progress</span> : null}
                  </th>
                  <td data-testid="glance-used" data-value={p.used}>
                    {formatCredits(p.used)}
                    {cells.available ? <span className="muted"> of {cells.available}</span> : null}
                    {cells.running ? <span className="muted"> so far</span> : null}
                  </td>
                  <td>{cells.percent}</td>
                  <td data-testid="glance-blocked" data-value={p.blockedCalls}>
                    {formatCredits(p.blockedCalls)}
                  </td>
                  <td>{cells.ranDry}</td>
                  <td>{cells.change}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
