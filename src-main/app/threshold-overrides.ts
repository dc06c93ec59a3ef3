import { thresholdText } from '../../src-shared/display/threshold-text';
import { DEFAULT_THRESHOLDS, type WorkspaceOverrides } from '../../src-shared/engine/resolve-workspace';
import type { ThresholdsInForce } from '../../src-shared/ipc/snapshot';
import type { Settings, ThresholdSetting } from '../../src-shared/settings/settings';
import type { PoolKind, Workspace } from '../../src-shared/types/ledger';

/** The engine's default marks, when neither the lead nor the account set any. */
export const DEFAULT_MARKS: readonly number[] = DEFAULT_THRESHOLDS;

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * A threshold setting in percent of a pool whose plan allowance is `allowance`. Credit thresholds
 * ("warn me at 40,000 used") become the percent they are of the allowance, between 0.01 and 100:
 * the engine, the card's marks and the alert's "40,000 credits" all read the same conversion.
 */
export function thresholdPercents(setting: ThresholdSetting, allowance: number): number[] {
  if (setting.unit === 'percent') return [...new Set(setting.values)].sort((a, b) => a - b);
  return [...new Set(setting.values.map((credits) => creditPercent(credits, allowance)))].sort(
    (a, b) => a - b,
  );
}

function creditPercent(credits: number, allowance: number): number {
  return allowance > 0 ? Math.min(100, Math.max(0.01, round2((credits / allowance) * 100))) : 100;
}

type ThresholdSettings = Pick<Settings, 'thresholds' | 'poolThresholds'>;

/**
 * The thresholds in force for one pool and where they come from, most specific first: the lead's
 * for this pool, the lead's for the workspace (every pool), the account's (the workspace's own from
 * the account API or ledger), or the defaults (50, 90, 100).
 */
export function thresholdsInForce(
  settings: ThresholdSettings,
  workspace: Pick<Workspace, 'id' | 'thresholds'>,
  pool: PoolKind,
  allowance: number,
): ThresholdsInForce {
  const account = workspace.thresholds?.length
    ? [...new Set(workspace.thresholds)].sort((a, b) => a - b)
    : null;
  const own = settings.poolThresholds?.[workspace.id]?.[pool];
  if (own) return inForce('pool', own, allowance, account);
  const wide = settings.thresholds[workspace.id];
  if (wide) return inForce('workspace', wide, allowance, account);
  return inForce(
    account ? 'account' : 'default',
    { unit: 'percent', values: [...(account ?? DEFAULT_MARKS)] },
    allowance,
    account,
  );
}

/** Values ascending without repeats, each with the percent the engine marks for it (same order). */
function inForce(
  source: ThresholdsInForce['source'],
  setting: ThresholdSetting,
  allowance: number,
  account: number[] | null,
): ThresholdsInForce {
  const values = [...new Set(setting.values)].sort((a, b) => a - b);
  const percents = values.map((v) => (setting.unit === 'percent' ? v : creditPercent(v, allowance)));
  return { source, unit: setting.unit, values, percents, account };
}

/** The threshold wording of every shown pool for alert messages (credits where the lead set credits). */
export function thresholdTextOf(
  workspaces: readonly {
    id: string;
    pools: readonly { pool: PoolKind; thresholdsInForce?: ThresholdsInForce }[];
  }[],
  locale?: string,
): (workspaceId: string, pool: PoolKind, percent: number) => string | undefined {
  return (workspaceId, pool, percent) => {
    const inForce = workspaces
      .find((w) => w.id === workspaceId)
      ?.pools.find((p) => p.pool === pool)?.thresholdsInForce;
    return inForce?.unit === 'credits' ? thresholdText(inForce, percent, locale) : undefined;
  };
}

/**
 * What the lead set in Settings as the engine's overrides: thresholds per pool (the lead's for the
 * pool, else the lead's for the workspace), each converted against that pool's own allowance, and
 * member budgets. `poolsOf` gives a workspace's pools with their allowances (null: unknown).
 */
export function overridesFromSettings(
  settings: ThresholdSettings & Pick<Settings, 'budgets'>,
  poolsOf: (workspaceId: string) => { pool: PoolKind; allowance: number }[] | null,
): Record<string, WorkspaceOverrides> {
  const out: Record<string, WorkspaceOverrides> = {};
  const ids = new Set([...Object.keys(settings.thresholds), ...Object.keys(settings.poolThresholds ?? {})]);
  for (const workspaceId of ids) {
    const pools = poolsOf(workspaceId);
    if (!pools) continue;
    for (const { pool, allowance } of pools) {
      const yours = thresholdsInForce(settings, { id: workspaceId }, pool, allowance);
      if (yours.source !== 'pool' && yours.source !== 'workspace') continue;
      ((out[workspaceId] ??= {}).poolThresholds ??= {})[pool] = yours.percents;
    }
  }
  for (const [workspaceId, budgets] of Object.entries(settings.budgets)) {
    if (Object.keys(budgets).length > 0) (out[workspaceId] ??= {}).budgets = { ...budgets };
  }
  return out;
}
