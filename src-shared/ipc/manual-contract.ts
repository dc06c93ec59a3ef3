import { z } from 'zod';
import { CSV_FIELDS } from '../csv/csv-mapping';
import { MAX_CREDITS, type PoolKind } from '../types/ledger';
import { instantSchema, poolKindSchema, providerSchema } from '../types/ledger-schema';

/**
 * The IPC payloads and results of workspaces kept by hand, balance readings and CSV imports (the
 * calls themselves are listed in contract.ts with the others).
 */

const credits = z.number().finite().nonnegative().max(MAX_CREDITS);
const id = z.string().trim().min(1).max(64);

export const manualWorkspaceInputSchema = z
  .object({
    provider: providerSchema,
    plan: z.string().trim().min(1).max(40),
    name: z.string().trim().min(1).max(80),
    catalogVersion: z.string().min(1).max(40).optional(),
    billingDay: z.number().int().min(1).max(31).optional(),
    allowances: z.partialRecord(poolKindSchema, credits).optional(),
    members: z
      .array(z.object({ id, name: z.string().trim().max(80) }).strict())
      .max(200)
      .optional(),
  })
  .strict();
export type ManualWorkspaceInputPayload = z.infer<typeof manualWorkspaceInputSchema>;

export const readingInputSchema = z
  .object({
    workspaceId: id,
    pool: poolKindSchema,
    remaining: credits.optional(),
    used: credits.optional(),
    at: instantSchema.optional(),
    note: z.string().max(500).optional(),
  })
  .strict()
  .refine((r) => (r.remaining === undefined) !== (r.used === undefined), {
    message: 'give either the credits remaining or the credits used',
    path: ['remaining'],
  });

export const readingAnswerSchema = z
  .object({
    workspaceId: id,
    readingId: id,
    as: z.enum(['top-up', 'mistake']),
    credits: z.number().finite().positive().max(MAX_CREDITS).optional(),
  })
  .strict();

export const workspaceRefSchema = z.object({ workspaceId: id }).strict();

/** A CSV as text (at most 32 MB, a year of a busy workspace), with the mapping a form chose. */
export const csvImportInputSchema = z
  .object({
    workspaceId: id,
    source: z.string().min(1).max(200),
    text: z.string().max(32 * 1024 * 1024),
    mapping: z.partialRecord(z.enum(CSV_FIELDS), z.string().max(200)).optional(),
    pool: poolKindSchema.optional(),
  })
  .strict();
export type CsvImportInput = z.infer<typeof csvImportInputSchema>;

/** What recording a reading did, in words a form shows. */
export interface ReadingResult {
  id: string;
  /** usage: it fed the balance; check: compared with the synced count. */
  kind: 'usage' | 'check';
  /** Credits it added (usage); null for a check or a backwards reading. */
  counted: number | null;
  /** How far it went backwards (usage): the question to ask; null otherwise. */
  backwardsBy: number | null;
  /** The observation it counts from: the previous reading, or the period start. */
  since: string | null;
  sincePeriodStart: boolean;
  /** A check: the platform's number against the local count at that instant (null when too old to compare). */
  check: { what: 'left' | 'used'; platform: number; local: number; difference: number } | null;
}

/** One stored reading as a list shows it. */
export interface ReadingRow {
  id: string;
  pool: PoolKind;
  at: string;
  remaining: number | null;
  used: number | null;
  note: string | null;
  kind: 'usage' | 'check';
  dismissed: boolean;
  counted: number | null;
  backwardsBy: number | null;
  local: { used: number; remaining: number } | null;
}
