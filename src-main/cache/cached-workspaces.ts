import { builtinCatalog, type Catalog } from '../../src-shared/catalog/catalog';
import type { EvaluateOptions } from '../../src-shared/engine/evaluate';
import { createPricer, type Pricer } from '../../src-shared/engine/pricing';
import { resolveWorkspace, type ResolvedWorkspace } from '../../src-shared/engine/resolve-workspace';
import type { Grant, RateCard, Reading } from '../../src-shared/types/ledger';
import type { WorkspaceOrigin } from '../db/repositories/workspaces-repository';
import type { Cache } from './cache';

/** A cached workspace ready for the engine: resolved config, grants and its pricer. */
export interface CachedWorkspaceInput {
  key: number;
  accountId: string;
  origin: WorkspaceOrigin;
  resolved: ResolvedWorkspace;
  grants: Grant[];
  /**
   * Readings the engine counts as observed usage: those of a workspace with no account API behind
   * it. On a synced workspace readings are checks against the synced count, never usage.
   */
  readings: Reading[];
  price: Pricer;
  /** What the price of every event depends on (provider, customer flag, catalog version, rate cards), as text. */
  pricingKey: string;
}

export interface EngineContextOptions {
  catalog?: Catalog;
  /** Thresholds and budgets the lead set in the app, by workspace id. */
  overrides?: EvaluateOptions['overrides'];
  /** Only these workspaces (default: all). */
  workspaceIds?: readonly string[];
}

/** Every cached workspace (or those asked for) made ready for the engine, in the cache's order. */
export function loadEngineInputs(
  cache: Pick<Cache, 'read'>,
  options: EngineContextOptions = {},
): CachedWorkspaceInput[] {
  const catalog = options.catalog ?? builtinCatalog;
  const cardsOf = new Map<string, RateCard[]>();
  const rateCards = (accountId: string) => {
    let cards = cardsOf.get(accountId);
    if (!cards) cardsOf.set(accountId, (cards = cache.read.rateCards.ofAccount(accountId)));
    return cards;
  };
  const wanted = options.workspaceIds ? new Set(options.workspaceIds) : null;
  return cache.read.workspaces
    .list()
    .filter((w) => !wanted || wanted.has(w.workspace.id))
    .map((w) => {
      const resolved = resolveWorkspace(w.workspace, catalog, options.overrides?.[w.workspace.id]);
      const cards = rateCards(w.accountId);
      const { provider, existingCustomer = false, catalogVersion } = w.workspace;
      const price = createPricer(catalog, provider, existingCustomer, cards, catalogVersion);
      return {
        key: w.key,
        accountId: w.accountId,
        origin: w.origin,
        resolved,
        grants: cache.read.grants.forWorkspace(w.key, w.workspace.id),
        readings:
          w.origin === 'sync'
            ? []
            : cache.read.readings.ofWorkspace(w.key, w.workspace.id).map((r) => r.reading),
        price,
        pricingKey: JSON.stringify([provider, existingCustomer, catalogVersion ?? null, cards]),
      };
    });
}
