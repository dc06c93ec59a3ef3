import { catalogAllowance, type Catalog } from '../catalog/catalog';
import type { PoolKind, ResetRule, Workspace } from '../types/ledger';
import { EngineInputError } from './errors';

/** The default thresholds, in percent of what the pool holds. */
export const DEFAULT_THRESHOLDS: readonly number[] = [50, 90, 100];

/** A pool with every number the engine needs, from the ledger first and the catalog second. */
export interface ResolvedPool {
  pool: PoolKind;
  allowance: number;
  reset: ResetRule;
  overage: boolean;
}

export interface ResolvedWorkspace {
  workspace: Workspace;
  pools: ResolvedPool[];
  thresholds: number[];
  budgets: Map<string, number>;
}

/** Settings that the app layers on top of a ledger (thresholds and budgets a lead set). */
export interface WorkspaceOverrides {
  thresholds?: number[];
  budgets?: Record<string, number>;
}

/**
 * Fills in a workspace's pools from the catalog where the ledger leaves them out, and fails with a
 * message naming the workspace when a pool's allowance is known from neither.
 */
export function resolveWorkspace(
  ws: Workspace,
  catalog: Catalog,
  overrides?: WorkspaceOverrides,
): ResolvedWorkspace {
  const providerEntry = catalog.providers[ws.provider];
  const declared = ws.pools ?? [{ pool: 'integration' as const }];
  const seen = new Set<PoolKind>();
  const pools = declared.map((config): ResolvedPool => {
    if (seen.has(config.pool)) {
      throw new EngineInputError(`workspace "${ws.id}": pool "${config.pool}" is listed twice`, {
        record: `workspace "${ws.id}"`,
        field: 'pools',
      });
    }
    seen.add(config.pool);
    const allowance = config.allowance ?? catalogAllowance(catalog, ws.provider, ws.plan, config.pool);
    if (allowance === undefined || allowance === null) {
      const why =
        allowance === null
          ? `plan "${ws.plan}" has a custom allowance`
          : `the catalog does not know plan "${ws.plan}" of ${ws.provider}`;
      throw new EngineInputError(
        `workspace "${ws.id}": pool "${config.pool}" has no allowance (${why}); set "allowance" on the pool`,
        { record: `workspace "${ws.id}"`, field: 'allowance' },
      );
    }
    return {
      pool: config.pool,
      allowance,
      reset: config.reset ?? providerEntry.defaultReset,
      overage: config.overage ?? false,
    };
  });
  const budgets = new Map<string, number>();
  for (const m of ws.members ?? []) if (m.budget !== undefined) budgets.set(m.id, m.budget);
  for (const [id, budget] of Object.entries(overrides?.budgets ?? {})) budgets.set(id, budget);
  const thresholds = [...new Set(overrides?.thresholds ?? ws.thresholds ?? DEFAULT_THRESHOLDS)].sort(
    (a, b) => a - b,
  );
  return { workspace: ws, pools, thresholds, budgets };
}
