// The ledger's types and constants, without zod: the schemas that check data from outside are in
// ledger-schema.ts (zod is loaded only where something is checked, never in a thread that starts
// just to sync or evaluate plainly valid data).
import type { z } from 'zod';
import { parseInstant } from '../time/instant';
import type * as schemas from './ledger-schema';

/**
 * The most credits one event, grant, allowance or rate may carry (a billion; the largest published
 * plan is a million a month). Bigger numbers are bad input: a month of a million events at this
 * bound still sums exactly (1e15 < 2^53), where 1.7e308 would overflow to Infinity.
 */
export const MAX_CREDITS = 1_000_000_000;

/** The providers a workspace can be on. */
export const PROVIDERS = ['zite', 'base44', 'custom'] as const;

/** The kinds of pool, in POOL_ORDER. */
export const POOL_KINDS = ['integration', 'message'] as const;

/**
 * The one order a workspace's pools are listed in, whatever order a catalog plan, a server or a
 * form gave them: integration (what the apps spend), then message. The card, the tray, the CLI and
 * every export read pools in this order.
 */
export const POOL_ORDER: readonly PoolKind[] = POOL_KINDS;

/** Compares two pool kinds by POOL_ORDER. */
export const comparePoolKinds = (a: PoolKind, b: PoolKind): number =>
  POOL_ORDER.indexOf(a) - POOL_ORDER.indexOf(b);

export const LEDGER_VERSION = 1;

export type Provider = z.infer<typeof schemas.providerSchema>;
export type PoolKind = z.infer<typeof schemas.poolKindSchema>;
export type ResetRule = z.infer<typeof schemas.resetRuleSchema>;
export type PoolConfig = z.infer<typeof schemas.poolConfigSchema>;
export type Member = z.infer<typeof schemas.memberSchema>;
export type Workspace = z.infer<typeof schemas.workspaceSchema>;
export type GrantKind = z.infer<typeof schemas.grantKindSchema>;
export type Grant = z.infer<typeof schemas.grantSchema>;
export type UsageEvent = z.infer<typeof schemas.usageEventSchema>;
export type Reading = z.infer<typeof schemas.readingSchema>;
export type RateCard = z.infer<typeof schemas.rateCardSchema>;
export type Ledger = z.infer<typeof schemas.ledgerSchema>;

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
