import { BUDGET_SCOPE } from '../../../src-shared/display/member-budget';
import { useId, useState } from 'react';
import { formatWholeCredits } from '../../../src-shared/display/credits';
import { parseLocaleNumber } from '../../../src-shared/display/locale-number';
import type { WorkspaceCard } from '../../../src-shared/ipc/snapshot';
import type { Settings } from '../../../src-shared/settings/settings';
import { MAX_CREDITS } from '../../../src-shared/types/ledger';
import { formatCredits, locales } from '../../components/format';
import { SaveStatus } from './save-status';
import { useSave } from './use-save';

/**
 * Reads the budget fields: empty means the account's budget (or none); anything else a whole number
 * of credits in the user's locale ("10,000"), never a fraction. Each wrong field gets its sentence.
 */
export function parseBudgets(
  fields: Record<string, string>,
  locale: string | readonly string[] = 'en-US',
): { ok: true; value: Record<string, number> } | { ok: false; invalid: Record<string, string> } {
  const value: Record<string, number> = {};
  const invalid: Record<string, string> = {};
  for (const [member, text] of Object.entries(fields)) {
    if (text.trim() === '') continue;
    const n = parseLocaleNumber(text, { locale, whole: true, what: 'A budget' });
    if (!n.ok) invalid[member] = n.message;
    else if (n.value <= 0) invalid[member] = 'A budget must be above 0; leave the field empty for none.';
    // The contract caps credits there; past it, the save failed with the IPC's raw schema message.
    else if (n.value > MAX_CREDITS)
      invalid[member] = `A budget is at most ${formatWholeCredits(MAX_CREDITS, locale)} credits a period.`;
    else value[member] = n.value;
  }
  return Object.keys(invalid).length ? { ok: false, invalid } : { ok: true, value };
}

/** The budget in force for a member and where it comes from. */
export function budgetInForce(
  member: WorkspaceCard['members'][number],
  own: number | undefined,
): { budget: number | null; source: 'yours' | 'account' | 'none' } {
  if (own !== undefined) return { budget: own, source: 'yours' };
  if (member.budget !== undefined) return { budget: member.budget, source: 'account' };
  return { budget: null, source: 'none' };
}

function inForceLine(member: WorkspaceCard['members'][number], own: number | undefined): string | null {
  const f = budgetInForce(member, own);
  if (f.source === 'none') return null;
  const credits = `${formatCredits(f.budget!)} credits a period`;
  if (f.source === 'account') return `In force: ${credits} · from the account.`;
  return member.budget !== undefined
    ? `In force: ${credits} · yours (the account's: ${formatCredits(member.budget)}).`
    : `In force: ${credits} · yours.`;
}

function BudgetForm({
  workspace,
  settings,
}: {
  workspace: WorkspaceCard;
  settings: Settings;
}): React.JSX.Element {
  const id = useId();
  const locale = locales();
  const own = settings.budgets[workspace.id] ?? {};
  const shown = (v: number | undefined) => (v !== undefined ? formatCredits(v) : '');
  const [fields, setFields] = useState<Record<string, string>>(() =>
    Object.fromEntries(workspace.members.map((m) => [m.id, shown(own[m.id])])),
  );
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const { state, save, clear } = useSave();

  async function saveBudgets(next: Record<string, string>): Promise<void> {
    const r = parseBudgets(next, locale);
    if (!r.ok) {
      setInvalid(r.invalid);
      clear(); // an earlier "Saved." must not stand beside the error
      return;
    }
    setInvalid({});
    setFields(Object.fromEntries(Object.keys(next).map((m) => [m, shown(r.value[m])])));
    const budgets = { ...settings.budgets };
    if (Object.keys(r.value).length) budgets[workspace.id] = r.value;
    else delete budgets[workspace.id];
    await save({ budgets });
  }

  return (
    <form
      aria-label={`Member budgets for ${workspace.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void saveBudgets(fields);
      }}
      noValidate
      data-testid="budget-form"
      data-workspace-id={workspace.id}
    >
      <fieldset>
        <legend>{workspace.name}</legend>
        {workspace.members.length === 0 ? <p className="muted">No members synced yet.</p> : null}
        <div className="budget-grid">
          {workspace.members.map((m) => {
            const bad = invalid[m.id];
            const mine = own[m.id];
            const line = bad ?? inForceLine(m, mine);
            return (
              <div className="field" key={m.id} data-testid="budget-field" data-member-id={m.id}>
                <label htmlFor={`${id}-${m.id}`}>{m.name}</label>
                <input
                  id={`${id}-${m.id}`}
                  inputMode="numeric"
                  placeholder={m.budget !== undefined ? formatCredits(m.budget) : 'No budget'}
                  value={fields[m.id] ?? ''}
                  onChange={(e) => setFields({ ...fields, [m.id]: e.target.value })}
                  aria-invalid={bad ? true : undefined}
                  aria-describedby={line ? `${id}-${m.id}-state` : undefined}
                />
                {line ? (
                  <span
                    id={`${id}-${m.id}-state`}
                    className={bad ? 'field-error' : 'hint'}
                    data-testid="budget-in-force"
                  >
                    {line}
                  </span>
                ) : null}
                {mine !== undefined && m.budget !== undefined ? (
                  <button
                    type="button"
                    className="button small"
                    onClick={() => void saveBudgets({ ...fields, [m.id]: '' })}
                  >
                    Reset to the account&apos;s ({formatCredits(m.budget)})
                  </button>
                ) : null}
              </div>
            );
          })}
        </div>
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

/** Credits per period each member may spend before the lead hears about it: the account's or yours. */
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
      <p className="hint">
        Whole credits per period. {BUDGET_SCOPE} A member who passes the budget in force raises a
        member-budget alert. Leave a field empty to use the account&apos;s budget (or none).
      </p>
      {workspaces.length === 0 ? <p className="muted">Workspaces appear here after the first sync.</p> : null}
      {workspaces.map((w) => (
        <BudgetForm key={w.id} workspace={w} settings={settings} />
      ))}
    </section>
  );
}
