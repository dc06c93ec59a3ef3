import { useEffect, useId, useState } from 'react';
import type { CatalogVersionJson } from '../../../src-shared/catalog/catalog-text';
import { describeReset } from '../../../src-shared/catalog/catalog-text';
import type { PoolKind, Provider } from '../../../src-shared/types/ledger';
import { formatCredits } from '../../components/format';
import { POOL_LABEL, PROVIDER_LABEL } from '../../components/labels';
import { Loading } from '../../components/status-message';
import { useAppStore } from '../../store/store-context';
import { parseCreditsInput } from '../readings/parse-credits';

const OTHER_PLAN = '';

/** The pools a plan has, and which of them the lead must give the allowance of. */
export function planNeeds(version: CatalogVersionJson | undefined, plan: string) {
  const entry = version && plan !== OTHER_PLAN ? version.plans[plan] : undefined;
  const pools = entry ? (Object.keys(entry.pools) as PoolKind[]) : (['integration'] as PoolKind[]);
  const ask = pools.filter((p) => !entry || typeof entry.pools[p] !== 'number');
  const reset = entry?.reset ?? version?.defaultReset;
  return { entry, pools, ask, billingDay: reset?.kind === 'billing-day' };
}

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

/**
 * Adds a workspace by hand: provider, the version of its rules, plan (the catalog fills pools,
 * allowances and the reset), name, the billing day where the plan resets on it, what the catalog
 * does not publish, and members. Balance readings and CSV imports feed it afterwards.
 */
export function ManualWorkspaceForm({ onAdded }: { onAdded?: (id: string) => void }): React.JSX.Element {
  const id = useId();
  const catalog = useAppStore((s) => s.catalog);
  const loadCatalog = useAppStore((s) => s.loadCatalog);
  const addManualWorkspace = useAppStore((s) => s.addManualWorkspace);
  const [provider, setProvider] = useState<Provider>('base44');
  const [versionId, setVersionId] = useState<string | null>(null);
  const [plan, setPlan] = useState<string | null>(null);
  const [customPlan, setCustomPlan] = useState('');
  const [name, setName] = useState('');
  const [billingDay, setBillingDay] = useState('');
  const [allowances, setAllowances] = useState<Partial<Record<PoolKind, string>>>({});
  const [members, setMembers] = useState('');
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!catalog) void loadCatalog();
  }, [catalog, loadCatalog]);
  if (!catalog) return <Loading label="Loading the platforms' plans…" />;

  const versions = catalog.filter((v) => v.provider === provider);
  const version = versions.find((v) => v.id === versionId) ?? versions.find((v) => v.newest);
  const planNames = Object.keys(version?.plans ?? {});
  const chosenPlan = plan ?? planNames[0] ?? OTHER_PLAN;
  const needs = planNeeds(version, chosenPlan);

  async function submit(event: React.FormEvent): Promise<void> {
    event.preventDefault();
    const fail = (field: string, message: string) => setError({ field, message });
    if (!name.trim()) return fail('name', 'Give the workspace a name, e.g. Support studio.');
    const planName = chosenPlan === OTHER_PLAN ? customPlan.trim().toLowerCase() : chosenPlan;
    if (!planName) return fail('plan', 'Name the plan (as the platform calls it).');
    const day = needs.billingDay ? Number(billingDay) : undefined;
    if (needs.billingDay && !(Number.isInteger(day) && day! >= 1 && day! <= 31))
      return fail('billingDay', 'Give the billing day: the day of the month the plan was bought (1-31).');
    const given: Partial<Record<PoolKind, number>> = {};
    for (const pool of needs.ask) {
      const text = allowances[pool] ?? '';
      if (text.trim() === '' && pool === 'message') continue;
      const n = parseCreditsInput(text);
      if (n === null)
        return fail(
          `allowance-${pool}`,
          `Give the ${POOL_LABEL[pool].toLowerCase()} this plan includes each period, e.g. 50,000.`,
        );
      given[pool] = n;
    }
    const people = members
      .split(/\n|,/)
      .map((m) => m.trim())
      .filter(Boolean)
      .map((m) => ({ id: slug(m) || m, name: m }));
    setError(null);
    setBusy(true);
    const r = await addManualWorkspace({
      provider,
      plan: planName,
      name: name.trim(),
      ...(version ? { catalogVersion: version.id } : {}),
      ...(day !== undefined ? { billingDay: day } : {}),
      ...(Object.keys(given).length > 0 ? { allowances: given } : {}),
      ...(people.length > 0 ? { members: people } : {}),
    });
    setBusy(false);
    if (!r.ok) return fail('form', `The workspace was not added: ${r.message}`);
    setName('');
    setMembers('');
    onAdded?.(r.value.id);
  }

  const fieldError = (field: string) =>
    error?.field === field ? (
      <p id={`${id}-${field}-error`} className="field-error" role="alert">
        {error.message}
      </p>
    ) : null;
  const invalid = (field: string) =>
    error?.field === field
      ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` }
      : {};

  return (
    <form
      className="manual-form"
      aria-label="Add a workspace by hand"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <div className="field">
        <label htmlFor={`${id}-provider`}>Platform</label>
        <select
          id={`${id}-provider`}
          value={provider}
          onChange={(e) => {
            setProvider(e.target.value as Provider);
            setVersionId(null);
            setPlan(null);
          }}
        >
          {(['base44', 'zite', 'custom'] as const).map((p) => (
            <option key={p} value={p}>
              {PROVIDER_LABEL[p]}
            </option>
          ))}
        </select>
      </div>
      {versions.length > 1 ? (
        <div className="field">
          <label htmlFor={`${id}-version`}>Rules your plan is on</label>
          <select
            id={`${id}-version`}
            value={version?.id}
            onChange={(e) => {
              setVersionId(e.target.value);
              setPlan(null);
            }}
          >
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label} ({v.effectiveText}){v.newest ? ', newest' : ''}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-plan`}>Plan</label>
        <select
          id={`${id}-plan`}
          value={chosenPlan}
          onChange={(e) => setPlan(e.target.value)}
          {...invalid('plan')}
        >
          {planNames.map((p) => (
            <option key={p} value={p}>
              {p.charAt(0).toUpperCase() + p.slice(1)}
            </option>
          ))}
          <option value={OTHER_PLAN}>Another plan (give its allowance)</option>
        </select>
        {chosenPlan === OTHER_PLAN ? (
          <input
            aria-label="Plan name"
            value={customPlan}
            onChange={(e) => setCustomPlan(e.target.value)}
            placeholder="team"
          />
        ) : null}
        {fieldError('plan')}
        <p className="hint" data-testid="plan-facts">
          {needs.entry
            ? needs.pools
                .map((p) =>
                  typeof needs.entry!.pools[p] === 'number'
                    ? `${formatCredits(needs.entry!.pools[p]!)} ${POOL_LABEL[p].toLowerCase()}`
                    : `${POOL_LABEL[p].toLowerCase()}: not published, you give it`,
                )
                .join(' and ') + `; resets ${describeReset(needs.entry.reset ?? version!.defaultReset)}.`
            : (version?.plansUnpublished ?? 'Give the plan’s allowance below.')}
          {version ? ` Source: ${version.label}, ${version.effectiveText}.` : ''}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>Workspace name</label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Support studio"
          {...invalid('name')}
        />
        {fieldError('name')}
      </div>
      {needs.billingDay ? (
        <div className="field">
          <label htmlFor={`${id}-billing`}>Billing day (1-31)</label>
          <input
            id={`${id}-billing`}
            className="narrow"
            inputMode="numeric"
            value={billingDay}
            onChange={(e) => setBillingDay(e.target.value)}
            {...invalid('billingDay')}
          />
          <p className="hint">The plan resets on the day of the month it was bought.</p>
          {fieldError('billingDay')}
        </div>
      ) : null}
      {needs.ask.map((pool) => (
        <div className="field" key={pool}>
          <label htmlFor={`${id}-allowance-${pool}`}>
            {POOL_LABEL[pool]} per period{pool === 'message' ? ' (optional)' : ''}
          </label>
          <input
            id={`${id}-allowance-${pool}`}
            inputMode="decimal"
            value={allowances[pool] ?? ''}
            onChange={(e) => setAllowances({ ...allowances, [pool]: e.target.value })}
            {...invalid(`allowance-${pool}`)}
          />
          {fieldError(`allowance-${pool}`)}
        </div>
      ))}
      <div className="field">
        <label htmlFor={`${id}-members`}>Members (optional, one per line)</label>
        <textarea
          id={`${id}-members`}
          rows={2}
          value={members}
          onChange={(e) => setMembers(e.target.value)}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add workspace'}
        </button>
      </div>
      {fieldError('form')}
    </form>
  );
}
