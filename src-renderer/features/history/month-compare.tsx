import type { ReportJson } from '../../../src-shared/engine/report-json';
import {
  formatCredits,
  formatMonth,
  formatSignedCredits,
  formatSignedPercent,
} from '../../components/format';
import { POOL_LABEL } from '../../components/labels';
import { comparePools } from './chart-data';

/** Two months side by side: each pool's use and the difference. */
export function MonthCompare({
  a,
  b,
  names,
}: {
  a: ReportJson;
  b: ReportJson;
  names: Record<string, string>;
}): React.JSX.Element {
  const rows = comparePools(a, b);
  return (
    <section className="card" aria-labelledby="compare-title" data-testid="month-compare">
      <h2 id="compare-title">
        {formatMonth(a.period)} against {formatMonth(b.period)}
      </h2>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Pool</th>
              <th scope="col">{formatMonth(a.period)}</th>
              <th scope="col">{formatMonth(b.period)}</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">
                  {names[r.workspaceId] ?? r.workspaceId} <span className="muted">{POOL_LABEL[r.pool]}</span>
                </th>
                <td>{r.a ? formatCredits(r.a.used) : '–'}</td>
                <td>{r.b ? formatCredits(r.b.used) : '–'}</td>
                <td>
                  {formatSignedCredits(r.difference)}
                  {r.differencePercent !== null ? ` (${formatSignedPercent(r.differencePercent)})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
