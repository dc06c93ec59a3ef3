import type { PoolCard } from '../../../src-shared/ipc/snapshot';
import { formatCredits } from '../../components/format';
import { planLabel } from '../../components/labels';

const plan = (name: string, credits: number) =>
  `${planLabel(name).replace(/ plan$/, '')} (${formatCredits(credits)})`;

/**
 * Which plan the heavy period needed, naming the smallest that covers it: "Pro (50,000) would do; you
 * pay for Team (1,000,000).", "Team (1,000,000) covers it.", or the plan it would take.
 */
export function planFitVerdict(fit: NonNullable<PoolCard['planFit']>): string {
  const current = plan(fit.currentPlan, fit.currentAllowance);
  const smallest = fit.suggestion;
  if (fit.coversP90) {
    return smallest && smallest.plan !== fit.currentPlan && smallest.allowance < fit.currentAllowance
      ? `${plan(smallest.plan, smallest.allowance)} would do; you pay for ${current}.`
      : `${current} covers it.`;
  }
  return smallest
    ? `${current} does not; ${plan(smallest.plan, smallest.allowance)} would.`
    : `${current} does not. ${fit.note ?? ''}`.trim();
}

/** Plan fit in one or two sentences, from the closed periods. */
export function PlanFitAdvice({ fit }: { fit: PoolCard['planFit'] }): React.JSX.Element {
  if (!fit) return <p className="muted">Plan fit is not available for this pool.</p>;
  if (fit.p90Demand === null)
    return <p className="muted">{fit.note ?? 'Plan fit needs at least one closed period.'}</p>;
  const dry = fit.ranDry === 0 ? 'never ran dry' : `ran dry in ${fit.ranDry} of them`;
  return (
    <p data-testid="plan-fit">
      Over {fit.closedPeriods} closed {fit.closedPeriods === 1 ? 'period' : 'periods'} a heavy period (90th
      percentile) asked for {formatCredits(fit.p90Demand)} credits and the pool {dry}. {planFitVerdict(fit)}
    </p>
  );
}

/** Inputs repeated more than 100 times a day, with what a cache would have saved. */
export function CacheCandidates({
  candidates,
}: {
  candidates: PoolCard['cacheCandidates'];
}): React.JSX.Element {
  if (candidates.length === 0)
    return <p className="muted">No input is repeated more than 100 times a day: nothing worth caching.</p>;
  const saved = candidates.reduce((s, c) => s + c.creditsSaved, 0);
  return (
    <>
      <p>Caching these repeated calls would have saved {formatCredits(saved)} credits this period.</p>
      <div className="table-scroll">
        <table className="data-table" aria-label="Cache candidates">
          <thead>
            <tr>
              <th scope="col">Input</th>
              <th scope="col">Action</th>
              <th scope="col">Days</th>
              <th scope="col">Calls</th>
              <th scope="col">Saved</th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((c) => (
              <tr key={c.inputHash}>
                <th scope="row" className="mono" title={c.inputHash}>
                  {c.inputHash.slice(0, 10)}
                </th>
                <td>{c.action}</td>
                <td>{c.days}</td>
                <td>{formatCredits(c.calls)}</td>
                <td>{formatCredits(c.creditsSaved)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
