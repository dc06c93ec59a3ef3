import { z } from 'zod';
import type { PoolStatusJson } from '../engine/status-json';
import { instantSchema, poolKindSchema } from '../types/ledger-schema';

const creditsByName = z.record(z.string(), z.number());

/** One pool as the engine reports it (`creditbar evaluate --json` pools entry, /balance pools entry). */
export const poolStatusSchema = z.object({
  workspaceId: z.string().min(1),
  pool: poolKindSchema,
  periodStart: instantSchema,
  periodEnd: instantSchema,
  resetsInSeconds: z.number().int().nonnegative(),
  allowance: z.number(),
  bonus: z.number(),
  available: z.number(),
  used: z.number(),
  remaining: z.number(),
  percentUsed: z.number(),
  blockedCalls: z.number().int().nonnegative(),
  exhaustedAt: instantSchema.nullable(),
  thresholds: z.array(z.object({ percent: z.number(), reachedAt: instantSchema.nullable() })),
  byAction: creditsByName,
  byMember: creditsByName,
  byApp: creditsByName,
  forecast: z.object({
    burnPerDay: z.number(),
    projectedUsed: z.number(),
    low: z.number(),
    high: z.number(),
    runsOutAt: instantSchema.nullable(),
    from: instantSchema.optional(),
  }),
  unknownActions: z.array(z.string()),
  observed: z
    .object({
      credits: z.number(),
      readings: z.number().int().nonnegative(),
      lastReadingAt: instantSchema.nullable(),
      backwards: z.array(z.object({ id: z.string(), at: instantSchema, by: z.number() })),
    })
    .optional()
    .meta({
      description:
        'Present when balance readings fed the period: credits observed from readings (left out of the breakdowns), the readings counted, and those that went backwards.',
    }),
});

/** True when A and B are the same type (not merely assignable either way). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// Compile-time guard: the schema and the engine's JSON type cannot drift apart. If this line fails
// to compile, change poolStatusSchema to match PoolStatusJson in src-shared/engine/status-json.ts.
const _poolStatusMatchesEngine: Same<z.infer<typeof poolStatusSchema>, PoolStatusJson> = true;
void _poolStatusMatchesEngine;
