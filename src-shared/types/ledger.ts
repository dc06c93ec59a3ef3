import { z } from 'zod';

/** An ISO 8601 instant with a zone (Z or an offset); the engine works in UTC. */
export const instantSchema = z.iso.datetime({
  offset: true,
  message: 'expected an ISO 8601 instant such as 2026-11-01T00:00:00Z',
});

const idSchema = z.string().min(1, 'expected a non-empty id');

export const providerSchema = z.enum(['zite', 'base44', 'custom']);
export type Provider = z.infer<typeof providerSchema>;

export const poolKindSchema = z.enum(['integration', 'message']);
export type PoolKind = z.infer<typeof poolKindSchema>;

export const resetRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('calendar-month') }),
  z.object({ kind: z.literal('anchor-day'), day: z.number().int().min(1).max(31) }),
  z.object({ kind: z.literal('daily') }),
]);
export type ResetRule = z.infer<typeof resetRuleSchema>;

export const poolConfigSchema = z.object({
  pool: poolKindSchema,
  allowance: z.number().finite().nonnegative().optional(),
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
  pools: z.array(poolConfigSchema).optional(),
  members: z.array(memberSchema).optional(),
  thresholds: z.array(thresholdSchema).optional(),
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const grantKindSchema = z.enum(['bonus', 'top-up', 'adjustment']);
export type GrantKind = z.infer<typeof grantKindSchema>;

export const grantSchema = z.object({
  id: idSchema,
  workspaceId: idSchema,
  pool: poolKindSchema,
  kind: grantKindSchema,
  /** Positive for bonus and top-up; an adjustment may be negative. */
  credits: z.number().finite(),
  grantedAt: instantSchema,
  expiresAt: instantSchema.nullable().optional(),
});
export type Grant = z.infer<typeof grantSchema>;

export const usageEventSchema = z.object({
  id: idSchema,
  workspaceId: idSchema,
  pool: poolKindSchema,
  memberId: idSchema,
  app: z.string().optional(),
  action: z.string().min(1, 'expected an action name'),
  units: z.number().finite().nonnegative().optional(),
  /** What the provider charged, when it says; it always wins over the rate card. */
  credits: z.number().finite().nonnegative().optional(),
  occurredAt: instantSchema,
  inputHash: z.string().min(1).optional(),
});
export type UsageEvent = z.infer<typeof usageEventSchema>;

export const rateCardSchema = z.object({
  provider: providerSchema,
  effectiveFrom: instantSchema,
  rates: z.record(z.string().min(1), z.number().finite().nonnegative()),
});
export type RateCard = z.infer<typeof rateCardSchema>;

export const LEDGER_VERSION = 1;

export const ledgerSchema = z.object({
  version: z.literal(LEDGER_VERSION, { message: `expected version ${LEDGER_VERSION}` }),
  workspaces: z.array(workspaceSchema),
  grants: z.array(grantSchema),
  events: z.array(usageEventSchema),
  rateCards: z.array(rateCardSchema).optional(),
});
export type Ledger = z.infer<typeof ledgerSchema>;
