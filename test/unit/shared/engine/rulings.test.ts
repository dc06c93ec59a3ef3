import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluateLedger } from '../../../../src-shared/engine/evaluate';
import { EngineInputError } from '../../../../src-shared/engine/errors';
import { reportMonth } from '../../../../src-shared/engine/report';
import { grantListSchema } from '../../../../src-shared/api/grants';
import { parseUsagePage } from '../../../../src-shared/api/usage';
import { LedgerError, validateLedger } from '../../../../src-shared/ledger/parse-ledger';
import type { Ledger, UsageEvent } from '../../../../src-shared/types/ledger';
import {
  charge,
  evaluate,
  event,
  grant,
  ledger,
  ms,
  pool,
  poolAt,
  workspace,
} from '../helpers/ledger-builders';

// The engine's open rulings (issue 16), as the README's engine section states them.

/** The ledger with its events in another order. */
const withEvents = (l: Ledger, events: UsageEvent[]): Ledger => ({ ...l, events });

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('two copies of one event id', () => {
  const copyA = charge('2026-03-02T09:00:00Z', 4, { id: 'dup' });
  const copyB = charge('2026-03-02T09:00:00Z', 5, { id: 'dup' });
  const others = [charge('2026-03-01T10:00:00Z', 1), charge('2026-03-03T10:00:00Z', 2)];

  test('that differ are refused, naming the event, the field and both values, in either order', () => {
    const forward = ledger({ events: [copyA, ...others, copyB] });
    const backward = withEvents(forward, [copyB, ...others, copyA]);
    const expected =
      'event "dup" of workspace "acme" appears twice with different credits (4 and 5): a ledger may repeat an event only as an exact copy';
    expect(messageOf(() => evaluateLedger(forward, { asOf: ms('2026-03-31T00:00:00Z') }))).toBe(expected);
    expect(messageOf(() => evaluateLedger(backward, { asOf: ms('2026-03-31T00:00:00Z') }))).toBe(expected);
    expect(() => reportMonth(forward, { year: 2026, month: 3 })).toThrow(EngineInputError);
    // A ledger file (CLI, import into the cache) is refused the same way, before anything is stored.
    expect(() => validateLedger(backward, 'ledger.json')).toThrow(LedgerError);
    expect(messageOf(() => validateLedger(backward, 'ledger.json'))).toBe(`ledger.json: ${expected}`);
  });

  test('that differ only in when they happened are refused too', () => {
    const early = event({ id: 'x', occurredAt: '2026-03-02T09:00:00Z' });
    const late = { ...early, occurredAt: '2026-03-09T09:00:00Z' };
    expect(() => validateLedger(ledger({ events: [late, early] }))).toThrow(/different occurredAt/);
  });

  test('that are exact copies count once, whatever the order of the file (shuffled)', () => {
    // 10 distinct events of 1..10 credits, three of them repeated (one written with milliseconds):
    // used is 1 + ... + 10 = 55 in every order; the allowance of 100 blocks nothing.
    const distinct = Array.from({ length: 10 }, (_, i) =>
      charge(`2026-03-${String(i + 2).padStart(2, '0')}T09:00:00Z`, i + 1, { id: `c${i}` }),
    );
    const copies = [
      { ...distinct[0]! },
      { ...distinct[4]!, occurredAt: distinct[4]!.occurredAt.replace('Z', '.000Z') },
      { ...distinct[9]! },
    ];
    const all = [...distinct, ...copies];
    const reference = evaluate(ledger({ events: all }), '2026-03-31T00:00:00Z');
    expect(reference.pools[0]!.used).toBe(55);
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length }), (shuffled) => {
        expect(evaluate(ledger({ events: shuffled }), '2026-03-31T00:00:00Z')).toEqual(reference);
      }),
      { numRuns: 40 },
    );
  });
});

describe('grants that cannot be used are bad input, not ignored', () => {
  test('an expiry before the grant names the grant and both instants', () => {
    const bad = grant({
      id: 'late-bonus',
      credits: 20,
      grantedAt: '2026-03-10T00:00:00Z',
      expiresAt: '2026-03-01T00:00:00Z',
    });
    const l = ledger({ grants: [grant({ credits: 5, grantedAt: '2026-03-01T00:00:00Z' }), bad] });
    expect(messageOf(() => validateLedger(l, 'ledger.json'))).toBe(
      'ledger.json: grants[1] (id "late-bonus"): expiresAt is invalid: 2026-03-01T00:00:00Z is not after grantedAt 2026-03-10T00:00:00Z',
    );
    // The engine refuses it too when handed records directly (the server, the cache).
    expect(messageOf(() => evaluateLedger(l, { asOf: ms('2026-03-31T00:00:00Z') }))).toBe(
      'grants[1] (id "late-bonus"): expiresAt is invalid: 2026-03-01T00:00:00Z is not after grantedAt 2026-03-10T00:00:00Z',
    );
  });

  test('a negative bonus is refused: only an adjustment takes credits away', () => {
    const l = ledger({
      grants: [grant({ id: 'b', kind: 'bonus', credits: -20, grantedAt: '2026-03-10T00:00:00Z' })],
    });
    expect(messageOf(() => validateLedger(l))).toBe(
      'ledger: grants[0] (id "b"): credits is invalid: a bonus cannot be negative (only an adjustment can)',
    );
  });
});

describe('credits are capped at 1,000,000,000 per event, grant, allowance and rate', () => {
  test.each<[string, Ledger, string]>([
    [
      'an event',
      ledger({ events: [charge('2026-03-02T09:00:00Z', 1.7e308, { id: 'huge' })] }),
      'ledger: events[0] (id "huge"): credits is invalid: expected at most 1,000,000,000 credits',
    ],
    [
      'a grant',
      ledger({ grants: [grant({ id: 'g-huge', credits: 1e10, grantedAt: '2026-03-01T00:00:00Z' })] }),
      'ledger: grants[0] (id "g-huge"): credits is invalid: expected at most 1,000,000,000 credits',
    ],
    [
      'a negative adjustment',
      ledger({
        grants: [
          grant({ id: 'g-neg', kind: 'adjustment', credits: -1e10, grantedAt: '2026-03-01T00:00:00Z' }),
        ],
      }),
      'ledger: grants[0] (id "g-neg"): credits is invalid: expected at least -1,000,000,000 credits',
    ],
    [
      'an allowance',
      ledger({ workspaces: [workspace({ pools: pool(2e9) })] }),
      'ledger: workspaces[0] (id "acme"): pools[0].allowance is invalid: expected at most 1,000,000,000 credits',
    ],
  ])('%s over the bound is bad input', (_name, l, message) => {
    expect(messageOf(() => validateLedger(l))).toBe(message);
  });

  test('at the bound, sums stay exact', () => {
    // 1,000 events of exactly 1e9 in a pool of 1e9 with overage: used is 1e12, remaining 1e9 − 1e12,
    // exact integers (a million such events would be 1e15, still below 2^53).
    const events = Array.from({ length: 1000 }, (_, i) =>
      charge(
        `2026-03-02T09:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`,
        1e9,
      ),
    );
    const l = ledger({ workspaces: [workspace({ pools: pool(1e9, undefined, { overage: true }) })], events });
    expect(validateLedger(l)).toBeTruthy();
    expect(poolAt(l, '2026-03-31T00:00:00Z')).toMatchObject({
      used: 1e12,
      remaining: 1e9 - 1e12,
      percentUsed: 100_000,
    });
  });
});

describe('a negative adjustment', () => {
  // Allowance 100 (expires Apr 1) and a never-expiring bonus of 50, both from Mar 1; 80 used by Mar 10.
  const bonus = grant({ id: 'bonus', credits: 50, grantedAt: '2026-03-01T00:00:00Z' });
  const used80 = charge('2026-03-10T00:00:00Z', 80);

  test('is taken once, at its instant, in burn order: the allowance (expiring first) before the bonus', () => {
    // On Mar 20 the pool holds 20 of the allowance and 50 of the bonus. −40 takes the 20 left of the
    // allowance, then 20 of the bonus: 30 remain in March, and the bonus carries 30 (not 50, not
    // 10) into April, whose allowance is whole again: 130, and nothing more is taken.
    const adjust = grant({ id: 'adj', kind: 'adjustment', credits: -40, grantedAt: '2026-03-20T00:00:00Z' });
    const l = ledger({ grants: [bonus, adjust], events: [used80] });
    expect(poolAt(l, '2026-03-25T00:00:00Z')).toMatchObject({
      bonus: 10,
      available: 110,
      used: 80,
      remaining: 30,
      exhaustedAt: null,
    });
    expect(poolAt(l, '2026-04-05T00:00:00Z')).toMatchObject({ bonus: 30, available: 130, used: 0 });
    expect(poolAt(l, '2026-05-05T00:00:00Z')).toMatchObject({ bonus: 30, available: 130 });
  });

  test('never takes a pool below zero: what it cannot take is dropped, not owed', () => {
    // Allowance 100, 90 used, −30 on Mar 20: only the 10 left are taken. The pool is dry from that
    // instant; April starts with its whole allowance of 100 (the missing 20 are not carried as debt).
    const adjust = grant({ id: 'adj', kind: 'adjustment', credits: -30, grantedAt: '2026-03-20T00:00:00Z' });
    const l = ledger({ grants: [adjust], events: [charge('2026-03-10T00:00:00Z', 90)] });
    expect(poolAt(l, '2026-03-25T00:00:00Z')).toMatchObject({
      bonus: -10,
      available: 90,
      used: 90,
      remaining: 0,
      exhaustedAt: '2026-03-20T00:00:00.000Z',
    });
    expect(poolAt(l, '2026-04-05T00:00:00Z')).toMatchObject({ bonus: 0, available: 100, remaining: 100 });
  });
});

describe('the existing-customer exemption under a dated rate card', () => {
  // Zite Free (1,000 a month); an existing customer's Slack calls are free (seed 000).
  const zite = (existingCustomer: boolean) =>
    workspace({ provider: 'zite', plan: 'free', pools: undefined, existingCustomer });
  const slack = (at: string) => event({ occurredAt: at, action: 'integration:slack' });
  const calls = [slack('2026-12-15T09:00:00Z'), slack('2027-01-15T09:00:00Z')];
  const repriced = {
    provider: 'zite' as const,
    effectiveFrom: '2027-01-01T00:00:00Z',
    rates: { 'integration:slack': 3 },
  };

  test('holds when a card re-prices the action: it is a platform rule, not a price', () => {
    const l = ledger({ workspaces: [zite(true)], events: calls, rateCards: [repriced] });
    expect(poolAt(l, '2027-01-20T00:00:00Z').used).toBe(0);
    // A customer that is not an existing one pays the new price from the card's date: 3.
    const other = ledger({ workspaces: [zite(false)], events: calls, rateCards: [repriced] });
    expect(poolAt(other, '2026-12-20T00:00:00Z').used).toBe(1);
    expect(poolAt(other, '2027-01-20T00:00:00Z').used).toBe(3);
  });

  test('ends only where a card prices the action for existing customers, from its date', () => {
    const ending = {
      provider: 'zite' as const,
      effectiveFrom: '2027-01-01T00:00:00Z',
      rates: { 'integration:slack': 3, 'existingCustomer:integration:slack': 2 },
    };
    const l = ledger({ workspaces: [zite(true)], events: calls, rateCards: [ending] });
    expect(poolAt(l, '2026-12-20T00:00:00Z').used).toBe(0);
    expect(poolAt(l, '2027-01-20T00:00:00Z')).toMatchObject({
      used: 2,
      byAction: { 'integration:slack': 2 },
    });
  });
});

describe('instants the schema accepts', () => {
  test('years 0000-0099 are periods of their own years, not of the 1900s', () => {
    const l = ledger({
      workspaces: [workspace({ pools: pool(100, { kind: 'anchor-day', day: 31 }) })],
      events: [charge('0050-02-10T09:00:00Z', 7)],
    });
    // Anchor 31 in February of year 50 (not a leap year: 50 % 4 ≠ 0): Jan 31 to Feb 28.
    expect(poolAt(l, '0050-02-15T00:00:00Z')).toMatchObject({
      periodStart: '0050-01-31T00:00:00.000Z',
      periodEnd: '0050-02-28T00:00:00.000Z',
      used: 7,
    });
    const first = evaluate(ledger({ events: [] }), '0000-01-01T00:00:00Z').pools[0]!;
    expect([first.periodStart, first.periodEnd]).toEqual([
      '0000-01-01T00:00:00.000Z',
      '0000-02-01T00:00:00.000Z',
    ]);
    expect(reportMonth(l, { year: 50, month: 2 }).pools[0]).toMatchObject({ kind: 'period' });
  });

  test('an asOf far in the future walks a bounded number of periods and keeps what carries', () => {
    // A never-expiring bonus of 50 (20 of it spent in March 2026 past the allowance) and one of 30
    // expiring in 2030. In December 9999 the pool holds its allowance of 100 plus the 30 left of
    // the first bonus; the second has expired. Nothing is used.
    const l = ledger({
      grants: [
        grant({ id: 'keep', credits: 50, grantedAt: '2026-03-01T00:00:00Z' }),
        grant({
          id: 'gone',
          credits: 30,
          grantedAt: '2026-03-01T00:00:00Z',
          expiresAt: '2030-06-01T00:00:00Z',
        }),
      ],
      events: [charge('2026-03-10T00:00:00Z', 150)],
    });
    const far = evaluateLedger(l, { asOf: ms('9999-12-31T23:59:59Z') }).pools[0]!;
    expect(far.current).toMatchObject({ start: ms('9999-12-01T00:00:00Z'), used: 0, bonus: 30 });
    // Mar 2026 to Jun 2030 one by one, two quiet years after the last change, then the period
    // before December 9999 and December itself: about 77, never the 95,000 months in between.
    expect(far.periods.length).toBeLessThan(100);
    const near = evaluateLedger(l, { asOf: ms('2031-01-15T00:00:00Z') }).pools[0]!;
    expect(near.current).toMatchObject({ used: 0, bonus: 30, allowance: 100 });
  });
});

describe('the account API enforces the same rulings at the sync boundary', () => {
  test('a usage page with an event over the cap, or a grant list with a grant expiring before it starts, is refused', () => {
    const page = {
      events: [{ ...charge('2026-03-02T09:00:00Z', 2e9, { id: 'big' }) }],
      nextCursor: 'c1',
      hasMore: false,
    };
    expect(parseUsagePage(page).success).toBe(false);
    expect(parseUsagePage({ ...page, events: [{ ...page.events[0]!, credits: 1e9 }] }).success).toBe(true);
    const grants = {
      workspaceId: 'acme',
      grants: [grant({ credits: 5, grantedAt: '2026-03-10T00:00:00Z', expiresAt: '2026-03-09T00:00:00Z' })],
    };
    expect(grantListSchema.safeParse(grants).success).toBe(false);
  });
});
