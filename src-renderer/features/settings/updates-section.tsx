import { useEffect } from 'react';
import type { UpdateAction } from '../../../src-shared/ipc/update-status';
import type { Settings } from '../../../src-shared/settings/settings';
import { formatRelative } from '../../components/format';
import { useNow } from '../../components/use-now';
import { useAppStore } from '../../store/store-context';
import { SaveStatus } from './save-status';
import { useSave } from './use-save';

const LABELS: Record<UpdateAction, string> = {
  check: 'Check now',
  download: 'Download',
  install: 'Restart to update',
};

/** Updates: the automatic check's switch, where the updater stands, and what can be done next. */
export function UpdatesSection({ settings }: { settings: Settings }): React.JSX.Element {
  const { state, save } = useSave();
  const status = useAppStore((s) => s.updateStatus);
  const error = useAppStore((s) => s.updateError);
  const load = useAppStore((s) => s.loadUpdateStatus);
  const run = useAppStore((s) => s.runUpdateAction);
  useEffect(() => void load(), [load]);
  const now = useNow(30_000);
  return (
    <section className="card settings-section" aria-labelledby="updates-title" id="updates">
      <h2 id="updates-title">Updates</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.checkForUpdates}
          onChange={(e) => void save({ checkForUpdates: e.target.checked })}
        />
        Check for updates once a day (never offline or on a metered connection)
      </label>
      <SaveStatus state={state} />
      <p role="status" data-testid="update-status" data-update-kind={status?.kind ?? 'loading'}>
        {status ? status.message : 'Reading the update status…'}
        {status?.lastCheckAt
          ? ` Last checked ${formatRelative((Date.parse(status.lastCheckAt) - now) / 1000, now)}.`
          : ''}
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {status && status.actions.length > 0 ? (
        <div className="button-row">
          {status.actions.map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'check' ? 'button' : 'button primary'}
              onClick={() => void run(action)}
            >
              {LABELS[action]}
            </button>
          ))}
        </div>
      ) : null}
    </section>
  );
}
