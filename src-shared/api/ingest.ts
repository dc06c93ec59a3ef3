import { z } from 'zod';
import { usageEventSchema } from '../types/ledger';

/** Most events one POST may carry; larger feeds send several batches. */
export const INGEST_MAX_EVENTS = 10_000;

/** An event to ingest: workspaceId may be left out (the path names it) but must match when given. */
export const ingestEventSchema = usageEventSchema.extend({
  workspaceId: z.string().min(1).optional(),
});
export type IngestEvent = z.infer<typeof ingestEventSchema>;

/** POST /v1/workspaces/{id}/events body: applied whole or not at all. */
export const ingestBatchSchema = z.object({
  events: z
    .array(ingestEventSchema)
    .min(1, 'expected at least one event')
    .max(INGEST_MAX_EVENTS, `expected at most ${INGEST_MAX_EVENTS} events; split the batch`),
});
export type IngestBatch = z.infer<typeof ingestBatchSchema>;

/** What an ingest did: ids already stored (or repeated in the batch) are counted once and skipped. */
export const ingestResultSchema = z.object({
  workspaceId: z.string().min(1),
  received: z.number().int().nonnegative(),
  inserted: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
});
export type IngestResult = z.infer<typeof ingestResultSchema>;
