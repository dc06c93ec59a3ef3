import {
  alertKindSchema,
  type Settings,
  type SettingsAlertKind,
} from '../../../src-shared/settings/settings';
import type { WorkspaceCard } from '../../../src-shared/ipc/snapshot';
import { ALERT_KIND_LABEL } from '../../components/labels';
import { SaveStatus } from './save-status';
import { useSave } from './use-save';

const KINDS = alertKindSchema.options;

/** Notifications on or off: all, per kind, and per kind in each workspace. Switches save at once. */
export function NotificationsSection({
  settings,
  workspaces,
}: {
  settings: Settings;
  workspaces: WorkspaceCard[];
}): React.JSX.Element {
  const { state, save } = useSave();
  const n = settings.notifications;

  const setKind = (kind: SettingsAlertKind, on: boolean) =>
    void save({ notifications: { ...n, kinds: { ...n.kinds, [kind]: on } } });
  const setMuted = (workspaceId: string, kind: SettingsAlertKind, on: boolean) => {
    const muted = new Set(n.mutedByWorkspace[workspaceId] ?? []);
    if (on) muted.delete(kind);
    else muted.add(kind);
    const mutedByWorkspace = { ...n.mutedByWorkspace, [workspaceId]: KINDS.filter((k) => muted.has(k)) };
    if (mutedByWorkspace[workspaceId]!.length === 0) delete mutedByWorkspace[workspaceId];
    void save({ notifications: { ...n, mutedByWorkspace } });
  };

  return (
    <section className="card settings-section" aria-labelledby="notifications-title" id="notifications">
      <h2 id="notifications-title">Notifications</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={n.enabled}
          onChange={(e) => void save({ notifications: { ...n, enabled: e.target.checked } })}
        />
        Show desktop notifications
      </label>
      <fieldset disabled={!n.enabled}>
        <legend>Notify me about</legend>
        {KINDS.map((k) => (
          <label className="check" key={k}>
            <input
              type="checkbox"
              checked={n.kinds[k] ?? true}
              onChange={(e) => setKind(k, e.target.checked)}
            />
            {ALERT_KIND_LABEL[k]}
          </label>
        ))}
      </fieldset>
      {workspaces.map((w) => {
        const muted = n.mutedByWorkspace[w.id] ?? [];
        return (
          <details key={w.id} className="per-workspace">
            <summary>
              {w.name}
              {muted.length ? <span className="muted"> · {muted.length} off</span> : null}
            </summary>
            <fieldset disabled={!n.enabled} aria-label={`Notifications for ${w.name}`}>
              {KINDS.map((k) => (
                <label className="check" key={k}>
                  <input
                    type="checkbox"
                    checked={!muted.includes(k)}
                    disabled={!(n.kinds[k] ?? true)}
                    onChange={(e) => setMuted(w.id, k, e.target.checked)}
                    aria-label={`${ALERT_KIND_LABEL[k]} for ${w.name}`}
                  />
                  {ALERT_KIND_LABEL[k]}
                </label>
              ))}
            </fieldset>
          </details>
        );
      })}
      <SaveStatus state={state} />
    </section>
  );
}
