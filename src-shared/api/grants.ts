import { z } from 'zod';
import { grantSchema } from '../types/ledger-schema';

/** GET /v1/workspaces/{id}/grants: bonuses, top-ups and adjustments (the plan allowance is not a grant here). */
export const grantListSchema = z.object({
  workspaceId: z.string().min(1),
  grants: z.array(grantSchema),
});
export type GrantList = z.infer<typeof grantListSchema>;
