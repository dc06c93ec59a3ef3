import type { PoolCard, WorkspaceCard } from '../../../src-shared/ipc/snapshot';
import { BreakdownList } from '../../components/breakdown-list';
import { formatCredits, formatDateTime } from '../../components/format';
import { POOL_LABEL } from '../../components/labels';
import { PoolSummary } from '../../components/pool-summary';
import { StateBadge } from '../../components/state-badge';
import { CacheCandidates, PlanFitAdvice } from './advisors';
import { periodDays } from './chart-data';
import { MemberBudgets } from './member-budgets';
import { PeriodCharts } from './period-charts';
import { WhatIfCalculator } from './what-if-calculator';
import { ReadingPanel } from '../readings/reading-panel';

/** Everything about one pool of a workspace in the current period. */
export function PoolDetail({
  workspace,
  pool,
  asOf,
}: {
  workspace: WorkspaceCard;
  pool: PoolCard;
  asOf: string;
}): React.JSX.Element {
  const label = `${workspace.name} ${POOL_LABEL[pool.pool].toLowerCase()}`;
  const headingId = `pool-${pool.pool}`;
  const memberNames = Object.fromEntries(workspace.members.map((m) => [m.id, m.name]));
  const fromReadings = (pool.observed?.credits ?? 0) > 0;
  return (
    <section
      className="pool-detail"
      aria-labelledby={headingId}
      data-testid="pool-detail"
      data-pool={pool.pool}
    >
      <header className="card-header">
        <h2 id={headingId}>{POOL_LABEL[pool.pool]}</h2>
        <StateBadge pool={pool} />
      </header>
      <PoolSummary pool={pool} label={label} asOf={asOf} />
      {workspace.source !== 'sync' ? <ReadingPanel workspace={workspace} pool={pool} asOf={asOf} /> : null}
      {pool.exhaustion === 'publishing' && pool.exhaustedAt !== null ? (
        <p className="blocked" data-testid="blocked-calls">
          <strong>The pool ran dry on {formatDateTime(pool.exhaustedAt)}.</strong> On this plan&apos;s rules
          published apps keep working; edits cannot be published until it resets.
        </p>
      ) : pool.exhaustedAt !== null || pool.blockedCalls > 0 ? (
        <p className="blocked" data-testid="blocked-calls">
          <strong>{formatCredits(pool.blockedCalls)} calls blocked</strong>
          {pool.exhaustedAt ? ` since the pool ran dry on ${formatDateTime(pool.exhaustedAt)}` : ''}: those
          emails, LLM and API calls did not run.
        </p>
      ) : null}
      {pool.unknownActions.length > 0 ? (
        <p className="muted">
          Priced at 1 credit each because the rate card does not know them: {pool.unknownActions.join(', ')}.
        </p>
      ) : null}
      <PeriodCharts pool={pool} asOf={asOf} label={label} />
      <div className="breakdowns">
        <BreakdownList
          title="By member: who drained the pool"
          values={pool.byMember}
          names={memberNames}
          {...(fromReadings
            ? { emptyText: 'Not available for readings: a reading says how much, not who.' }
            : {})}
        />
        <BreakdownList
          title="By action"
          values={pool.byAction}
          {...(fromReadings
            ? { emptyText: 'Not available for readings: a reading says how much, not on what.' }
            : {})}
        />
        <BreakdownList
          title="By app"
          values={pool.byApp}
          {...(fromReadings
            ? { emptyText: 'Not available for readings: a reading says how much, not which app.' }
            : {})}
        />
      </div>
      {fromReadings && Object.keys(pool.byMember).length > 0 ? (
        <p className="muted not-broken-down" data-testid="not-broken-down">
          {formatCredits(pool.observed!.credits)} credits came from readings and are not broken down by
          member, action or app.
        </p>
      ) : null}
      <MemberBudgets pool={pool} />
      <section className="advisors" aria-labelledby={`${headingId}-advisors`}>
        <h3 id={`${headingId}-advisors`}>Advisors</h3>
        <h4>Plan fit</h4>
        <PlanFitAdvice fit={pool.planFit} />
        <h4>Cache candidates</h4>
        <CacheCandidates candidates={pool.cacheCandidates} />
        <h4>What if</h4>
        <WhatIfCalculator
          allowance={pool.allowance}
          remaining={pool.remaining}
          periodDays={periodDays(pool.periodStart, pool.periodEnd).length}
          periodEnd={pool.periodEnd}
        />
      </section>
    </section>
  );
}
