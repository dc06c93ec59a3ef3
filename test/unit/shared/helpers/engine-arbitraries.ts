import fc from 'fast-check';
import { preparePoolReadings, type PoolReading } from '../../../../src-shared/engine/observed-usage';
import type { Grant, ResetRule, UsageEvent } from '../../../../src-shared/types/ledger';

const DAY = 86_400_000;

/** Every reset rule: calendar month, daily, and a billing anchor on any day of the month. */
export const resetArb: fc.Arbitrary<ResetRule> = fc.oneof(
  fc.constant<ResetRule>({ kind: 'calendar-month' }),
  fc.constant<ResetRule>({ kind: 'daily' }),
  fc.integer({ min: 1, max: 31 }).map((day): ResetRule => ({ kind: 'anchor-day', day })),
);

/** A grant's shape before it gets an id: kind, signed credits, instant, life in days (null: never expires). */
export function grantBodyArb(instant: fc.Arbitrary<number>) {
  return fc.record({
    kind: fc.constantFrom<Grant['kind']>('bonus', 'top-up', 'adjustment'),
    credits: fc.integer({ min: -50, max: 80 }),
    at: instant,
    lifeDays: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
  });
}

type GrantBody = typeof grantBodyArb extends (i: never) => fc.Arbitrary<infer G> ? G : never;

/** Grant records of workspace "acme"'s integration pool; only an adjustment may take credits away. */
export function grantsOf(bodies: readonly GrantBody[]): Grant[] {
  return bodies.map((g, i): Grant => ({
    id: `g${i}`,
    workspaceId: 'acme',
    pool: 'integration',
    kind: g.kind,
    credits: g.kind === 'adjustment' ? g.credits : Math.abs(g.credits) + 1,
    grantedAt: new Date(g.at).toISOString(),
    expiresAt: g.lifeDays === null ? null : new Date(g.at + g.lifeDays * DAY).toISOString(),
  }));
}

/** An event's shape before it gets an id. */
export interface EventBody {
  action: string;
  credits?: number | undefined;
  memberId: string;
  app?: string | undefined;
  inputHash?: string | undefined;
  at: number;
}

/** Usage events of workspace "acme"'s integration pool, with ids e0, e1 ... in the given order. */
export function eventsOf(bodies: readonly EventBody[]): UsageEvent[] {
  return bodies.map((e, i): UsageEvent => ({
    id: `e${i}`,
    workspaceId: 'acme',
    pool: 'integration',
    memberId: e.memberId,
    action: e.action,
    occurredAt: new Date(e.at).toISOString(),
    ...(e.credits !== undefined ? { credits: e.credits } : {}),
    ...(e.app !== undefined ? { app: e.app } : {}),
    ...(e.inputHash !== undefined ? { inputHash: e.inputHash } : {}),
  }));
}

/** A balance reading's shape before it gets an id: used or remaining as the platform's page showed it. */
export function readingBodyArb(instant: fc.Arbitrary<number>) {
  return fc.record({
    at: instant,
    kind: fc.constantFrom<'used' | 'remaining'>('used', 'remaining'),
    value: fc.integer({ min: 0, max: 300 }),
  });
}

type ReadingBody = typeof readingBodyArb extends (i: never) => fc.Arbitrary<infer R> ? R : never;

/** Readings r0, r1 ... of workspace "acme"'s integration pool, as the walk takes them (from `startAt` on). */
export function readingsOf(bodies: readonly ReadingBody[], startAt?: number): PoolReading[] {
  return preparePoolReadings(
    bodies.map((r, i) => ({
      id: `r${i}`,
      workspaceId: 'acme',
      pool: 'integration' as const,
      at: new Date(r.at).toISOString(),
      ...(r.kind === 'used' ? { used: r.value } : { remaining: r.value }),
    })),
    'integration',
    Number.POSITIVE_INFINITY,
    startAt,
  );
}
