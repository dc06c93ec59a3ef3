import type { PoolKind, Provider } from '../types/ledger';
import builtinCatalogData from './builtin-catalog.json';
import type { Catalog, CatalogOverride, CatalogPlan, ProviderCatalog } from './catalog-schema';

// Types only: the schemas (and zod) load where a catalog is read from outside (catalog-schema.ts),
// not in every thread that evaluates with the built-in one.
export type {
  Catalog,
  CatalogOverride,
  CatalogPlan,
  CatalogSource,
  PlanReset,
  ProviderCatalog,
  RateSpec,
} from './catalog-schema';

/**
 * The built-in catalog: each provider's rules in dated versions, the seed's first. Every number comes
 * from the seeds or the platforms' own pages named in the version's sources, or is marked as an
 * assumption; numbers a platform does not publish are null and asked of the lead. It ships with the
 * app: catalog.test.ts checks that catalogSchema accepts it as it is, so it is not parsed at load.
 */
export const builtinCatalog = builtinCatalogData as unknown as Catalog;

/** A workspace names a catalog version the catalog does not have. */
export class UnknownCatalogVersionError extends Error {
  constructor(
    readonly provider: Provider,
    readonly versionId: string,
    readonly known: readonly string[],
  ) {
    super(`catalog version "${versionId}" of ${provider} does not exist (known: ${known.join(', ')})`);
    this.name = 'UnknownCatalogVersionError';
  }
}

/**
 * The version a workspace is read with. A workspace that names none is read with the seed's (the
 * first): ledgers and account APIs from before versions existed keep the balances they had.
 * Workspaces added in Creditbar name one, the newest unless the lead picks another.
 */
export function providerVersion(catalog: Catalog, provider: Provider, versionId?: string): ProviderCatalog {
  const versions = catalog.providers[provider].versions;
  if (versionId === undefined) return versions[0]!;
  const found = versions.find((v) => v.id === versionId);
  if (!found)
    throw new UnknownCatalogVersionError(
      provider,
      versionId,
      versions.map((v) => v.id),
    );
  return found;
}

/** The newest version of a provider's rules: what a new workspace is put on by default. */
export function newestVersion(catalog: Catalog, provider: Provider): ProviderCatalog {
  const versions = catalog.providers[provider].versions;
  return versions[versions.length - 1]!;
}

/** "2026-05-11", or "unknown, published by 2026-05-11" when no page says when the rules took effect. */
export function effectiveText(v: ProviderCatalog): string {
  if (v.effective.from) return v.effective.from;
  return v.effective.publishedBy ? `unknown, published by ${v.effective.publishedBy}` : 'unknown';
}

/** A plan of a version, by name in any case. */
export function catalogPlan(v: ProviderCatalog, plan: string): CatalogPlan | undefined {
  return v.plans[plan.toLowerCase()];
}

function mergeVersion(v: ProviderCatalog, patch: CatalogOverride['providers'][Provider]): ProviderCatalog {
  if (!patch) return v;
  return {
    ...v,
    ...(patch.defaultReset ? { defaultReset: patch.defaultReset } : {}),
    ...(patch.freeForExistingCustomers ? { freeForExistingCustomers: patch.freeForExistingCustomers } : {}),
    ...(patch.notes ? { notes: patch.notes } : {}),
    plans: { ...v.plans, ...patch.plans },
    rates: { ...v.rates, ...patch.rates },
  };
}

/** Applies a user's override on top of a catalog: to every version of a provider, or the one it names. */
export function mergeCatalog(base: Catalog, override: CatalogOverride): Catalog {
  const providers = { ...base.providers };
  for (const [name, patch] of Object.entries(override.providers) as [
    Provider,
    CatalogOverride['providers'][Provider],
  ][]) {
    const entry = providers[name];
    providers[name] = {
      ...entry,
      versions: entry.versions.map((v) =>
        patch?.onlyVersion === undefined || patch.onlyVersion === v.id ? mergeVersion(v, patch) : v,
      ),
    };
  }
  return { version: 2, providers };
}

/**
 * The catalog's allowance for a plan's pool: a number, null when custom or not published, undefined
 * when the version does not know the plan or the pool.
 */
export function catalogAllowance(
  catalog: Catalog,
  provider: Provider,
  plan: string,
  pool: PoolKind,
  versionId?: string,
): number | null | undefined {
  return catalogPlan(providerVersion(catalog, provider, versionId), plan)?.pools[pool];
}
