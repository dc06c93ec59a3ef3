import { formatCredits } from '../display/credits';
import { z } from 'zod';
import { parseInstant } from '../time/instant';

/** An ISO 8601 instant with a zone (Z or an offset); the engine works in UTC. */
export const instantSchema = z.iso.datetime({
  offset: true,
  message: 'expected an ISO 8601 instant such as 2026-11-01T00:00:00Z',
});

const idSchema = z.string().min(1, 'expected a non-empty id');

/**
 * The most credits one event, grant, allowance or rate may carry (a billion; the largest published
 * plan is a million a month). Bigger numbers are bad input: a month of a million events at this
 * bound still sums exactly (1e15 < 2^53), where 1.7e308 would overflow to Infinity.
 */
export const MAX_CREDITS = 1_000_000_000;

const creditsSchema = z
  .number()
  .finite()
  .max(MAX_CREDITS, `expected at most ${formatCredits(MAX_CREDITS)} credits`);

export const providerSchema = z.enum(['zite', 'base44', 'custom']);
export type Provider = z.infer<typeof providerSchema>;

export const poolKindSchema = z.enum(['integration', 'message']);
export type PoolKind = z.infer<typeof poolKindSchema>;

/**
 * The one order a workspace's pools are listed in, whatever order a catalog plan, a server or a
 * form gave them: integration (what the apps spend), then message. The card, the tray, the CLI and
 * every export read pools in this order.
 */
export const POOL_ORDER: readonly PoolKind[] = poolKindSchema.options;

/** Compares two pool kinds by POOL_ORDER. */
export const comparePoolKinds = (a: PoolKind, b: PoolKind): number =>
  POOL_ORDER.indexOf(a) - POOL_ORDER.indexOf(b);

export const resetRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('calendar-month') }),
  z.object({ kind: z.literal('anchor-day'), day: z.number().int().min(1).max(31) }),
  z.object({ kind: z.literal('daily') }),
]);
export type ResetRule = z.infer<typeof resetRuleSchema>;

export const poolConfigSchema = z.object({
  pool: poolKindSchema,
  allowance: creditsSchema.nonnegative().optional(),
  reset: resetRuleSchema.optional(),
  /** The platform keeps running past zero and bills the excess: nothing is ever blocked. */
  overage: z.boolean().optional(),
});
export type PoolConfig = z.infer<typeof poolConfigSchema>;

export const memberSchema = z.object({
  id: idSchema,
  name: z.string(),
  budget: z.number().finite().positive().optional(),
});
export type Member = z.infer<typeof memberSchema>;

export const thresholdSchema = z.number().finite().gt(0).max(100);

export const workspaceSchema = z.object({
  id: idSchema,
  name: z.string(),
  provider: providerSchema,
  plan: z.string().min(1, 'expected a plan name'),
  existingCustomer: z.boolean().optional(),
  /**
   * The catalog version the plan is on (see `creditbar catalog`). Left out, the seed's version: a
   * ledger written before versions existed keeps its balances.
   */
  catalogVersion: z.string().min(1).optional(),
  /** Day of the month the provider resets on, where it resets on the billing date (Base44's paid plans). */
  billingDay: z.number().int().min(1).max(31).optional(),
  pools: z.array(poolConfigSchema).optional(),
  members: z.array(memberSchema).optional(),
  thresholds: z.array(thresholdSchema).optional(),
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const grantKindSchema = z.enum(['bonus', 'top-up', 'adjustment']);
export type GrantKind = z.infer<typeof grantKindSchema>;

export const grantSchema = z
  .object({
    id: idSchema,
    workspaceId: idSchema,
    pool: poolKindSchema,
    kind: grantKindSchema,
    /** Positive for bonus and top-up; an adjustment may be negative. */
    credits: creditsSchema.min(-MAX_CREDITS, `expected at least ${formatCredits(-MAX_CREDITS)} credits`),
    grantedAt: instantSchema,
    expiresAt: instantSchema.nullable().optional(),
  })
  .superRefine((g, ctx) => {
    const problem = grantProblem(g);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  });
export type Grant = z.infer<typeof grantSchema>;

/**
 * What makes a grant of the right shape unusable, or null: a bonus or top-up that takes credits
 * away (only an adjustment may be negative), or an expiry that is not after the grant. Checked by
 * the schema and again by the engine, so no path silently ignores such a grant.
 */
export function grantProblem(
  g: Pick<Grant, 'kind' | 'credits' | 'grantedAt' | 'expiresAt'>,
): { field: 'credits' | 'expiresAt'; message: string } | null {
  if (g.credits < 0 && g.kind !== 'adjustment')
    return { field: 'credits', message: `a ${g.kind} cannot be negative (only an adjustment can)` };
  if (g.expiresAt && parseInstant(g.expiresAt) <= parseInstant(g.grantedAt))
    return { field: 'expiresAt', message: `${g.expiresAt} is not after grantedAt ${g.grantedAt}` };
  return null;
}

export const usageEventSchema = z.object({
  id: idSchema,
  workspaceId: idSchema,
  pool: poolKindSchema,
  memberId: idSchema,
  app: z.string().optional(),
  action: z.string().min(1, 'expected an action name'),
  units: z.number().finite().nonnegative().optional(),
  /** What the provider charged, when it says; it always wins over the rate card. */
  credits: creditsSchema.nonnegative().optional(),
  occurredAt: instantSchema,
  inputHash: z.string().min(1).optional(),
});
export type UsageEvent = z.infer<typeof usageEventSchema>;

/**
 * A balance reading: what the platform's usage page showed for one pool at one instant, typed in by
 * the lead (the platforms publish no usage API). Exactly one of `remaining` and `used` is given. On a
 * workspace without another source the engine turns each reading into observed usage: the difference
 * from what it counted before; on a synced workspace a reading is a check against the local count.
 */
export const readingSchema = z
  .object({
    id: idSchema,
    workspaceId: idSchema,
    pool: poolKindSchema,
    at: instantSchema,
    /** Credits left in the pool, as the usage page shows them. */
    remaining: z.number().finite().nonnegative().optional(),
    /** Credits used in the current period, where the page shows that instead. */
    used: z.number().finite().nonnegative().optional(),
    note: z.string().max(500).optional(),
    /** The lead said it was a mistake: kept for the record, left out of every balance. */
    dismissed: z.boolean().optional(),
  })
  .refine((r) => (r.remaining === undefined) !== (r.used === undefined), {
    message: 'give exactly one of remaining and used',
    path: ['remaining'],
  });
export type Reading = z.infer<typeof readingSchema>;

export const rateCardSchema = z.object({
  provider: providerSchema,
  effectiveFrom: instantSchema,
  /**
   * Credits per action from effectiveFrom. `existingCustomer:<action>` prices an action for existing
   * customers: the only way a card ends the catalog's free-for-existing-customers rule.
   */
  rates: z.record(z.string().min(1), creditsSchema.nonnegative()),
});
export type RateCard = z.infer<typeof rateCardSchema>;

export const LEDGER_VERSION = 1;

export const ledgerSchema = z.object({
  version: z.literal(LEDGER_VERSION, { message: `expected version ${LEDGER_VERSION}` }),
  workspaces: z.array(workspaceSchema),
  grants: z.array(grantSchema),
  events: z.array(usageEventSchema),
  rateCards: z.array(rateCardSchema).optional(),
  readings: z.array(readingSchema).optional(),
});
export type Ledger = z.infer<typeof ledgerSchema>;
