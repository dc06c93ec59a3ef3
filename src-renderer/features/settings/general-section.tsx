import { useId, useState } from 'react';
import type { Settings } from '../../../src-shared/settings/settings';
import { parseWhole } from './parse-numbers';
import { SaveStatus } from './save-status';
import { useSave } from './use-save';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Sync interval, the stale limit and how long a sync keeps retrying a failing server, in minutes. */
function SyncForm({ settings }: { settings: Settings }): React.JSX.Element {
  const id = useId();
  const [interval, setSyncInterval] = useState(String(settings.syncIntervalMinutes));
  const [stale, setStale] = useState(String(settings.staleAfterMinutes));
  const [budget, setBudget] = useState(String(settings.syncBudgetMinutes));
  const [errors, setErrors] = useState<{ interval?: string; stale?: string; budget?: string }>({});
  const { state, save, clear } = useSave();

  async function submit(e: React.FormEvent): Promise<void> {
    e.preventDefault();
    const i = parseWhole(interval, 1, 1440);
    const s = parseWhole(stale, 5, 10_080);
    const b = parseWhole(budget, 1, 60);
    // Stale sooner than the next sync would call every workspace stale, and raise the stale alert,
    // between two syncs that both succeed.
    const tooSoon = i !== null && s !== null && s < i;
    const next = {
      ...(i === null ? { interval: 'A whole number of minutes from 1 to 1440 (a day).' } : {}),
      ...(s === null ? { stale: 'A whole number of minutes from 5 to 10080 (a week).' } : {}),
      ...(tooSoon
        ? {
            stale: `At least the sync interval, ${i} minutes: sooner, the data would read stale between two syncs.`,
          }
        : {}),
      ...(b === null ? { budget: 'A whole number of minutes from 1 to 60.' } : {}),
    };
    setErrors(next);
    if (i === null || s === null || b === null || tooSoon) {
      clear(); // an earlier "Saved." must not stand beside the error
      return;
    }
    await save({ syncIntervalMinutes: i, staleAfterMinutes: s, syncBudgetMinutes: b });
  }

  return (
    <form aria-label="Sync" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-i`}>Sync every (minutes)</label>
          <input
            id={`${id}-i`}
            inputMode="numeric"
            value={interval}
            onChange={(e) => setSyncInterval(e.target.value)}
            aria-invalid={errors.interval ? true : undefined}
            aria-describedby={errors.interval ? `${id}-ie` : undefined}
          />
          {errors.interval ? (
            <p id={`${id}-ie`} className="field-error">
              {errors.interval}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-s`}>Stale after (minutes)</label>
          <input
            id={`${id}-s`}
            inputMode="numeric"
            value={stale}
            onChange={(e) => setStale(e.target.value)}
            aria-invalid={errors.stale ? true : undefined}
            aria-describedby={errors.stale ? `${id}-se` : undefined}
          />
          {errors.stale ? (
            <p id={`${id}-se`} className="field-error">
              {errors.stale}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-b`}>Keep retrying a failing server for (minutes)</label>
          <input
            id={`${id}-b`}
            inputMode="numeric"
            value={budget}
            onChange={(e) => setBudget(e.target.value)}
            aria-invalid={errors.budget ? true : undefined}
            aria-describedby={errors.budget ? `${id}-be` : `${id}-bh`}
          />
          {errors.budget ? (
            <p id={`${id}-be`} className="field-error">
              {errors.budget}
            </p>
          ) : null}
        </div>
      </div>
      <p className="hint" id={`${id}-bh`}>
        Creditbar syncs faster when a pool is past 90 % and backs off when the server fails. A sync keeps
        asking a server that answers with errors for this long, then stops and says why.
      </p>
      <div className="button-row">
        <button type="submit" className="button primary">
          Save sync
        </button>
        <SaveStatus state={state} />
      </div>
    </form>
  );
}

/** Quiet hours: notifications wait (queued) between start and end, local time. Saves at once, like every switch. */
function QuietHoursForm({ settings }: { settings: Settings }): React.JSX.Element {
  const id = useId();
  const [q, setQ] = useState(settings.quietHours);
  const [error, setError] = useState<string | null>(null);
  const { state, save, clear } = useSave();

  /** Each change saves as it is made; an incomplete or empty span says why and keeps the saved one. */
  async function change(next: Settings['quietHours']): Promise<void> {
    setQ(next);
    if (!TIME.test(next.start) || !TIME.test(next.end)) {
      setError('Enter both times as HH:MM, e.g. 22:00 and 07:00.');
      clear();
      return;
    }
    if (next.start === next.end) {
      setError('Start and end are the same time: pick two different times.');
      clear();
      return;
    }
    setError(null);
    await save({ quietHours: next });
  }

  return (
    <form aria-label="Quiet hours" onSubmit={(e) => e.preventDefault()} noValidate>
      <label className="check">
        <input
          type="checkbox"
          checked={q.enabled}
          onChange={(e) => void change({ ...q, enabled: e.target.checked })}
        />
        Hold notifications during quiet hours
      </label>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-start`}>From</label>
          <input
            id={`${id}-start`}
            type="time"
            value={q.start}
            onChange={(e) => void change({ ...q, start: e.target.value })}
            disabled={!q.enabled}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-end`}>To</label>
          <input
            id={`${id}-end`}
            type="time"
            value={q.end}
            onChange={(e) => void change({ ...q, end: e.target.value })}
            disabled={!q.enabled}
          />
        </div>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <SaveStatus state={state} />
    </form>
  );
}

/** Sync, quiet hours, start at login and theme. */
export function GeneralSection({ settings }: { settings: Settings }): React.JSX.Element {
  const { state, save } = useSave();
  return (
    <>
      <section className="card settings-section" aria-labelledby="sync-title" id="sync">
        <h2 id="sync-title">Sync</h2>
        <SyncForm settings={settings} />
        <label className="check">
          <input
            type="checkbox"
            checked={settings.startAtLogin}
            onChange={(e) => void save({ startAtLogin: e.target.checked })}
          />
          Start Creditbar at login
        </label>
        <SaveStatus state={state} />
      </section>
      <section className="card settings-section" aria-labelledby="quiet-title" id="quiet-hours">
        <h2 id="quiet-title">Quiet hours</h2>
        <QuietHoursForm settings={settings} />
      </section>
      <section className="card settings-section" aria-labelledby="theme-title" id="appearance">
        <h2 id="theme-title">Appearance</h2>
        <fieldset className="radio-row">
          <legend>Theme</legend>
          {(['system', 'light', 'dark'] as const).map((t) => (
            <label className="check" key={t}>
              <input
                type="radio"
                name="theme"
                value={t}
                checked={settings.theme === t}
                onChange={() => void save({ theme: t })}
              />
              {t === 'system' ? 'Same as the system' : t === 'light' ? 'Light' : 'Dark'}
            </label>
          ))}
        </fieldset>
      </section>
    </>
  );
}
