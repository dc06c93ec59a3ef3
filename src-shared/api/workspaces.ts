import { z } from 'zod';
import { type Workspace } from '../types/ledger';
import {
  memberSchema,
  poolKindSchema,
  providerSchema,
  rateCardSchema,
  resetRuleSchema,
  thresholdSchema,
} from '../types/ledger-schema';

/** A pool with every number filled in: the server resolves catalog defaults before answering. */
export const apiPoolSchema = z.object({
  pool: poolKindSchema,
  allowance: z
    .number()
    .finite()
    .nonnegative()
    .meta({ description: 'Credits granted each period (the plan allowance).' }),
  reset: resetRuleSchema,
  overage: z.boolean().meta({ description: 'The platform bills past zero instead of blocking calls.' }),
});
export type ApiPool = z.infer<typeof apiPoolSchema>;

/** One workspace as GET /v1/workspaces lists it; it is also a valid ledger workspace. */
export const apiWorkspaceSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  provider: providerSchema,
  plan: z.string().min(1),
  existingCustomer: z.boolean(),
  catalogVersion: z.string().min(1).max(40).optional().meta({
    description:
      "The catalog version whose rules the plan is on (rates, plan sizes, what an empty pool stops), as `creditbar catalog` lists them, e.g. Base44's 2026-12-docs. Left out (servers before it was part of the contract), clients read the plan with the provider's first version, the seed's, and say that this is an assumption.",
  }),
  billingDay: z.number().int().min(1).max(31).optional().meta({
    description:
      "Day of the month the plan renews and its pools reset (Base44's paid plans), where the provider resets on the billing date. Each pool's `reset` already says it; this is the day the account was given.",
  }),
  pools: z.array(apiPoolSchema).min(1),
  members: z.array(memberSchema),
  thresholds: z.array(thresholdSchema).optional().meta({
    description:
      'Alert thresholds in percent, when the account keeps its own; else the defaults 50, 90, 100 apply.',
  }),
});
export type ApiWorkspace = z.infer<typeof apiWorkspaceSchema>;

/** GET /v1/workspaces: the account's workspaces and the dated rate cards that price their events. */
export const workspaceListSchema = z.object({
  workspaces: z.array(apiWorkspaceSchema),
  rateCards: z.array(rateCardSchema).meta({
    description:
      "Rate cards newer than the built-in catalog's, as in a ledger file; the server's /balance uses them.",
  }),
});
export type WorkspaceList = z.infer<typeof workspaceListSchema>;

// Compile-time guard: a workspace from the API can be handed to the engine as it is.
const _apiWorkspaceIsLedgerWorkspace: Workspace = {} as ApiWorkspace;
void _apiWorkspaceIsLedgerWorkspace;
