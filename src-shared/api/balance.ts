import { z } from 'zod';
import { DAY_MS, parseInstant, toIso, type Millis } from '../time/instant';
import { instantSchema } from '../types/ledger-schema';
import { poolStatusSchema } from './pool-status';

/** GET /v1/workspaces/{id}/balance query. */
export const balanceQuerySchema = z.object({
  asOf: instantSchema.optional().meta({
    description:
      "The instant to evaluate at (ISO 8601), from 2000-01-01T00:00:00Z to a year past the server's clock (else 400); default the server's now.",
  }),
});
export type BalanceQuery = z.infer<typeof balanceQuerySchema>;

/** The earliest asOf /balance evaluates at: no platform's usage is older. */
export const AS_OF_EARLIEST = '2000-01-01T00:00:00Z';

/** How far past the server's clock /balance evaluates: a forecast a year ahead is already a guess. */
export const AS_OF_MAX_AHEAD_MS = 366 * DAY_MS;

/** Why /balance refuses an asOf (one sentence naming the range), or null when it is in range. */
export function asOfOutOfRange(asOf: string, now: Millis): string | null {
  const t = parseInstant(asOf);
  const latest = now + AS_OF_MAX_AHEAD_MS;
  if (t >= parseInstant(AS_OF_EARLIEST) && t <= latest) return null;
  return `The query parameter "asOf" must be from ${AS_OF_EARLIEST} to ${toIso(latest)} (a year past the server's clock), got "${asOf}".`;
}

/** The server's own engine output for one workspace, one entry per pool: the app compares it to detect drift. */
export const balanceSchema = z.object({
  workspaceId: z.string().min(1),
  asOf: instantSchema,
  pools: z.array(poolStatusSchema),
});
export type Balance = z.infer<typeof balanceSchema>;
