import { z } from 'zod';
import { parseInstant, toIso } from '../time/instant';
import { usageEventSchema, type UsageEvent } from '../types/ledger';

/** Most events one POST may carry; larger feeds send several batches. */
export const INGEST_MAX_EVENTS = 10_000;

/** Longest id, member id, action, app or input hash an ingested event may carry. */
export const INGEST_MAX_FIELD_LENGTH = 200;

/** No platform of this kind existed before 2000: an earlier instant is a broken clock or a unit mistake. */
export const INGEST_EARLIEST_MS = Date.UTC(2000, 0, 1);

/** How far past the server's clock an event may be (clocks drift; a day more is a wrong date). */
export const INGEST_MAX_AHEAD_MS = 24 * 60 * 60 * 1000;

const text = (what: string) =>
  z
    .string()
    .min(1, `expected a non-empty ${what}`)
    .max(INGEST_MAX_FIELD_LENGTH, `expected at most ${INGEST_MAX_FIELD_LENGTH} characters`);

/**
 * An event to ingest: a ledger event whose text fields are at most 200 characters, and whose
 * workspaceId may be left out (the path names it) but must match when given.
 */
export const ingestEventSchema = usageEventSchema.extend({
  id: text('id'),
  workspaceId: z.string().min(1).optional(),
  memberId: text('member id').meta({
    description:
      'A member the workspace does not list yet is accepted and listed, named by its id, for the lead to name.',
  }),
  app: z
    .string()
    .max(INGEST_MAX_FIELD_LENGTH, `expected at most ${INGEST_MAX_FIELD_LENGTH} characters`)
    .optional(),
  action: text('action name'),
  inputHash: text('input hash').optional(),
  occurredAt: usageEventSchema.shape.occurredAt.meta({
    description: 'Not before 2000-01-01 and not more than one day past the server clock.',
  }),
});
export type IngestEvent = z.infer<typeof ingestEventSchema>;

/** Why an ingested event's instant is refused (a sentence after the field name), or null when it is fine. */
export function ingestInstantProblem(t: number, now: number): string | null {
  if (t < INGEST_EARLIEST_MS)
    return `is before 2000-01-01: send the instant the call happened (ISO 8601, UTC)`;
  if (t > now + INGEST_MAX_AHEAD_MS)
    return `is more than one day after the server's clock (${toIso(now)}): check the reporting machine's clock`;
  return null;
}

const TEXT_FIELDS = ['id', 'memberId', 'action', 'app', 'inputHash'] as const;

/**
 * The first event of a ledger file that the collector would refuse from a reporting app (a text
 * field over 200 characters, an instant before 2000 or more than a day after `now`), as one
 * sentence naming it, or null. Ledger imports store what they are given: a typo year would open a
 * period decades ahead, and a column pasted whole into `action` would be synced to every lead.
 */
export function eventOutsideLimits(
  events: readonly UsageEvent[],
  now: number,
  source: string,
): string | null {
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const where = `${source}: events[${i}] (id "${e.id.length > 40 ? `${e.id.slice(0, 40)}…` : e.id}")`;
    for (const field of TEXT_FIELDS) {
      const value = e[field];
      if (value !== undefined && value.length > INGEST_MAX_FIELD_LENGTH)
        return `${where}: ${field} is ${value.length.toLocaleString('en-US')} characters, more than ${INGEST_MAX_FIELD_LENGTH}`;
    }
    const t = parseInstant(e.occurredAt);
    if (t < INGEST_EARLIEST_MS)
      return `${where}: occurredAt ${e.occurredAt} is before 2000-01-01: check the year`;
    if (t > now + INGEST_MAX_AHEAD_MS)
      return `${where}: occurredAt ${e.occurredAt} is more than a day after now (${toIso(now)}): check the year`;
  }
  return null;
}

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
  newMembers: z.array(z.string()).meta({
    description:
      'Member ids of this batch that the workspace did not list: now listed, named by their id, until the lead names them.',
  }),
});
export type IngestResult = z.infer<typeof ingestResultSchema>;
