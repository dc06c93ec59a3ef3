import { z } from 'zod';
import { instantSchema } from '../types/ledger';
import { poolStatusSchema } from './pool-status';

/** GET /v1/workspaces/{id}/balance query. */
export const balanceQuerySchema = z.object({
  asOf: instantSchema
    .optional()
    .meta({ description: "The instant to evaluate at (ISO 8601); default the server's now." }),
});
export type BalanceQuery = z.infer<typeof balanceQuerySchema>;

/** The server's own engine output for one workspace, one entry per pool: the app compares it to detect drift. */
export const balanceSchema = z.object({
  workspaceId: z.string().min(1),
  asOf: instantSchema,
  pools: z.array(poolStatusSchema),
});
export type Balance = z.infer<typeof balanceSchema>;
