import { useEffect, useId, useState } from 'react';
import type { WorkspaceCard } from '../../../src-shared/ipc/snapshot';
import type { Settings } from '../../../src-shared/settings/settings';
import { ErrorState, Loading } from '../../components/status-message';
import { useAppStore } from '../../store/store-context';
import { ChannelForm } from './channel-form';
import { ChannelRow } from './channel-row';
import { parseWhole } from './parse-numbers';
import { SaveStatus } from './save-status';
import { useSave } from './use-save';

/** At most one message per channel every N seconds; alerts in between go out together. */
function RateLimitForm({ settings }: { settings: Settings }): React.JSX.Element {
  const id = useId();
  const [value, setValue] = useState(String(settings.channelMinIntervalSeconds));
  const [error, setError] = useState<string | null>(null);
  const { state, save, clear } = useSave();
  async function submit(e: React.FormEvent): Promise<void> {
    e.preventDefault();
    const n = parseWhole(value, 0, 86_400);
    setError(n === null ? 'A whole number of seconds from 0 (no limit) to 86400 (a day).' : null);
    if (n !== null) await save({ channelMinIntervalSeconds: n });
    else clear(); // an earlier "Saved." must not stand beside the error
  }
  return (
    <form aria-label="Rate limit" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field narrow">
        <label htmlFor={`${id}-n`}>At most one message per channel every (seconds)</label>
        <input
          id={`${id}-n`}
          inputMode="numeric"
          size={6}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-e` : `${id}-h`}
        />
        {error ? (
          <p id={`${id}-e`} className="field-error">
            {error}
          </p>
        ) : (
          <p id={`${id}-h`} className="hint">
            Alerts raised in between wait and go out together, as one message that lists them.
          </p>
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="button">
          Save limit
        </button>
        <SaveStatus state={state} />
      </div>
    </form>
  );
}

/**
 * Alert channels beside the desktop notification: a webhook, Slack, Teams or a shell hook, each with
 * the alert kinds and workspaces it takes, its state (a failing one shows its last error), "Send a
 * test", and the rate limit. Re-read whenever a snapshot arrives (a delivery publishes one).
 */
export function ChannelsSection({
  settings,
  workspaces,
}: {
  settings: Settings;
  workspaces: WorkspaceCard[];
}): React.JSX.Element {
  const channels = useAppStore((s) => s.channels);
  const status = useAppStore((s) => s.channelsStatus);
  const error = useAppStore((s) => s.channelsError);
  const loadChannels = useAppStore((s) => s.loadChannels);
  const asOf = useAppStore((s) => s.snapshot?.asOf ?? null);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    void loadChannels();
  }, [loadChannels, asOf]);

  const finish = (message: string) => {
    setEditing(null);
    setDone(message || null);
  };

  return (
    <section className="card settings-section" aria-labelledby="channels-title" id="channels">
      <h2 id="channels-title">Channels</h2>
      <p className="hint">
        Send alerts where the team is, beside the desktop notification. Each alert goes to each channel once;
        a channel that does not answer is retried for up to a day.
      </p>
      {channels === null ? (
        status === 'error' ? (
          <ErrorState
            title="Channels could not be read."
            message={error ?? ''}
            onRetry={() => void loadChannels()}
          />
        ) : (
          <Loading label="Loading channels…" />
        )
      ) : channels.length === 0 ? (
        <p className="muted">No channel yet: alerts show on this computer only.</p>
      ) : (
        <ul className="channel-list" aria-label="Channels">
          {channels.map((c) =>
            editing === c.id ? (
              <li key={c.id} className="channel-row">
                <ChannelForm channel={c} workspaces={workspaces} onDone={finish} />
              </li>
            ) : (
              <ChannelRow
                key={c.id}
                channel={c}
                workspaces={workspaces}
                onEdit={() => {
                  setDone(null);
                  setEditing(c.id);
                }}
              />
            ),
          )}
        </ul>
      )}
      {done ? (
        <p className="form-ok" role="status">
          {done}
        </p>
      ) : null}
      {editing === 'new' ? (
        <>
          <h3>Add a channel</h3>
          <ChannelForm channel={null} workspaces={workspaces} onDone={finish} />
        </>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button primary"
            onClick={() => {
              setDone(null);
              setEditing('new');
            }}
          >
            Add a channel
          </button>
        </div>
      )}
      <h3>Rate limit</h3>
      <RateLimitForm settings={settings} />
    </section>
  );
}
