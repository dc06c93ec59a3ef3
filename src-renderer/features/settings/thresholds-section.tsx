import { useId, useState } from 'react';
import type { WorkspaceCard } from '../../../src-shared/ipc/snapshot';
import {
  thresholdSettingSchema,
  type Settings,
  type ThresholdSetting,
} from '../../../src-shared/settings/settings';
import { parseNumberList } from './parse-numbers';
import { SaveStatus } from './save-status';
import { useSave } from './use-save';

/** The engine's defaults, shown when a workspace has no thresholds of its own. */
export const DEFAULT_THRESHOLDS: ThresholdSetting = { unit: 'percent', values: [50, 90, 100] };

/** Parses the form into a threshold setting, or says what to fix. */
export function parseThresholds(
  unit: ThresholdSetting['unit'],
  text: string,
): { ok: true; value: ThresholdSetting } | { ok: false; message: string } {
  const values = parseNumberList(text);
  if (values === null)
    return { ok: false, message: 'Enter one or more numbers separated by commas, e.g. 50, 90, 100.' };
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const parsed = thresholdSettingSchema.safeParse({ unit, values: sorted });
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    message:
      unit === 'percent'
        ? 'Percent thresholds must be above 0 and at most 100, ten at most.'
        : 'Credit thresholds must be above 0, ten at most.',
  };
}

function ThresholdForm({
  workspace,
  settings,
}: {
  workspace: WorkspaceCard;
  settings: Settings;
}): React.JSX.Element {
  const id = useId();
  const own = settings.thresholds[workspace.id];
  const initial = own ?? DEFAULT_THRESHOLDS;
  const [unit, setUnit] = useState<ThresholdSetting['unit']>(initial.unit);
  const [text, setText] = useState(initial.values.join(', '));
  const [error, setError] = useState<string | null>(null);
  const { state, save } = useSave();

  async function submit(e: React.FormEvent): Promise<void> {
    e.preventDefault();
    const r = parseThresholds(unit, text);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    setError(null);
    setText(r.value.values.join(', '));
    await save({ thresholds: { ...settings.thresholds, [workspace.id]: r.value } });
  }

  async function reset(): Promise<void> {
    const rest = { ...settings.thresholds };
    delete rest[workspace.id];
    setUnit(DEFAULT_THRESHOLDS.unit);
    setText(DEFAULT_THRESHOLDS.values.join(', '));
    setError(null);
    await save({ thresholds: rest });
  }

  return (
    <form
      className="threshold-form"
      aria-label={`Thresholds for ${workspace.name}`}
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="threshold-form"
      data-workspace-id={workspace.id}
    >
      <fieldset>
        <legend>{workspace.name}</legend>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-unit`}>Unit</label>
            <select
              id={`${id}-unit`}
              value={unit}
              onChange={(e) => setUnit(e.target.value as ThresholdSetting['unit'])}
            >
              <option value="percent">Percent of the pool</option>
              <option value="credits">Credits used</option>
            </select>
          </div>
          <div className="field grow">
            <label htmlFor={`${id}-values`}>Thresholds</label>
            <input
              id={`${id}-values`}
              value={text}
              onChange={(e) => setText(e.target.value)}
              inputMode="decimal"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : `${id}-hint`}
            />
          </div>
        </div>
        {error ? (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        ) : (
          <p id={`${id}-hint`} className="hint">
            {own ? 'Own thresholds.' : 'Using the defaults.'} Separate values with commas.
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button primary">
            Save thresholds
          </button>
          {own ? (
            <button type="button" className="button" onClick={() => void reset()}>
              Use defaults
            </button>
          ) : null}
          <SaveStatus state={state} />
        </div>
      </fieldset>
    </form>
  );
}

/** Thresholds per workspace, in percent of the pool or in credits used. */
export function ThresholdsSection({
  settings,
  workspaces,
}: {
  settings: Settings;
  workspaces: WorkspaceCard[];
}): React.JSX.Element {
  return (
    <section className="card settings-section" aria-labelledby="thresholds-title" id="thresholds">
      <h2 id="thresholds-title">Thresholds</h2>
      <p className="hint">
        The bar marks and the alerts follow these. 100 % (or the whole pool) always alerts when it runs dry.
      </p>
      {workspaces.length === 0 ? <p className="muted">Workspaces appear here after the first sync.</p> : null}
      {workspaces.map((w) => (
        <ThresholdForm key={w.id} workspace={w} settings={settings} />
      ))}
    </section>
  );
}
