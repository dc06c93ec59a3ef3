import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluateLedger } from '../../../../src-shared/engine/evaluate';
import { periodAt } from '../../../../src-shared/engine/periods';
import { evaluationJson } from '../../../../src-shared/engine/status-json';
import type { Ledger } from '../../../../src-shared/types/ledger';
import { eventsOf, grantBodyArb, grantsOf, resetArb } from '../helpers/engine-arbitraries';

const HOUR = 3_600_000;
/** Records fall in late January to early April 2026, on whole hours so that ties happen. */
const FROM = Date.parse('2026-01-25T00:00:00Z');
const HOURS = 70 * 24;
const RUNS = { numRuns: 150 };

const instant = fc.integer({ min: 0, max: HOURS }).map((h) => FROM + h * HOUR);

const eventBody = fc.record({
  action: fc.constantFrom('email', 'document', 'db', 'integration:twilio', 'integration:slack', 'fax'),
  credits: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  memberId: fc.constantFrom('ana', 'bob'),
  app: fc.constantFrom('crm', 'mailer', undefined),
  at: instant,
});

const grantBody = grantBodyArb(instant);

/** A one-workspace Zite ledger with a small pool, a few grants and up to 25 events with unique ids. */
const ledgerArb: fc.Arbitrary<Ledger> = fc
  .record({
    allowance: fc.integer({ min: 0, max: 300 }),
    reset: resetArb,
    existingCustomer: fc.boolean(),
    events: fc.array(eventBody, { maxLength: 25 }),
    grants: fc.array(grantBody, { maxLength: 3 }),
  })
  .map(({ allowance, reset, existingCustomer, events, grants }) => ({
    version: 1 as const,
    workspaces: [
      {
        id: 'acme',
        name: 'Acme',
        provider: 'zite' as const,
        plan: 'free',
        existingCustomer,
        pools: [{ pool: 'integration' as const, allowance, reset }],
      },
    ],
    grants: grantsOf(grants),
    events: eventsOf(events),
  }));

const json = (l: Ledger, asOf: number) => evaluationJson(evaluateLedger(l, { asOf }));

describe('engine invariants', () => {
  test('used + remaining = available, and remaining never goes below 0 without overage', () => {
    fc.assert(
      fc.property(ledgerArb, instant, (l, asOf) => {
        for (const p of json(l, asOf).pools) {
          expect(p.used + p.remaining).toBeCloseTo(p.available, 9);
          expect(p.remaining).toBeGreaterThanOrEqual(0);
          expect(p.used).toBeGreaterThanOrEqual(0);
          if (p.available > 0)
            expect(p.percentUsed).toBeCloseTo(Math.round((p.used / p.available) * 10_000) / 100, 9);
        }
      }),
      RUNS,
    );
  });

  test('the order of the events in the file changes nothing', () => {
    const withShuffle = ledgerArb.chain((l) =>
      fc.tuple(
        fc.constant(l),
        fc.shuffledSubarray(l.events, { minLength: l.events.length, maxLength: l.events.length }),
        instant,
      ),
    );
    fc.assert(
      fc.property(withShuffle, ([l, shuffled, asOf]) => {
        expect(json({ ...l, events: shuffled }, asOf)).toEqual(json(l, asOf));
      }),
      RUNS,
    );
  });

  test('a later asOf in the same period never lowers used, blocked calls or an exhaustion instant', () => {
    fc.assert(
      fc.property(ledgerArb, instant, fc.double({ min: 0, max: 1, noNaN: true }), (l, asOf, step) => {
        const rule = l.workspaces[0]!.pools![0]!.reset!;
        const { end } = periodAt(rule, asOf);
        const later = asOf + Math.floor(step * (end - 1 - asOf));
        const [a] = json(l, asOf).pools;
        const [b] = json(l, later).pools;
        expect(b!.periodStart).toBe(a!.periodStart);
        expect(b!.used).toBeGreaterThanOrEqual(a!.used);
        expect(b!.blockedCalls).toBeGreaterThanOrEqual(a!.blockedCalls);
        if (a!.exhaustedAt !== null) expect(b!.exhaustedAt).toBe(a!.exhaustedAt);
      }),
      RUNS,
    );
  });

  test('events synced twice (same id, same content) change nothing', () => {
    const withCopies = ledgerArb.chain((l) =>
      fc.tuple(
        fc.constant(l),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        instant,
      ),
    );
    fc.assert(
      fc.property(withCopies, ([l, picks, places, asOf]) => {
        if (l.events.length === 0) return;
        const events = [...l.events];
        picks.forEach((pick, i) => {
          const copy = { ...l.events[pick % l.events.length]! };
          events.splice((places[i] ?? 0) % (events.length + 1), 0, copy);
        });
        expect(json({ ...l, events }, asOf)).toEqual(json(l, asOf));
      }),
      RUNS,
    );
  });
});
