// The ledger's zod schemas: what a ledger file, an API answer or a form is checked against. The
// types and constants live in ledger.ts, which imports none of this, so that a thread that only
// handles data already checked (the evaluator, the sync thread on plainly valid pages) never loads zod.
import { z } from 'zod';
import { formatCredits } from '../display/credits';
import { grantProblem, LEDGER_VERSION, MAX_CREDITS, POOL_KINDS, PROVIDERS } from './ledger';

/** An ISO 8601 instant with a zone (Z or an offset); the engine works in UTC. */
export const instantSchema = z.iso.datetime({
  offset: true,
  message: 'expected an ISO 8601 instant such as 2026-11-01T00:00:00Z',
});

const idSchema = z.string().min(1, 'expected a non-empty id');

const creditsSchema = z
  .number()
  .finite()
  .max(MAX_CREDITS, `expected at most ${formatCredits(MAX_CREDITS)} credits`);

export const providerSchema = z.enum(PROVIDERS);

export const poolKindSchema = z.enum(POOL_KINDS);

export const resetRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('calendar-month') }),
  z.object({ kind: z.literal('anchor-day'), day: z.number().int().min(1).max(31) }),
  z.object({ kind: z.literal('daily') }),
]);

export const poolConfigSchema = z.object({
  pool: poolKindSchema,
  allowance: creditsSchema.nonnegative().optional(),
  reset: resetRuleSchema.optional(),
  /** The platform keeps running past zero and bills the excess: nothing is ever blocked. */
  overage: z.boolean().optional(),
});

export const memberSchema = z.object({
  id: idSchema,
  name: z.string(),
  budget: z.number().finite().positive().optional(),
});

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

export const grantKindSchema = z.enum(['bonus', 'top-up', 'adjustment']);

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

export const rateCardSchema = z.object({
  provider: providerSchema,
  effectiveFrom: instantSchema,
  /**
   * Credits per action from effectiveFrom. `existingCustomer:<action>` prices an action for existing
   * customers: the only way a card ends the catalog's free-for-existing-customers rule.
   */
  rates: z.record(z.string().min(1), creditsSchema.nonnegative()),
});

export const ledgerSchema = z.object({
  version: z.literal(LEDGER_VERSION, { message: `expected version ${LEDGER_VERSION}` }),
  workspaces: z.array(workspaceSchema),
  grants: z.array(grantSchema),
  events: z.array(usageEventSchema),
  rateCards: z.array(rateCardSchema).optional(),
  readings: z.array(readingSchema).optional(),
});
