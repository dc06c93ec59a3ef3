import { z } from 'zod';
import { parseInstant, toIso } from '../time/instant';
import { type UsageEvent } from '../types/ledger';
import { usageEventSchema } from '../types/ledger-schema';

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
export const ingestEventSchema = usageEventSchema
  .extend({
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
  })
  .strict();
export type IngestEvent = z.infer<typeof ingestEventSchema>;

/** The fields an ingested event may carry, in the contract's order. */
export const INGEST_EVENT_FIELDS: readonly string[] = Object.keys(ingestEventSchema.shape);

/** A field name folded for comparison: `member_id`, `Member-ID` and `memberId` are one name. */
const fold = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The known field a misspelt one was meant to be: same folded name, a plural or singular, or one edit away. */
function meantField(name: string): string | undefined {
  const f = fold(name);
  return INGEST_EVENT_FIELDS.find((known) => {
    const k = fold(known);
    return k === f || k === `${f}s` || `${k}s` === f || oneEditApart(k, f);
  });
}

/** Whether two strings differ by one inserted, deleted or changed character. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * The first field of a batch's events that the contract does not know, as one sentence naming the
 * event, the field and the field it was probably meant to be, or null. A reporting app that
 * misspells `credits` or `units` would otherwise have it dropped and the call priced from the rate
 * card: a wrong number that nothing shows. Checked before the schema, whose "memberId is missing"
 * for a `member_id` would not say why.
 */
export function unknownEventField(body: unknown): string | null {
  const events = (body as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) return null;
  for (let i = 0; i < events.length; i++) {
    const e: unknown = events[i];
    if (typeof e !== 'object' || e === null || Array.isArray(e)) continue;
    const unknown = Object.keys(e).find((key) => !INGEST_EVENT_FIELDS.includes(key));
    if (unknown === undefined) continue;
    const id = (e as { id?: unknown }).id;
    const which =
      typeof id === 'string'
        ? `events[${i}] (id "${id.length > 40 ? `${id.slice(0, 40)}…` : id}")`
        : `events[${i}]`;
    const meant = meantField(unknown);
    const name = JSON.stringify(unknown.length > 40 ? `${unknown.slice(0, 40)}…` : unknown);
    return `${which}: ${name} is not a field of an event${meant ? ` (did you mean "${meant}"?)` : ''}; the fields are ${INGEST_EVENT_FIELDS.join(', ')}`;
  }
  return null;
}

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
