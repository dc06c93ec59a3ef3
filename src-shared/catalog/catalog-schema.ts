import { z } from 'zod';
import { poolKindSchema, providerSchema, resetRuleSchema } from '../types/ledger-schema';

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

/** A plan's reset: a ledger reset rule, or `billing-day` (day N of each month, N being the workspace's billing day). */
export const planResetSchema = z.union([resetRuleSchema, z.object({ kind: z.literal('billing-day') })]);
export type PlanReset = z.infer<typeof planResetSchema>;

export const planSchema = z.object({
  /** Allowance per pool; null where the platform's number is custom or not published. */
  pools: z.partialRecord(poolKindSchema, z.number().nonnegative().nullable()),
  /** Overrides the version's default reset (Base44's Free plan resets daily). */
  reset: planResetSchema.optional(),
  /** The platform does not publish this plan's allowances: the lead enters them. */
  unpublished: z.boolean().optional(),
  note: z.string().optional(),
  /** Key of the source in the version's `sources`, when not the version's own. */
  source: z.string().optional(),
});
export type CatalogPlan = z.infer<typeof planSchema>;

/** Where a number was published: a page, or a file of the seeds. */
export const catalogSourceSchema = z.object({
  title: z.string(),
  url: z.url().optional(),
  file: z.string().optional(),
});
export type CatalogSource = z.infer<typeof catalogSourceSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/**
 * A version of one provider's rules: the numbers one set of published pages gave, when they took
 * effect (or, when nobody says, the date they were published by), and the source of every number.
 */
export const providerCatalogSchema = z.object({
  id: z.string().min(1),
  label: z.string(),
  effective: z.object({ from: isoDate.nullable(), publishedBy: isoDate.nullable() }),
  sources: z.record(z.string(), catalogSourceSchema),
  /** The source of every number that names none of its own. */
  source: z.string().nullable(),
  defaultReset: planResetSchema,
  /** Where the reset rule comes from, when not `source`. */
  resetSource: z.string().optional(),
  /** Set when no page gives the reset rule and the version carries an older one as an assumption. */
  resetAssumption: z.string().optional(),
  /** Set when the platform publishes no plan sizes for this version: what the lead should do. */
  plansUnpublished: z.string().optional(),
  plans: z.record(z.string(), planSchema),
  rates: z.record(z.string(), rateSpecSchema),
  /** The source of each rate, where it is not `source`. */
  rateSources: z.record(z.string(), z.string()).optional(),
  freeForExistingCustomers: z.array(z.string()),
  bonuses: z
    .array(z.object({ id: z.string(), credits: z.number(), once: z.boolean(), label: z.string() }))
    .optional(),
  bonusSource: z.string().optional(),
  /** What an empty pool stops: the apps' calls, or only publishing edits (the apps keep running). */
  exhaustion: z.object({
    blocks: z.enum(['calls', 'publishing']),
    source: z.string().optional(),
    note: z.string().optional(),
    assumption: z.string().optional(),
  }),
  /** Whether credits can be bought, and the rules of what is bought. */
  topUps: z
    .object({
      sold: z.boolean(),
      /** Spent only after every other credit, the earliest purchase first. */
      spentAfterPlan: z.boolean().optional(),
      validDays: z.number().int().positive().optional(),
      source: z.string().optional(),
      note: z.string().optional(),
    })
    .optional(),
  /** Allowances Creditbar does not track as pools (Zite's workflow runs), listed so a lead knows of them. */
  otherAllowances: z
    .array(
      z.object({
        name: z.string(),
        unit: z.string(),
        period: z.string(),
        scope: z.string(),
        perPlan: z.record(z.string(), z.number()).nullable(),
        source: z.string().optional(),
        note: z.string(),
      }),
    )
    .optional(),
  notes: z.array(z.string()),
});
export type ProviderCatalog = z.infer<typeof providerCatalogSchema>;

/** One provider: its versions, oldest first; the first is the seed's. */
export const providerEntrySchema = z.object({
  label: z.string(),
  versions: z.array(providerCatalogSchema).min(1),
});
export type ProviderEntry = z.infer<typeof providerEntrySchema>;

export const catalogSchema = z.object({
  version: z.literal(2),
  providers: z.record(providerSchema, providerEntrySchema),
});
export type Catalog = z.infer<typeof catalogSchema>;

/**
 * A user's catalog file: any plan or rate it names replaces the built-in one in every version of
 * that provider (or only in `onlyVersion`), the rest stays. Plans and rates merge key by key so that
 * one corrected number does not drop the others.
 */
export const catalogOverrideSchema = z.object({
  version: z.literal(1),
  providers: z.partialRecord(
    providerSchema,
    z.object({
      onlyVersion: z.string().optional(),
      plans: z.record(z.string(), planSchema).optional(),
      rates: z.record(z.string(), rateSpecSchema).optional(),
      freeForExistingCustomers: z.array(z.string()).optional(),
      defaultReset: planResetSchema.optional(),
      notes: z.array(z.string()).optional(),
    }),
  ),
});
export type CatalogOverride = z.infer<typeof catalogOverrideSchema>;
