import { useEffect, useId } from 'react';
import { measureRender, signal } from '../../app/readiness';
import { formatMonth } from '../../components/format';
import { Empty, ErrorState, Loading } from '../../components/status-message';
import { reviewKey } from '../../store/history-slice';
import { useAppStore, useWorkspaces } from '../../store/store-context';
import { ExportButtons } from './export-buttons';
import { MonthCompare } from './month-compare';
import { MonthReview } from './month-review';

/** Any past month reviewed from the local cache (works offline), compared and exported. */
export function HistoryScreen(): React.JSX.Element {
  const id = useId();
  const months = useAppStore((s) => s.months);
  const monthsStatus = useAppStore((s) => s.monthsStatus);
  const monthsError = useAppStore((s) => s.monthsError);
  const selected = useAppStore((s) => s.selectedMonth);
  const compareWith = useAppStore((s) => s.compareMonth);
  const workspaceId = useAppStore((s) => s.historyWorkspace);
  const reviews = useAppStore((s) => s.reviews);
  const workspaces = useWorkspaces();
  const loadMonths = useAppStore((s) => s.loadMonths);
  const selectMonth = useAppStore((s) => s.selectMonth);
  const selectCompare = useAppStore((s) => s.selectCompare);
  const setWorkspace = useAppStore((s) => s.setHistoryWorkspace);
  const loadReview = useAppStore((s) => s.loadReview);

  useEffect(() => {
    void loadMonths();
  }, [loadMonths]);

  const current = selected ? reviews[reviewKey(selected, workspaceId)] : undefined;
  const other = compareWith ? reviews[reviewKey(compareWith, workspaceId)] : undefined;
  const shown = current?.status === 'ready' && current.result ? current.result : null;
  const comparing = compareWith !== null && other?.status === 'ready' && other.result ? other.result : null;

  useEffect(() => {
    if (!shown) return;
    measureRender('history', `creditbar:history-requested:${shown.report.period}`);
    signal('history-ready', shown.report.period);
    return () => signal('history-ready', null);
  }, [shown]);
  useEffect(() => {
    signal('history-compare', comparing ? comparing.report.period : null);
  }, [comparing]);

  let body: React.JSX.Element;
  if (monthsStatus === 'error' && !months) {
    body = (
      <ErrorState
        title="The list of months could not be read."
        message={`${monthsError ?? ''} Try again.`}
        onRetry={() => void loadMonths()}
      />
    );
  } else if (!months) {
    body = <Loading label="Loading months…" />;
  } else if (months.length === 0) {
    body = (
      <Empty title="No history yet.">
        <p>Past months appear here once Creditbar has synced usage; the current month is on the overview.</p>
      </Empty>
    );
  } else if (!current || current.status === 'loading') {
    body = <Loading label={`Loading ${selected ? formatMonth(selected) : 'the month'}…`} />;
  } else if (current.status === 'error' || !shown) {
    body = (
      <ErrorState
        title={`${selected ? formatMonth(selected) : 'This month'} could not be reviewed.`}
        message={`${current.error ?? ''} Try again, or pick another month.`}
        onRetry={() => selected && void loadReview(selected, true)}
      />
    );
  } else {
    body = (
      <>
        {comparing ? (
          <MonthCompare
            a={shown.report}
            b={comparing.report}
            names={{ ...comparing.names, ...shown.names }}
          />
        ) : null}
        {compareWith && other?.status === 'loading' ? (
          <Loading label={`Loading ${formatMonth(compareWith)}…`} />
        ) : null}
        {compareWith && other?.status === 'error' ? (
          <ErrorState
            title={`${formatMonth(compareWith)} could not be loaded to compare.`}
            message={other.error ?? ''}
            onRetry={() => void loadReview(compareWith, true)}
          />
        ) : null}
        {shown.report.pools.length === 0 ? (
          <Empty title={`No usage in ${formatMonth(shown.report.period)}.`} />
        ) : (
          <MonthReview
            report={shown.report}
            names={shown.names}
            memberNames={shown.memberNames ?? {}}
            oneWorkspace={workspaceId !== null}
            compare={comparing?.report ?? null}
          />
        )}
      </>
    );
  }

  return (
    <section aria-labelledby={`${id}-title`} className="history" data-testid="history-screen">
      <h1 id={`${id}-title`} className="screen-title">
        History
      </h1>
      {months && months.length > 0 ? (
        <div className="toolbar">
          <div className="field">
            <label htmlFor={`${id}-month`}>Month</label>
            <select
              id={`${id}-month`}
              value={selected ?? ''}
              onChange={(e) => void selectMonth(e.target.value)}
            >
              {months.map((m) => (
                <option key={m} value={m}>
                  {formatMonth(m)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-compare`}>Compare with</label>
            <select
              id={`${id}-compare`}
              value={compareWith ?? ''}
              onChange={(e) => void selectCompare(e.target.value || null)}
            >
              <option value="">No comparison</option>
              {months
                .filter((m) => m !== selected)
                .map((m) => (
                  <option key={m} value={m}>
                    {formatMonth(m)}
                  </option>
                ))}
            </select>
          </div>
          {workspaces.length > 1 ? (
            <div className="field">
              <label htmlFor={`${id}-ws`}>Workspace</label>
              <select
                id={`${id}-ws`}
                value={workspaceId ?? ''}
                onChange={(e) => void setWorkspace(e.target.value || null)}
              >
                <option value="">All workspaces</option>
                {workspaces.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {shown ? <ExportButtons /> : null}
        </div>
      ) : null}
      {body}
    </section>
  );
}
