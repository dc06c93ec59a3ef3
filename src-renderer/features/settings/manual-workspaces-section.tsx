import { useState } from 'react';
import type { Settings } from '../../../src-shared/settings/settings';
import { PROVIDER_LABEL, planLabel } from '../../components/labels';
import { useAppStore, useWorkspaces } from '../../store/store-context';
import { ManualWorkspaceForm } from '../manual/manual-workspace-form';
import { parseWhole } from './parse-numbers';
import { useSave } from './use-save';
import { SaveStatus } from './save-status';
import { ConfirmRemove } from '../../components/confirm-remove';

/**
 * Workspaces kept by hand (no account API: balance readings and CSV imports feed them), the form
 * that adds one, and when Creditbar asks for the day's reading.
 */
export function ManualWorkspacesSection({ settings }: { settings: Settings }): React.JSX.Element {
  const workspaces = useWorkspaces().filter((w) => w.source === 'manual');
  const removeWorkspace = useAppStore((s) => s.removeWorkspace);
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reminder = settings.readingReminder;
  const [after, setAfter] = useState(String(reminder.afterHours));
  const [at, setAt] = useState(reminder.at);
  const { save, state, clear } = useSave();
  const [reminderError, setReminderError] = useState<{ field: 'hours' | 'at'; message: string } | null>(null);

  async function remove(id: string): Promise<void> {
    setError(null);
    const r = await removeWorkspace(id);
    setConfirming(null);
    if (!r.ok) setError(`The workspace was not removed: ${r.message}`);
  }

  /** A switch saves on its own, whatever is half-typed in the fields beside it. */
  function saveSwitch(patch: Partial<Settings['readingReminder']>): void {
    void save({ readingReminder: { ...reminder, ...patch } });
  }

  /** The hours and the time save when the field is left, or say in one sentence what is wrong. */
  function saveTimes(): void {
    const hours = parseWhole(after, 1, 720);
    const problem =
      hours === null
        ? ({
            field: 'hours',
            message: 'The reminder waits a whole number of hours, from 1 to 720 (30 days).',
          } as const)
        : !/^([01]\d|2[0-3]):[0-5]\d$/.test(at)
          ? ({ field: 'at', message: 'Give the reminder a time of day, such as 09:00.' } as const)
          : null;
    setReminderError(problem);
    if (problem || hours === null) {
      clear(); // an earlier "Saved." must not stand beside the error
      return;
    }
    if (hours === reminder.afterHours && at === reminder.at) return;
    void save({ readingReminder: { ...reminder, afterHours: hours, at } });
  }

  return (
    <section className="card settings-section" aria-labelledby="manual-title" id="manual">
      <h2 id="manual-title">Workspaces kept by hand</h2>
      <p className="hint">
        For a Zite or Base44 workspace no API reports on: type what its usage page shows (a reading), or
        import a CSV of its usage. The catalog fills in the plan&apos;s pools and reset.
      </p>
      {workspaces.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="account-list" aria-label="Workspaces kept by hand">
          {workspaces.map((w) => (
            <li key={w.id}>
              <span>
                <strong>{w.name}</strong>{' '}
                <span className="muted">
                  {PROVIDER_LABEL[w.provider] ?? w.provider} · {planLabel(w.plan)}
                  {w.catalogVersion ? ` · rules ${w.catalogVersion}` : ''}
                </span>
              </span>
              <ConfirmRemove
                confirming={confirming === w.id}
                name={w.name}
                confirmText={`Yes, remove ${w.name} with its readings, usage and alerts`}
                onAsk={() => setConfirming(w.id)}
                onConfirm={() => void remove(w.id)}
                onKeep={() => setConfirming(null)}
              />
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {adding ? (
        <ManualWorkspaceForm onAdded={() => setAdding(false)} />
      ) : (
        <button type="button" className="button" onClick={() => setAdding(true)}>
          Add a workspace by hand
        </button>
      )}
      <h3>Reading reminder</h3>
      <div className="field inline">
        <label>
          <input
            type="checkbox"
            checked={reminder.enabled}
            onChange={(e) => saveSwitch({ enabled: e.target.checked })}
          />{' '}
          Ask for today&apos;s reading when the last one is older than
        </label>
        <input
          className="narrow"
          aria-label="Hours"
          inputMode="numeric"
          value={after}
          onChange={(e) => setAfter(e.target.value)}
          onBlur={saveTimes}
          aria-invalid={reminderError?.field === 'hours' ? true : undefined}
          aria-describedby={reminderError ? 'reading-reminder-error' : undefined}
        />{' '}
        hours, at
        <input
          type="time"
          aria-label="At"
          value={at}
          onChange={(e) => setAt(e.target.value)}
          onBlur={saveTimes}
          aria-invalid={reminderError?.field === 'at' ? true : undefined}
          aria-describedby={reminderError ? 'reading-reminder-error' : undefined}
        />
      </div>
      <div className="field inline">
        <label>
          <input
            type="checkbox"
            checked={reminder.weekdaysOnly}
            onChange={(e) => saveSwitch({ weekdaysOnly: e.target.checked })}
          />{' '}
          Weekdays only
        </label>
      </div>
      {reminderError ? (
        <p id="reading-reminder-error" className="field-error" role="alert">
          {reminderError.message}
        </p>
      ) : null}
      <SaveStatus state={state} />
    </section>
  );
}
