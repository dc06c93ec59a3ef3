import { useId, useState } from 'react';
import type { DigestSettings, Settings } from '../../../src-shared/settings/settings';
import { SaveStatus } from './save-status';
import { useSave } from './use-save';

const SCHEDULE_LABEL: Record<DigestSettings['schedule'], string> = {
  off: 'Off',
  weekdays: 'Every weekday',
  daily: 'Every day',
  weekly: 'Weekly, on Mondays',
};

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The digest: once a day (or weekly) at a local time, one summary per account of each pool, what
 * changed since the last one and the alerts since; to this computer and to the channels that take it.
 */
export function DigestSection({ settings }: { settings: Settings }): React.JSX.Element {
  const id = useId();
  const [digest, setDigest] = useState<DigestSettings>(settings.digest);
  const [error, setError] = useState<string | null>(null);
  const { state, save, clear } = useSave();
  const takers = settings.channels.filter((c) => c.digest && c.enabled).map((c) => c.label);

  async function submit(e: React.FormEvent): Promise<void> {
    e.preventDefault();
    const ok = TIME.test(digest.time);
    setError(ok ? null : 'A time as HH:MM, from 00:00 to 23:59.');
    if (ok) await save({ digest });
    else clear(); // an earlier "Saved." must not stand beside the error
  }

  return (
    <section className="card settings-section" aria-labelledby="digest-title" id="digest">
      <h2 id="digest-title">Digest</h2>
      <form aria-label="Digest" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-s`}>Send it</label>
            <select
              id={`${id}-s`}
              value={digest.schedule}
              onChange={(e) =>
                setDigest({ ...digest, schedule: e.target.value as DigestSettings['schedule'] })
              }
            >
              {(Object.keys(SCHEDULE_LABEL) as DigestSettings['schedule'][]).map((s) => (
                <option key={s} value={s}>
                  {SCHEDULE_LABEL[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-t`}>At (local time)</label>
            <input
              id={`${id}-t`}
              type="time"
              value={digest.time}
              disabled={digest.schedule === 'off'}
              onChange={(e) => setDigest({ ...digest, time: e.target.value })}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-e` : undefined}
            />
            {error ? (
              <p id={`${id}-e`} className="field-error">
                {error}
              </p>
            ) : null}
          </div>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={digest.desktop}
            disabled={digest.schedule === 'off'}
            onChange={(e) => setDigest({ ...digest, desktop: e.target.checked })}
          />
          Show it as a notification on this computer
        </label>
        <p className="hint">
          Each pool’s use and what changed since the last digest, the forecast, who and what used the most,
          and the alerts since (pools back to normal and new periods included). Skipped when nothing changed.{' '}
          {takers.length > 0
            ? `Also sent to ${takers.join(', ')}.`
            : 'To send it to a channel too, tick “The digest” in that channel.'}
        </p>
        <div className="button-row">
          <button type="submit" className="button primary">
            Save digest
          </button>
          <SaveStatus state={state} />
        </div>
      </form>
    </section>
  );
}
