import { z } from 'zod';
import { instantSchema } from '../types/ledger-schema';

/** GET /v1/health: no auth; `now` is the server's clock, so a client can measure its skew. */
export const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string().meta({ description: 'Version of the server software.' }),
  apiVersion: z.literal(1),
  now: instantSchema.meta({ description: "The server's clock when it answered." }),
});
export type Health = z.infer<typeof healthSchema>;
