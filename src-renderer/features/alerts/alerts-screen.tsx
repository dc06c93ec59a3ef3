import { useId, useState } from 'react';
import type { RaisedAlert, Snapshot } from '../../../src-shared/ipc/snapshot';
import { formatDateTime } from '../../components/format';
import { CheckIcon, CriticalIcon, EmptyIcon, OfflineIcon, WarnIcon } from '../../components/icons';
import { DELIVERY_LABEL, POOL_LABEL, alertTitle } from '../../components/labels';
import { Empty, Loading } from '../../components/status-message';
import { formatRoute } from '../../store/route';
import { openAlertCount } from '../../store/snapshot-slice';
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
    case 'reset':
      return <CheckIcon />;
    default:
      return <CriticalIcon />;
  }
}

/** Open alerts first, then the acknowledged ones; newest first within each (by raise, then by when it happened). */
export function sortAlerts(alerts: RaisedAlert[]): RaisedAlert[] {
  return [...alerts].sort(
    (a, b) =>
      Number(Boolean(a.acknowledgedAt)) - Number(Boolean(b.acknowledgedAt)) ||
      b.raisedAt.localeCompare(a.raisedAt) ||
      b.at.localeCompare(a.at),
  );
}

/**
 * Where an alert shows: its workspace by name (the one it had when raised if it is gone), or its
 * account for an account-wide one (stale data); never a raw id.
 */
function ownerName(a: RaisedAlert, snapshot: Snapshot): string {
  if (a.kind === 'sync-stale' && a.workspaceName) return a.workspaceName;
  return (
    snapshot.workspaces.find((w) => w.id === a.workspaceId)?.name ?? a.workspaceName ?? 'A removed workspace'
  );
}

function AlertItem({ alert: a, snapshot }: { alert: RaisedAlert; snapshot: Snapshot }): React.JSX.Element {
  const acknowledge = useAppStore((s) => s.acknowledgeAlerts);
  const ws = snapshot.workspaces.find((w) => w.id === a.workspaceId);
  const pool = ws?.pools.find((p) => p.pool === a.pool);
  const title = alertTitle(a, pool?.thresholdsInForce);
  const open = !a.acknowledgedAt;
  // An alert opens its workspace; an account-wide one (or one whose workspace is gone) the overview.
  const href =
    ws && a.kind !== 'sync-stale'
      ? formatRoute({ screen: 'workspace', workspaceId: ws.id })
      : formatRoute({ screen: 'overview' });
  return (
    <li
      className={`alert-item alert-${a.kind}${open ? '' : ' acknowledged'}`}
      data-testid="alert-item"
      data-kind={a.kind}
      data-workspace-id={a.workspaceId}
      data-percent={a.percent ?? undefined}
      data-acknowledged={open ? undefined : 'true'}
    >
      <span className="alert-icon">
        <KindIcon kind={a.kind} />
      </span>
      <div className="alert-body">
        <p className="alert-title">
          <a href={href} className="alert-link">
            <strong>{title}</strong> · {ownerName(a, snapshot)}
          </a>
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
          {a.acknowledgedAt ? (
            <>
              {' · '}
              <span data-testid="acknowledged">
                acknowledged <time dateTime={a.acknowledgedAt}>{formatDateTime(a.acknowledgedAt)}</time>
              </span>
            </>
          ) : null}
        </p>
      </div>
      {open ? (
        <button
          type="button"
          className="button small"
          onClick={() => void acknowledge({ keys: [a.key] })}
          aria-label={`Acknowledge: ${title}, ${ownerName(a, snapshot)}`}
        >
          Acknowledge
        </button>
      ) : null}
    </li>
  );
}

/**
 * Every alert the app raised, open ones first, with its delivery state; a click opens its workspace,
 * and each one (or all of a workspace) can be acknowledged. The snooze controls on top.
 */
export function AlertsScreen(): React.JSX.Element {
  const id = useId();
  const snapshot = useAppStore((s) => s.snapshot);
  const acknowledge = useAppStore((s) => s.acknowledgeAlerts);
  const [workspaceFilter, setWorkspaceFilter] = useState('');
  if (!snapshot) return <Loading label="Loading alerts…" />;
  const alerts = sortAlerts(snapshot.alerts).filter(
    (a) => workspaceFilter === '' || a.workspaceId === workspaceFilter,
  );
  const open = alerts.filter((a) => !a.acknowledgedAt);
  const filterName = snapshot.workspaces.find((w) => w.id === workspaceFilter)?.name;
  return (
    <section aria-labelledby={`${id}-title`} className="alerts" data-testid="alerts-screen">
      <h1 id={`${id}-title`} className="screen-title">
        Alerts
      </h1>
      <p className="muted" data-testid="open-count">
        {openAlertCount(snapshot) === 0
          ? 'Nothing left to acknowledge.'
          : `${openAlertCount(snapshot)} not acknowledged yet.`}
      </p>
      <SnoozeControls />
      {snapshot.alerts.length > 0 ? (
        <div className="toolbar">
          {snapshot.workspaces.length > 1 ? (
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
          ) : null}
          <button
            type="button"
            className="button"
            disabled={open.length === 0}
            onClick={() =>
              void acknowledge(
                workspaceFilter ? { workspaceId: workspaceFilter } : { keys: open.map((a) => a.key) },
              )
            }
          >
            {filterName ? `Acknowledge all of ${filterName}` : 'Acknowledge all'}
          </button>
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
        <ol className="alert-list" aria-label="Raised alerts, open ones first, newest first">
          {alerts.map((a) => (
            <AlertItem key={a.key} alert={a} snapshot={snapshot} />
          ))}
        </ol>
      )}
    </section>
  );
}
