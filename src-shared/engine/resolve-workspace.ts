import {
  catalogPlan,
  providerVersion,
  UnknownCatalogVersionError,
  type Catalog,
  type PlanReset,
  type ProviderCatalog,
} from '../catalog/catalog';
import {
  comparePoolKinds,
  type PoolConfig,
  type PoolKind,
  type ResetRule,
  type Workspace,
} from '../types/ledger';
import { EngineInputError } from './errors';

/** The default thresholds, in percent of what the pool holds. */
export const DEFAULT_THRESHOLDS: readonly number[] = [50, 90, 100];

/** A pool with every number the engine needs, from the ledger first and the catalog second. */
export interface ResolvedPool {
  pool: PoolKind;
  allowance: number;
  reset: ResetRule;
  overage: boolean;
  /** What an empty pool stops under the workspace's catalog version: the apps' calls, or only publishing. */
  exhaustion: 'calls' | 'publishing';
  /** The thresholds in force for this pool, percent of what it holds, ascending (see resolveWorkspace). */
  thresholds: number[];
}

export interface ResolvedWorkspace {
  workspace: Workspace;
  pools: ResolvedPool[];
  /** The workspace-wide thresholds (a pool may have its own: ResolvedPool.thresholds). */
  thresholds: number[];
  budgets: Map<string, number>;
}

/** Settings that the app layers on top of a ledger (thresholds and budgets a lead set). */
export interface WorkspaceOverrides {
  /** For every pool of the workspace, unless the pool has its own. */
  thresholds?: number[];
  /** Per pool (Base44's two pools differ a hundredfold in size): wins over `thresholds`. */
  poolThresholds?: Partial<Record<PoolKind, number[]>>;
  budgets?: Record<string, number>;
}

const ascending = (values: readonly number[]): number[] => [...new Set(values)].sort((a, b) => a - b);

/**
 * Fills in a workspace's pools from the catalog where the ledger leaves them out, and fails with a
 * message naming the workspace when a pool's allowance is known from neither.
 */
export function resolveWorkspace(
  ws: Workspace,
  catalog: Catalog,
  overrides?: WorkspaceOverrides,
): ResolvedWorkspace {
  const record = `workspace "${ws.id}"`;
  const version = workspaceVersion(ws, catalog);
  const plan = catalogPlan(version, ws.plan);
  const planPools = plan ? (Object.keys(plan.pools) as PoolKind[]) : [];
  const declared: PoolConfig[] =
    ws.pools ??
    (planPools.length > 0 ? planPools.map((pool) => ({ pool })) : [{ pool: 'integration' as const }]);
  const seen = new Set<PoolKind>();
  // In force, most specific first: the lead's for the pool, the lead's for the workspace, the
  // account's (the ledger's), the defaults.
  const thresholds = ascending(overrides?.thresholds ?? ws.thresholds ?? DEFAULT_THRESHOLDS);
  const pools = declared.map((config): ResolvedPool => {
    if (seen.has(config.pool)) {
      throw new EngineInputError(`${record}: pool "${config.pool}" is listed twice`, {
        record,
        field: 'pools',
      });
    }
    seen.add(config.pool);
    const allowance = config.allowance ?? plan?.pools[config.pool];
    if (allowance === undefined || allowance === null) {
      const why =
        allowance === null
          ? plan?.unpublished
            ? `${ws.provider}'s catalog version ${version.id} does not publish plan "${ws.plan}"'s allowance`
            : `plan "${ws.plan}" has a custom allowance`
          : plan
            ? `plan "${ws.plan}" of ${ws.provider} has no ${config.pool} pool in the catalog`
            : `the catalog does not know plan "${ws.plan}" of ${ws.provider}`;
      throw new EngineInputError(
        `${record}: pool "${config.pool}" has no allowance (${why}); set "allowance" on the pool`,
        {
          record,
          field: 'allowance',
        },
      );
    }
    return {
      pool: config.pool,
      allowance,
      reset: config.reset ?? resetOf(ws, plan?.reset ?? version.defaultReset, record),
      overage: config.overage ?? false,
      exhaustion: version.exhaustion.blocks,
      thresholds: overrides?.poolThresholds?.[config.pool]
        ? ascending(overrides.poolThresholds[config.pool]!)
        : thresholds,
    };
  });
  // Listed in the one pool order, however the plan, the server or a form ordered them.
  pools.sort((a, b) => comparePoolKinds(a.pool, b.pool));
  const budgets = new Map<string, number>();
  for (const m of ws.members ?? []) if (m.budget !== undefined) budgets.set(m.id, m.budget);
  for (const [id, budget] of Object.entries(overrides?.budgets ?? {})) budgets.set(id, budget);
  return { workspace: ws, pools, thresholds, budgets };
}

/** The catalog version a workspace is read with, or an EngineInputError naming the versions there are. */
export function workspaceVersion(ws: Workspace, catalog: Catalog): ProviderCatalog {
  try {
    return providerVersion(catalog, ws.provider, ws.catalogVersion);
  } catch (err) {
    if (err instanceof UnknownCatalogVersionError)
      throw new EngineInputError(`workspace "${ws.id}": ${err.message}`, {
        record: `workspace "${ws.id}"`,
        field: 'catalogVersion',
      });
    throw err;
  }
}

/** A plan's reset rule for this workspace: a billing-date reset needs the workspace's billing day. */
function resetOf(ws: Workspace, reset: PlanReset, record: string): ResetRule {
  if (reset.kind !== 'billing-day') return reset;
  if (ws.billingDay === undefined)
    throw new EngineInputError(
      `${record}: plan "${ws.plan}" of ${ws.provider} resets on the billing date; set "billingDay" (1-31) or the pool's reset`,
      { record, field: 'billingDay' },
    );
  return { kind: 'anchor-day', day: ws.billingDay };
}
