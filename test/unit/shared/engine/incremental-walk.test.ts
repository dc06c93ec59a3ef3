import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { builtinCatalog } from '../../../../src-shared/catalog/catalog';
import { poolGrants } from '../../../../src-shared/engine/checkpoint';
import { EventColumns } from '../../../../src-shared/engine/event-columns';
import { IncrementalPool } from '../../../../src-shared/engine/incremental-pool';
import type { Lot } from '../../../../src-shared/engine/lots';
import { periodAt } from '../../../../src-shared/engine/periods';
import { preparePoolEvents } from '../../../../src-shared/engine/pool-events';
import { PoolWalk, type PoolWalkConfig } from '../../../../src-shared/engine/pool-walk';
import { createPricer } from '../../../../src-shared/engine/pricing';
import type { ResolvedPool } from '../../../../src-shared/engine/resolve-workspace';
import { simulatePool } from '../../../../src-shared/engine/simulate-pool';
import type { UsageEvent } from '../../../../src-shared/types/ledger';
import {
  eventsOf,
  grantBodyArb,
  grantsOf,
  readingBodyArb,
  readingsOf,
  resetArb,
} from '../helpers/engine-arbitraries';
import { calendarMonthPool, copyFrom } from '../helpers/pool-walk-config';

// The resumable walk against the walk in one go. Every expectation is simulatePool over the same
// records: the property is that stopping, resuming, receiving late or repeated events and changing
// thresholds never change a result.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Records fall in late January to early April 2026, mostly on whole hours so that ties happen. */
const FROM = Date.parse('2026-01-25T00:00:00Z');
const HOURS = 70 * 24;
const MINUTE = 60_000;
const RUNS = { numRuns: 200 };
const price = createPricer(builtinCatalog, 'zite', true, [
  { provider: 'zite', effectiveFrom: '2026-03-01T00:00:00Z', rates: { email: 1 } },
]);

const instant = fc
  .tuple(fc.integer({ min: 0, max: HOURS }), fc.constantFrom(0, 0, 0, 1, 59))
  .map(([h, m]) => FROM + h * HOUR + m * MINUTE);

const eventArb = fc.record({
  action: fc.constantFrom('email', 'document', 'db', 'integration:twilio', 'integration:slack', 'fax'),
  credits: fc.option(fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constantFrom(0.1, 0.7, 2.25)), {
    nil: undefined,
  }),
  memberId: fc.constantFrom('ana', 'bob', 'cy'),
  app: fc.constantFrom('crm', 'mailer', undefined),
  inputHash: fc.constantFrom('q1', 'q2', undefined),
  at: instant,
});

const thresholdsArb = fc
  .uniqueArray(fc.constantFrom(10, 25, 50, 75, 90, 100), { minLength: 1 })
  .map((t) => [...t].sort((a, b) => a - b));
const budgetsArb = fc.dictionary(fc.constantFrom('ana', 'bob', 'cy', 'dee'), fc.integer({ min: 1, max: 80 }));

/** One sync: some of the events (maybe again), an instant to evaluate at, maybe new thresholds. */
const stepArb = fc.record({
  picks: fc.array(fc.nat(), { maxLength: 12 }),
  asOf: instant,
  later: fc.integer({ min: 0, max: 4 }).map((k) => k > 0),
  thresholds: fc.option(thresholdsArb, { nil: undefined }),
  budgets: fc.option(budgetsArb, { nil: undefined }),
});

/** A balance reading: used or remaining as the platform's page showed it. */
const readingArb = readingBodyArb(instant);

const scenarioArb = fc.record({
  allowance: fc.integer({ min: 0, max: 300 }),
  overage: fc.boolean(),
  exhaustion: fc.constantFrom<'calls' | 'publishing'>('calls', 'calls', 'publishing'),
  readings: fc.oneof(fc.array(readingArb, { maxLength: 0 }), fc.array(readingArb, { maxLength: 4 })),
  reset: resetArb,
  events: fc.array(eventArb, { maxLength: 40 }),
  grants: fc.array(grantBodyArb(instant), { maxLength: 3 }),
  thresholds: thresholdsArb,
  budgets: budgetsArb,
  steps: fc.array(stepArb, { minLength: 1, maxLength: 8 }),
  /** Start from a checkpoint (with a carried bonus) instead of the first record. */
  checkpoint: fc.option(fc.record({ at: instant, carry: fc.integer({ min: 0, max: 40 }) }), { nil: null }),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;

function records(s: Scenario) {
  const pool: ResolvedPool = {
    pool: 'integration',
    allowance: s.allowance,
    reset: s.reset,
    overage: s.overage,
    exhaustion: s.exhaustion,
    thresholds: [50, 90, 100],
  };
  const from = s.checkpoint
    ? {
        start: periodAt(s.reset, s.checkpoint.at).start,
        carry: [
          {
            id: 'carried',
            kind: 'bonus',
            grantedAt: FROM - DAY,
            expiresAt: Number.POSITIVE_INFINITY,
            balance: s.checkpoint.carry,
          },
        ] satisfies Lot[],
      }
    : null;
  const startAt = from?.start ?? Number.NEGATIVE_INFINITY;
  const grants = grantsOf(s.grants);
  // With a checkpoint, the records before it are in its carried lots, not in the input.
  const events = eventsOf(s.events.filter((e) => e.at >= startAt));
  const poolGrantList = poolGrants(grants, 'integration', Number.POSITIVE_INFINITY, startAt);
  const config: PoolWalkConfig = {
    pool,
    thresholds: s.thresholds,
    budgets: new Map(Object.entries(s.budgets)),
    grants: poolGrantList,
    readings: readingsOf(s.readings, startAt),
  };
  return { from, grants: poolGrantList, events, config };
}

/** The events a source holds, priced and ordered as the engine's own preparation orders them. */
function held(known: ReadonlyMap<string, UsageEvent>) {
  return preparePoolEvents([...known.values()], price, Number.POSITIVE_INFINITY);
}

describe('the resumable walk', () => {
  test('incremental evaluation equals the walk in one go after every sync, with late, repeated and future events', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { from, grants, events, config: initial } = records(s);
        let config = initial;
        const inc = new IncrementalPool(config, { from });
        const known = new Map<string, UsageEvent>();
        let asOf = FROM;
        for (const step of s.steps) {
          // A sync delivers some events; ids already held are repeats and the source drops them.
          const fresh = step.picks
            .map((k) => events[k % Math.max(1, events.length)])
            .filter((e): e is UsageEvent => e !== undefined && !known.has(e.id));
          for (const e of fresh) known.set(e.id, e);
          if (fresh.length > 0) {
            const earliest = Math.min(...fresh.map((e) => Date.parse(e.occurredAt)));
            const all = held(known);
            inc.replaceFrom(earliest, (into) => copyFrom(all, all.indexFrom(earliest), into));
          }
          if (step.thresholds || step.budgets) {
            config = {
              ...config,
              ...(step.thresholds ? { thresholds: step.thresholds } : {}),
              ...(step.budgets ? { budgets: new Map(Object.entries(step.budgets)) } : {}),
            };
            inc.configure(config);
          }
          // Mostly forward in time, as syncs go; sometimes back (a reconciliation at the sync's start).
          asOf = step.later ? Math.max(asOf, step.asOf) : step.asOf;
          const expected = simulatePool({
            ...config,
            events: preparePoolEvents([...known.values()], price, asOf),
            grants: grants.filter((g) => g.grantedAt <= asOf),
            readings: (config.readings ?? []).filter((r) => r.t <= asOf),
            asOf,
            ...(from
              ? { from: { start: from.start, carry: from.carry.map((l) => ({ ...l })) } }
              : { earliest: asOf }),
          });
          expect(inc.evaluate(asOf)).toEqual(expected);
        }
      }),
      RUNS,
    );
  });

  test('a steady sync walks only the events that arrived since the last evaluation', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 2, max: 6 }), (s, parts) => {
        const { from, events, config } = records(s);
        // Events arrive in time order, a slice per sync, each sync evaluated at its newest event.
        const all = held(new Map(events.map((e) => [e.id, e])));
        if (all.length === 0) return;
        const inc = new IncrementalPool(config, { from });
        let given = 0;
        let asOf = Number.NEGATIVE_INFINITY;
        for (let k = 1; k <= parts; k++) {
          let upTo = Math.max(1, Math.floor((all.length * k) / parts));
          // Never split an instant between two syncs: its second half would be a late event.
          while (upTo < all.length && all.time(upTo) === all.time(upTo - 1)) upTo++;
          if (upTo > given) {
            inc.replaceFrom(all.time(given), (into) => copyFrom(all, given, into, upTo));
            given = upTo;
          }
          const previous = asOf;
          asOf = all.time(given - 1);
          inc.evaluate(asOf);
          if (k === 1) continue;
          // Only the events after the previous evaluation's instant were walked.
          let arrived = 0;
          for (let i = 0; i < given; i++) if (all.time(i) > previous) arrived++;
          expect(inc.stats).toEqual({ walked: arrived, rewalked: false });
        }
      }),
      RUNS,
    );
  });

  test('results asked at a later instant leave the walk as it was', () => {
    fc.assert(
      fc.property(scenarioArb, instant, instant, (s, a, b) => {
        const { from, grants, events, config } = records(s);
        const [early, late] = a <= b ? [a, b] : [b, a];
        const all = held(new Map(events.map((e) => [e.id, e])));
        const start = from ?? {
          start: Math.min(early, all.length > 0 ? all.time(0) : early, grants[0]?.grantedAt ?? early),
          carry: [],
        };
        const walk = new PoolWalk(config, start);
        walk.advance(all, early);
        if (walk.period.start > early) return;
        // Asking for the period at a later instant of the same period, then walking on, changes nothing.
        const peek = Math.min(late, walk.period.end - 1);
        // A reading in between must be walked over first (it changes the count): nothing to peek at.
        if ((config.readings ?? []).some((r) => r.t > early && r.t <= peek)) return;
        walk.current(peek);
        walk.advance(all, late);
        const once = new PoolWalk(config, start);
        once.advance(all, late);
        expect(walk.results(late)).toEqual(once.results(late));
      }),
      RUNS,
    );
  });
});

describe('the resumable walk at the edges of the burn window', () => {
  // A calendar-month pool of 100 credits; a call of 10 credits at the period's first instant and one
  // of 5 a day later. Seven days after the start the window (asOf − 7 d, asOf] clipped to the period
  // still holds the first instant, so the burn rate counts both calls: 15 credits over 7 days.
  const config = calendarMonthPool(100);
  const start = Date.parse('2026-03-01T00:00:00Z');
  const events = new EventColumns();
  events.push(start, 10, false, 'ana', 'email', 'crm', undefined);
  events.push(start + DAY, 5, false, 'ana', 'email', 'crm', undefined);

  test('a call at the period start stays in the window seven days on, walked in one go or resumed', () => {
    const asOf = start + 7 * DAY;
    const once = new PoolWalk(config, { start, carry: [] });
    once.advance(events, asOf);
    const resumed = new PoolWalk(config, { start, carry: [] });
    resumed.advance(events, start + DAY);
    resumed.advance(events, start + 3 * DAY);
    resumed.advance(events, asOf);
    for (const walk of [once, resumed]) {
      const r = walk.current(asOf);
      expect(r.window.credits).toBe(15);
      expect(r.window.buckets).toEqual([0, 0, 0, 0, 0, 0, 15]);
      expect(r.used).toBe(15);
    }
    // A minute later the first call has left the window: only the 5 credits of the second remain.
    resumed.advance(events, asOf + MINUTE);
    expect(resumed.current(asOf + MINUTE).window.credits).toBe(5);
  });

  test('asking for the period before the instant already walked to is refused', () => {
    const walk = new PoolWalk(config, { start, carry: [] });
    walk.advance(events, start + 2 * DAY);
    expect(() => walk.current(start + DAY)).toThrow(/at or after the instant it walked to/);
  });
});

describe('a burn window of a thousand calls', () => {
  // A calendar-month pool that never runs dry; a call of 1 credit every 10 minutes from March 1st,
  // 00:00 (call k at k x 10 min) to March 21st, 00:00 (k = 2,880). A window (asOf − 7 d, asOf] holds
  // 7 x 144 = 1,008 calls, one day 144; the window grows past its first 256 places and, once calls
  // leave it, is compacted in place instead of grown again.
  const config = calendarMonthPool(1_000_000);
  const start = Date.parse('2026-03-01T00:00:00Z');
  const events = new EventColumns();
  for (let k = 0; k <= 2_880; k++)
    events.push(start + k * 10 * MINUTE, 1, false, 'ana', 'email', 'crm', undefined);

  // asOf, calls in its window, calls up to it: at March 8th the window is clipped to the period and
  // holds its first instant (k = 0 ... 1,008); later ones hold (asOf − 7 d, asOf].
  const checks: [string, number, number][] = [
    ['2026-03-08T00:00:00Z', 1_009, 1_009],
    ['2026-03-15T12:00:00Z', 1_008, 2_089],
    ['2026-03-21T00:00:00Z', 1_008, 2_881],
  ];

  test('walked in one go or resumed every 6 hours, each window holds the calls of its 7 days', () => {
    const resumed = new PoolWalk(config, { start, carry: [] });
    let at = start;
    for (const [iso, inWindow, used] of checks) {
      const asOf = Date.parse(iso);
      const once = new PoolWalk(config, { start, carry: [] });
      once.advance(events, asOf);
      for (; at < asOf; at = Math.min(asOf, at + 6 * HOUR)) resumed.advance(events, at);
      resumed.advance(events, asOf);
      for (const walk of [once, resumed]) {
        const r = walk.current(asOf);
        expect(r.window.credits).toBe(inWindow);
        expect(r.used).toBe(used);
      }
    }
    // Seven whole days of 144 calls each, by day.
    expect(resumed.current(Date.parse('2026-03-21T00:00:00Z')).window.buckets).toEqual(Array(7).fill(144));
  });
});
