import {
  isEmptyReport,
  reviewedPools,
  type DaysReportJson,
  type EmptyReportJson,
  type PeriodReportJson,
  type ReportJson,
} from '../../../src-shared/engine/report-json';
import { BreakdownList } from '../../components/breakdown-list';
import { BarChart } from '../../components/charts/bar-chart';
import { LineChart } from '../../components/charts/line-chart';
import {
  formatCredits,
  formatDateTime,
  formatDayKey,
  formatMonth,
  formatPercent,
  formatPercentUsed,
  formatSignedCredits,
  formatSignedPercent,
  formatSpan,
} from '../../components/format';
import { POOL_LABEL, alertTitle } from '../../components/labels';
import { cumulative, runsDryLabel, thresholdLines } from '../workspace-detail/chart-data';
import { MonthGlance } from './month-glance';
import {
  compareDaily,
  crossings,
  isDaysReport,
  poolKey,
  reviewSeries,
  type ReviewedPool,
} from './chart-data';

/** More pools than this in one month show as the glance table only; each opens on its own. */
export const FULL_REVIEW_LIMIT = 6;

interface Props {
  report: ReportJson;
  names: Record<string, string>;
  memberNames?: Record<string, Record<string, string>>;
  /** One workspace is picked (its pools always get the full review). */
  oneWorkspace?: boolean;
  /** The month compared with, when one is picked. */
  compare?: ReportJson | null;
}

/** "1 Oct to 31 Oct": the period's first and last UTC days (its end is exclusive). */
function periodRange(start: string, end: string): string {
  const last = new Date(Date.parse(end) - 1).toISOString().slice(0, 10);
  return `${formatDayKey(start.slice(0, 10))} to ${formatDayKey(last)} (UTC)`;
}

function name(names: Record<string, string>, id: string): string {
  return names[id] ?? id;
}

/** One figure; `raw` is the unformatted number, for tests that compare with `creditbar report`. */
function Stat({
  label,
  value,
  testId,
  raw,
}: {
  label: string;
  value: React.ReactNode;
  testId?: string;
  raw?: number;
}): React.JSX.Element {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId} data-value={raw}>
        {value}
      </dd>
    </div>
  );
}

/** "In progress · 11 days left", for a period that holds now. */
function PeriodStateLine({ pool }: { pool: ReviewedPool }): React.JSX.Element | null {
  if (pool.periodState !== 'in-progress') return null;
  const left = isDaysReport(pool)
    ? `${formatSpan(Date.parse(pool.periodEnd) - Date.now())} left in the month`
    : `${formatSpan(pool.resetsInSeconds * 1000)} left, resets ${formatDayKey(pool.periodEnd.slice(0, 10))}`;
  return (
    <p className="period-state" data-testid="period-state" data-state={pool.periodState}>
      <strong>In progress</strong> · {left}. Figures so far; the line stops at today.
    </p>
  );
}

function PeriodFacts({ pool }: { pool: PeriodReportJson }): React.JSX.Element {
  const c = pool.change;
  const running = pool.periodState === 'in-progress';
  const since = `the period from ${formatDayKey(c.previousPeriodStart.slice(0, 10))}`;
  const change =
    c.previousUsed === 0 && c.usedChange === 0
      ? running
        ? 'No use so far in either period'
        : 'No use in either period'
      : `${formatSignedCredits(c.usedChange)}${c.usedChangePercent !== null ? ` (${formatSignedPercent(c.usedChangePercent)})` : ''} vs ${since}${running ? ' at the same point' : ''}`;
  return (
    <>
      <dl className="stats">
        <Stat
          label={running ? 'Used so far' : 'Used'}
          value={`${formatCredits(pool.used)} of ${formatCredits(pool.available)}`}
          testId="review-used"
          raw={pool.used}
        />
        <Stat
          label="Percent used"
          value={formatPercentUsed(pool.percentUsed)}
          testId="review-percent"
          raw={pool.percentUsed}
        />
        <Stat
          label="Blocked calls"
          value={formatCredits(pool.blockedCalls)}
          testId="review-blocked"
          raw={pool.blockedCalls}
        />
        <Stat label="Change" value={change} testId="review-change" raw={c.usedChange} />
      </dl>
      <h3>Thresholds</h3>
      <ul className="crossings" data-testid="crossings">
        {crossings(pool).map((t) => (
          <li key={t.percent}>
            {formatPercent(t.percent)}:{' '}
            {t.reachedAt ? (
              <time dateTime={t.reachedAt}>reached {formatDateTime(t.reachedAt)}</time>
            ) : running ? (
              'not reached so far'
            ) : (
              'not reached'
            )}
          </li>
        ))}
        <li data-testid="ran-dry">
          {pool.exhaustedAt ? (
            <time dateTime={pool.exhaustedAt}>Ran dry {formatDateTime(pool.exhaustedAt)}</time>
          ) : running ? (
            'Has not run dry so far'
          ) : (
            'Never ran dry'
          )}
        </li>
      </ul>
    </>
  );
}

function DaysFacts({ pool }: { pool: DaysReportJson }): React.JSX.Element {
  return (
    <>
      <dl className="stats">
        <Stat label="Used" value={formatCredits(pool.used)} testId="review-used" raw={pool.used} />
        <Stat label="Daily allowance" value={formatCredits(pool.allowancePerDay)} />
        <Stat
          label="Blocked calls"
          value={formatCredits(pool.blockedCalls)}
          testId="review-blocked"
          raw={pool.blockedCalls}
        />
        <Stat
          label="Days it ran dry"
          value={pool.dryDays.length === 0 ? 'None' : pool.dryDays.map(formatDayKey).join(', ')}
          testId="ran-dry"
        />
      </dl>
    </>
  );
}

function PoolReview({
  pool,
  names,
  memberNames,
  other,
  otherPeriod,
  period,
}: {
  pool: ReviewedPool;
  names: Record<string, string>;
  memberNames: Record<string, string>;
  other: ReviewedPool | undefined;
  otherPeriod: string | null;
  period: string;
}): React.JSX.Element {
  const label = `${name(names, pool.workspaceId)} ${POOL_LABEL[pool.pool].toLowerCase()}`;
  const id = `review-${poolKey(pool).replace(/\W+/g, '-')}`;
  const series = reviewSeries(pool, (at) => runsDryLabel(at));
  const { days } = series;
  const inProgress = pool.periodState === 'in-progress';
  const total = formatCredits(pool.used);
  const allowanceLine = isDaysReport(pool) ? [{ value: pool.allowancePerDay, label: 'Daily allowance' }] : [];
  const chart =
    otherPeriod !== null ? (
      (() => {
        const c = compareDaily(pool, other);
        return (
          <BarChart
            title={`${label}: credits per day, ${formatMonth(period)} against ${formatMonth(otherPeriod)}`}
            summary={`${total} credits in ${formatMonth(period)}, ${formatCredits(other?.used ?? 0)} in ${formatMonth(otherPeriod)}.`}
            labels={c.labels}
            series={[
              { name: formatMonth(period), values: c.a },
              { name: formatMonth(otherPeriod), values: c.b },
            ]}
            lines={allowanceLine}
          />
        );
      })()
    ) : (
      <BarChart
        title={`${label}: credits per day`}
        summary={`${total} credits in the period${inProgress ? ' so far' : ''}.`}
        labels={days.map(formatDayKey)}
        series={[{ name: 'Credits', values: series.values }]}
        lines={allowanceLine}
        {...(inProgress ? { highlight: series.todayIndex } : {})}
      />
    );
  const running = isDaysReport(pool) ? null : (
    <LineChart
      title={`${label}: use over the period${inProgress ? ' so far, projected to the reset' : ''}`}
      summary={`${total} of ${formatCredits(pool.available)} credits used${inProgress ? ' so far' : ''}; ${pool.thresholds.filter((t) => t.reachedAt).length} of ${pool.thresholds.length} thresholds reached.`}
      labels={days.map(formatDayKey)}
      values={cumulative(
        series.values.map((v) => v ?? 0),
        series.todayIndex,
      )}
      lines={thresholdLines(
        pool.thresholds.map((t) => t.percent),
        pool.available,
      )}
      projection={series.projection}
    />
  );
  const members = Object.fromEntries(Object.keys(pool.byMember).map((m) => [m, memberNames[m] ?? m]));
  return (
    <section
      className="card review"
      aria-labelledby={id}
      data-testid="pool-review"
      data-workspace-id={pool.workspaceId}
      data-pool={pool.pool}
      data-period-state={pool.periodState}
    >
      <h2 id={id}>
        {name(names, pool.workspaceId)} <span className="muted">· {POOL_LABEL[pool.pool]}</span>
      </h2>
      <p className="muted">{periodRange(pool.periodStart, pool.periodEnd)}</p>
      <PeriodStateLine pool={pool} />
      {isDaysReport(pool) ? <DaysFacts pool={pool} /> : <PeriodFacts pool={pool} />}
      <div className="chart-pair">
        {running}
        {chart}
      </div>
      <div className="breakdowns">
        <BreakdownList title="By member" values={pool.byMember} names={members} />
        <BreakdownList title="By action" values={pool.byAction} />
        <BreakdownList title="By app" values={pool.byApp} />
      </div>
    </section>
  );
}

/**
 * The pools a month has nothing to review for: a period that starts later ("starts Dec 15"), or one
 * before the pool's first record ("no data"), never "0 of 10,020 · −100 %".
 */
function NotReviewed({
  pools,
  names,
}: {
  pools: EmptyReportJson[];
  names: Record<string, string>;
}): React.JSX.Element | null {
  if (pools.length === 0) return null;
  return (
    <section className="card" aria-labelledby="not-reviewed" data-testid="not-reviewed">
      <h2 id="not-reviewed">Nothing to review</h2>
      <ul className="not-reviewed">
        {pools.map((p) => (
          <li
            key={poolKey(p)}
            data-testid="empty-pool"
            data-workspace-id={p.workspaceId}
            data-pool={p.pool}
            data-period-state={p.periodState}
          >
            <strong>{name(names, p.workspaceId)}</strong> · {POOL_LABEL[p.pool]}:{' '}
            {p.periodState === 'not-started'
              ? `its period starts ${formatDayKey(p.periodStart.slice(0, 10))}; nothing to review yet.`
              : 'no data. Creditbar has no usage of this pool from this period.'}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The review of one month: every pool, and the alerts of the month. */
export function MonthReview({
  report,
  names,
  memberNames = {},
  oneWorkspace = false,
  compare,
}: Props): React.JSX.Element {
  // Twenty workspaces of charts and breakdowns at once is a long scroll and a slow screen: past the
  // limit the month opens as the glance table, and a name opens that workspace's full review.
  const reviewed = reviewedPools(report);
  const empty = report.pools.filter(isEmptyReport);
  const full = oneWorkspace || reviewed.length <= FULL_REVIEW_LIMIT;
  return (
    <div className="month-review" data-testid="month-review" data-period={report.period}>
      {reviewed.length > 1 ? <MonthGlance report={report} names={names} canPick={!oneWorkspace} /> : null}
      {full ? null : (
        <p className="muted" data-testid="glance-hint">
          Pick a workspace above (or in the Workspace list) for its charts and breakdowns.
        </p>
      )}
      {(full ? reviewed : []).map((p) => (
        <PoolReview
          key={poolKey(p)}
          pool={p}
          names={names}
          memberNames={memberNames[p.workspaceId] ?? {}}
          period={report.period}
          other={compare ? reviewedPools(compare).find((q) => poolKey(q) === poolKey(p)) : undefined}
          otherPeriod={compare?.period ?? null}
        />
      ))}
      <NotReviewed pools={empty} names={names} />
      <section className="card" aria-labelledby="review-alerts">
        <h2 id="review-alerts">Alerts in {formatMonth(report.period)}</h2>
        {report.alerts.length === 0 ? (
          <p className="muted">No alert was raised in this month.</p>
        ) : (
          <ul className="review-alerts">
            {[...report.alerts]
              .sort((a, b) => b.at.localeCompare(a.at))
              .map((a) => (
                <li key={a.key}>
                  <time dateTime={a.at}>{formatDateTime(a.at)}</time> · {name(names, a.workspaceId)} ·{' '}
                  {alertTitle({ kind: a.kind, percent: a.percent ?? null })}
                </li>
              ))}
          </ul>
        )}
      </section>
    </div>
  );
}
