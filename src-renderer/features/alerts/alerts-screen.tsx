import { useId, useState } from 'react';
import type { RaisedAlert } from '../../../src-shared/ipc/snapshot';
import { formatDateTime } from '../../components/format';
import { CheckIcon, CriticalIcon, EmptyIcon, OfflineIcon, SyncIcon, WarnIcon } from '../../components/icons';
import { DELIVERY_LABEL, POOL_LABEL, alertTitle } from '../../components/labels';
import { Empty, Loading } from '../../components/status-message';
import { useAppStore } from '../../store/store-context';
import { SnoozeControls } from './snooze-controls';

function KindIcon({ kind }: { kind: RaisedAlert['kind'] }): React.JSX.Element {
  switch (kind) {
    case 'exhausted':
      return <EmptyIcon />;
    case 'sync-stale':
    case 'drift':
      return <OfflineIcon />;
    case 'threshold':
    case 'mid-period-audit':
      return <WarnIcon />;
    case 'recovered':
      return <CheckIcon />;
    case 'reset':
      return <SyncIcon />;
    default:
      return <CriticalIcon />;
  }
}

/** Newest first: by when the app raised it, then by when it happened. */
export function sortAlerts(alerts: RaisedAlert[]): RaisedAlert[] {
  return [...alerts].sort((a, b) => b.raisedAt.localeCompare(a.raisedAt) || b.at.localeCompare(a.at));
}

/** Every alert the app raised, newest first, with its delivery state; and the snooze controls. */
export function AlertsScreen(): React.JSX.Element {
  const id = useId();
  const snapshot = useAppStore((s) => s.snapshot);
  const [workspaceFilter, setWorkspaceFilter] = useState('');
  if (!snapshot) return <Loading label="Loading alerts…" />;
  const names = Object.fromEntries(snapshot.workspaces.map((w) => [w.id, w.name]));
  const alerts = sortAlerts(snapshot.alerts).filter(
    (a) => workspaceFilter === '' || a.workspaceId === workspaceFilter,
  );
  return (
    <section aria-labelledby={`${id}-title`} className="alerts" data-testid="alerts-screen">
      <h1 id={`${id}-title`} className="screen-title">
        Alerts
      </h1>
      <SnoozeControls />
      {snapshot.workspaces.length > 1 && snapshot.alerts.length > 0 ? (
        <div className="toolbar">
          <div className="field">
            <label htmlFor={`${id}-ws`}>Workspace</label>
            <select
              id={`${id}-ws`}
              value={workspaceFilter}
              onChange={(e) => setWorkspaceFilter(e.target.value)}
            >
              <option value="">All workspaces</option>
              {snapshot.workspaces.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      {alerts.length === 0 ? (
        <Empty title={snapshot.alerts.length === 0 ? 'No alerts yet.' : 'No alerts for this workspace.'}>
          <p>
            Creditbar raises one alert when a pool passes a threshold, runs dry, or is projected to; each
            appears here once.
          </p>
        </Empty>
      ) : (
        <ol className="alert-list" aria-label="Raised alerts, newest first">
          {alerts.map((a) => (
            <li
              key={a.key}
              className={`alert-item alert-${a.kind}`}
              data-testid="alert-item"
              data-kind={a.kind}
              data-workspace-id={a.workspaceId}
              data-percent={a.percent ?? undefined}
            >
              <span className="alert-icon">
                <KindIcon kind={a.kind} />
              </span>
              <div className="alert-body">
                <p className="alert-title">
                  <strong>{alertTitle(a)}</strong> · {names[a.workspaceId] ?? a.workspaceId}
                  {a.pool ? <span className="muted"> · {POOL_LABEL[a.pool]}</span> : null}
                </p>
                <p className="alert-message">{a.message}</p>
                <p className="alert-meta muted">
                  <time dateTime={a.at}>{formatDateTime(a.at)}</time>
                  {a.raisedAt !== a.at ? (
                    <>
                      {' '}
                      · raised <time dateTime={a.raisedAt}>{formatDateTime(a.raisedAt)}</time>
                    </>
                  ) : null}
                  {' · '}
                  <span className={`delivery delivery-${a.delivery}`} data-testid="delivery">
                    {DELIVERY_LABEL[a.delivery]}
                  </span>
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
