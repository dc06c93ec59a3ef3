import { useId, useState } from 'react';
import { DEFAULT_THRESHOLDS } from '../../../src-shared/engine/resolve-workspace';
import type { PoolCard, ThresholdsInForce, WorkspaceCard } from '../../../src-shared/ipc/snapshot';
import type { Settings, SettingsPatch, ThresholdSetting } from '../../../src-shared/settings/settings';
import type { PoolKind } from '../../../src-shared/types/ledger';
import { formatCredits, locales } from '../../components/format';
import { POOL_LABEL } from '../../components/labels';
import { SaveStatus } from './save-status';
import { convertThresholds, formatThresholdValues, parseThresholdInput } from './threshold-input';
import { useSave } from './use-save';

/** What the engine uses for a pool whose card does not say (an older main): the defaults. */
const DEFAULT_IN_FORCE: ThresholdsInForce = {
  source: 'default',
  unit: 'percent',
  values: [...DEFAULT_THRESHOLDS],
  percents: [...DEFAULT_THRESHOLDS],
  account: null,
};

/** Where the thresholds in force come from, in the words Settings shows. */
export function sourceText(inForce: ThresholdsInForce, workspaceName: string): string {
  switch (inForce.source) {
    case 'pool':
      return 'yours, for this pool';
    case 'workspace':
      return `yours, for every pool of ${workspaceName}`;
    case 'account':
      return 'from the account';
    case 'default':
      return "Creditbar's defaults (the account sets none)";
  }
}

/** "50, 75, 90, 100 %" or "10,000, 25,000 credits (10 %, 25 %)". */
export function inForceText(inForce: ThresholdsInForce): string {
  const locale = locales();
  const values = formatThresholdValues(inForce, locale);
  if (inForce.unit === 'percent') return `${values} %`;
  return `${values} credits (${formatThresholdValues({ unit: 'percent', values: inForce.percents }, locale)} %)`;
}

/**
 * The patch that puts a pool back on the account's thresholds (or the defaults): its own go, and a
 * lead's workspace-wide setting is dropped too, kept for the workspace's other pools as their own so
 * that only this pool changes.
 */
export function resetPatch(settings: Settings, workspace: WorkspaceCard, pool: PoolKind): SettingsPatch {
  const wide = settings.thresholds[workspace.id];
  const own: Partial<Record<PoolKind, ThresholdSetting>> = {
    ...(settings.poolThresholds[workspace.id] ?? {}),
  };
  delete own[pool];
  if (wide) for (const other of workspace.pools) if (other.pool !== pool) own[other.pool] ??= wide;
  const thresholds = { ...settings.thresholds };
  delete thresholds[workspace.id];
  const poolThresholds = { ...settings.poolThresholds };
  if (Object.keys(own).length > 0) poolThresholds[workspace.id] = own;
  else delete poolThresholds[workspace.id];
  return { thresholds, poolThresholds };
}

/**
 * One pool's thresholds: what is in force and where it comes from, a field to set the lead's own
 * (percent of the pool or credits used, switching converts the values), and a reset to the account's.
 */
export function PoolThresholdForm({
  workspace,
  pool,
  settings,
}: {
  workspace: WorkspaceCard;
  pool: PoolCard;
  settings: Settings;
}): React.JSX.Element {
  const id = useId();
  const inForce = pool.thresholdsInForce ?? DEFAULT_IN_FORCE;
  const locale = locales();
  const [unit, setUnit] = useState<ThresholdSetting['unit']>(inForce.unit);
  const [text, setText] = useState(formatThresholdValues(inForce, locale));
  const [error, setError] = useState<string | null>(null);
  const { state, save, clear } = useSave();
  const yours = inForce.source === 'pool' || inForce.source === 'workspace';
  const back = inForce.account ?? [...DEFAULT_THRESHOLDS];

  function switchUnit(next: ThresholdSetting['unit']): void {
    // The values typed so far, in the other unit: 50 % of a 1,000,000 pool becomes 500,000 credits.
    const typed = parseThresholdInput(unit, text, pool.allowance, locale);
    if (typed.ok) setText(formatThresholdValues(convertThresholds(typed.value, pool.allowance), locale));
    setUnit(next);
  }

  async function submit(e: React.FormEvent): Promise<void> {
    e.preventDefault();
    const r = parseThresholdInput(unit, text, pool.allowance, locale);
    if (!r.ok) {
      setError(r.message);
      clear(); // a "Saved." of an earlier save must not stand beside the error
      return;
    }
    setError(null);
    setText(formatThresholdValues(r.value, locale));
    await save({
      poolThresholds: {
        ...settings.poolThresholds,
        [workspace.id]: { ...(settings.poolThresholds[workspace.id] ?? {}), [pool.pool]: r.value },
      },
    });
  }

  async function reset(): Promise<void> {
    setUnit('percent');
    setText(formatThresholdValues({ unit: 'percent', values: back }, locale));
    setError(null);
    await save(resetPatch(settings, workspace, pool.pool));
  }

  return (
    <form
      className="threshold-form"
      aria-label={`Thresholds for ${workspace.name}, ${POOL_LABEL[pool.pool]}`}
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="threshold-form"
      data-workspace-id={workspace.id}
      data-pool={pool.pool}
      data-source={inForce.source}
    >
      <p className="threshold-pool">
        <strong>{POOL_LABEL[pool.pool]}</strong>{' '}
        <span className="muted">· {formatCredits(pool.allowance)} a period</span>
      </p>
      <p className="threshold-in-force" data-testid="in-force">
        In force: {inForceText(inForce)} · <em>{sourceText(inForce, workspace.name)}</em>
      </p>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-unit`}>Unit</label>
          <select
            id={`${id}-unit`}
            value={unit}
            onChange={(e) => switchUnit(e.target.value as ThresholdSetting['unit'])}
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
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="hint">
          Separate values with commas{unit === 'credits' ? `; at most ${formatCredits(pool.allowance)}` : ''}.
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button primary">
          Save thresholds
        </button>
        {yours ? (
          <button type="button" className="button" onClick={() => void reset()}>
            {inForce.account ? "Reset to the account's" : 'Reset to the defaults'} (
            {formatThresholdValues({ unit: 'percent', values: back }, locale)} %)
          </button>
        ) : null}
        <SaveStatus state={state} />
      </div>
    </form>
  );
}
