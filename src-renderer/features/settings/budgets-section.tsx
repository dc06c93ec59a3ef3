import { useId, useState } from 'react';
import type { WorkspaceCard } from '../../../src-shared/ipc/snapshot';
import type { Settings } from '../../../src-shared/settings/settings';
import { SaveStatus } from './save-status';
import { useSave } from './use-save';

/** Reads the budget fields: empty means no budget; anything else must be a positive number. */
export function parseBudgets(
  fields: Record<string, string>,
): { ok: true; value: Record<string, number> } | { ok: false; invalid: string[] } {
  const value: Record<string, number> = {};
  const invalid: string[] = [];
  for (const [member, text] of Object.entries(fields)) {
    if (text.trim() === '') continue;
    const n = Number(text);
    if (Number.isFinite(n) && n > 0) value[member] = n;
    else invalid.push(member);
  }
  return invalid.length ? { ok: false, invalid } : { ok: true, value };
}

function BudgetForm({
  workspace,
  settings,
}: {
  workspace: WorkspaceCard;
  settings: Settings;
}): React.JSX.Element {
  const id = useId();
  const own = settings.budgets[workspace.id] ?? {};
  const [fields, setFields] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      workspace.members.map((m) => [m.id, own[m.id] !== undefined ? String(own[m.id]) : '']),
    ),
  );
  const [invalid, setInvalid] = useState<string[]>([]);
  const { state, save } = useSave();

  async function submit(e: React.FormEvent): Promise<void> {
    e.preventDefault();
    const r = parseBudgets(fields);
    if (!r.ok) {
      setInvalid(r.invalid);
      return;
    }
    setInvalid([]);
    const budgets = { ...settings.budgets };
    if (Object.keys(r.value).length) budgets[workspace.id] = r.value;
    else delete budgets[workspace.id];
    await save({ budgets });
  }

  return (
    <form
      aria-label={`Member budgets for ${workspace.name}`}
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="budget-form"
      data-workspace-id={workspace.id}
    >
      <fieldset>
        <legend>{workspace.name}</legend>
        {workspace.members.length === 0 ? <p className="muted">No members synced yet.</p> : null}
        <div className="budget-grid">
          {workspace.members.map((m) => {
            const bad = invalid.includes(m.id);
            return (
              <div className="field" key={m.id}>
                <label htmlFor={`${id}-${m.id}`}>{m.name}</label>
                <input
                  id={`${id}-${m.id}`}
                  inputMode="decimal"
                  placeholder="No budget"
                  value={fields[m.id] ?? ''}
                  onChange={(e) => setFields({ ...fields, [m.id]: e.target.value })}
                  aria-invalid={bad ? true : undefined}
                  aria-describedby={bad ? `${id}-error` : undefined}
                />
              </div>
            );
          })}
        </div>
        {invalid.length ? (
          <p id={`${id}-error`} className="field-error">
            A budget is a number of credits above 0; leave the field empty for no budget.
          </p>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button primary" disabled={workspace.members.length === 0}>
            Save budgets
          </button>
          <SaveStatus state={state} />
        </div>
      </fieldset>
    </form>
  );
}

/** Credits per period each member may spend before the lead hears about it. */
export function BudgetsSection({
  settings,
  workspaces,
}: {
  settings: Settings;
  workspaces: WorkspaceCard[];
}): React.JSX.Element {
  return (
    <section className="card settings-section" aria-labelledby="budgets-title" id="budgets">
      <h2 id="budgets-title">Member budgets</h2>
      <p className="hint">Credits per period. A member who passes theirs raises a member-budget alert.</p>
      {workspaces.length === 0 ? <p className="muted">Workspaces appear here after the first sync.</p> : null}
      {workspaces.map((w) => (
        <BudgetForm key={w.id} workspace={w} settings={settings} />
      ))}
    </section>
  );
}
