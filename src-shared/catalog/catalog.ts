import { z } from 'zod';
import {
  poolKindSchema,
  providerSchema,
  resetRuleSchema,
  type PoolKind,
  type Provider,
} from '../types/ledger';
import builtinCatalogData from './builtin-catalog.json';

const bandSchema = z.object({ upTo: z.number().positive().nullable(), credits: z.number().nonnegative() });

/** A price: a flat number of credits, or a default with bands by `units` (tokens, pages). */
export const rateSpecSchema = z.union([
  z.number().nonnegative(),
  z.object({
    credits: z.number().nonnegative(),
    byUnits: z.array(bandSchema).optional(),
    assumption: z.string().optional(),
  }),
]);
export type RateSpec = z.infer<typeof rateSpecSchema>;

const planSchema = z.object({
  /** Allowance per pool; null where the platform's number is custom or unknown. */
  pools: z.partialRecord(poolKindSchema, z.number().nonnegative().nullable()),
  note: z.string().optional(),
});

export const providerCatalogSchema = z.object({
  label: z.string(),
  source: z.string(),
  defaultReset: resetRuleSchema,
  plans: z.record(z.string(), planSchema),
  rates: z.record(z.string(), rateSpecSchema),
  freeForExistingCustomers: z.array(z.string()),
  bonuses: z
    .array(z.object({ id: z.string(), credits: z.number(), once: z.boolean(), label: z.string() }))
    .optional(),
  notes: z.array(z.string()),
});
export type ProviderCatalog = z.infer<typeof providerCatalogSchema>;

export const catalogSchema = z.object({
  version: z.literal(1),
  providers: z.record(providerSchema, providerCatalogSchema),
});
export type Catalog = z.infer<typeof catalogSchema>;

/** The catalog built from the seeds; every number in it comes from them or is marked as an assumption. */
export const builtinCatalog: Catalog = catalogSchema.parse(builtinCatalogData);

/**
 * A user's catalog file: any provider, plan or rate it names replaces the built-in one, the rest
 * stays. Plans and rates merge key by key so that one corrected number does not drop the others.
 */
export const catalogOverrideSchema = z.object({
  version: z.literal(1),
  providers: z.partialRecord(
    providerSchema,
    providerCatalogSchema.partial().extend({ plans: z.record(z.string(), planSchema).optional() }),
  ),
});
export type CatalogOverride = z.infer<typeof catalogOverrideSchema>;

/** Applies a user's override on top of a catalog. */
export function mergeCatalog(base: Catalog, override: CatalogOverride): Catalog {
  const providers = { ...base.providers };
  for (const [name, patch] of Object.entries(override.providers) as [Provider, Partial<ProviderCatalog>][]) {
    const current = providers[name];
    providers[name] = {
      ...current,
      ...patch,
      plans: { ...current.plans, ...patch.plans },
      rates: { ...current.rates, ...patch.rates },
    };
  }
  return { version: 1, providers };
}

/** The catalog's allowance for a plan's pool: a number, null when custom, undefined when unknown. */
export function catalogAllowance(
  catalog: Catalog,
  provider: Provider,
  plan: string,
  pool: PoolKind,
): number | null | undefined {
  return catalog.providers[provider].plans[plan.toLowerCase()]?.pools[pool];
}
