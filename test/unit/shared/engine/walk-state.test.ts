import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { builtinCatalog } from '../../../../src-shared/catalog/catalog';
import { poolGrants } from '../../../../src-shared/engine/checkpoint';
import { EventColumns } from '../../../../src-shared/engine/event-columns';
import { IncrementalPool } from '../../../../src-shared/engine/incremental-pool';
import { preparePoolEvents } from '../../../../src-shared/engine/pool-events';
import { PoolWalk, type PoolWalkConfig } from '../../../../src-shared/engine/pool-walk';
import { createPricer } from '../../../../src-shared/engine/pricing';
import type { ResolvedPool } from '../../../../src-shared/engine/resolve-workspace';
import { firstWalkInstant, simulatePool } from '../../../../src-shared/engine/simulate-pool';
import {
  columnsFor,
  decodeWalkState,
  encodeWalkState,
  WalkStateError,
} from '../../../../src-shared/engine/walk-state';
import {
  eventsOf,
  grantBodyArb,
  grantsOf,
  readingBodyArb,
  readingsOf,
  resetArb,
} from '../helpers/engine-arbitraries';
import { calendarMonthPool } from '../helpers/pool-walk-config';

// A walk saved in the middle of a period, written as bytes, read back and resumed over only the
// events after the saved instant, against the walk of every event in one go (simulatePool): the
// property is that saving and resuming never changes a result.

const HOUR = 3_600_000;
const MINUTE = 60_000;
const FROM = Date.parse('2026-03-01T00:00:00Z');
const HOURS = 40 * 24;
const price = createPricer(builtinCatalog, 'zite', true);

const instant = fc
  .tuple(fc.integer({ min: 0, max: HOURS }), fc.constantFrom(0, 0, 1, 59))
  .map(([h, m]) => FROM + h * HOUR + m * MINUTE);

const eventArb = fc.record({
  action: fc.constantFrom('email', 'document', 'integration:twilio', 'fax'),
  credits: fc.option(fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constantFrom(0.1, 0.7, 2.25)), {
    nil: undefined,
  }),
  memberId: fc.constantFrom('ana', 'bob', 'cy'),
  app: fc.constantFrom('crm', 'mailer', undefined),
  inputHash: fc.constantFrom('q1', 'q2', undefined),
  at: instant,
});

const scenarioArb = fc.record({
  allowance: fc.integer({ min: 0, max: 300 }),
  overage: fc.boolean(),
  reset: resetArb,
  events: fc.array(eventArb, { maxLength: 40 }),
  grants: fc.array(grantBodyArb(instant), { maxLength: 3 }),
  readings: fc.array(readingBodyArb(instant), { maxLength: 3 }),
  thresholds: fc
    .uniqueArray(fc.constantFrom(10, 50, 90, 100), { minLength: 1 })
    .map((t) => t.sort((a, b) => a - b)),
  budgets: fc.dictionary(fc.constantFrom('ana', 'bob'), fc.integer({ min: 1, max: 80 })),
  saveAt: instant,
  asOf: instant,
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;

function configOf(s: Scenario): PoolWalkConfig {
  const pool: ResolvedPool = {
    pool: 'integration',
    allowance: s.allowance,
    reset: s.reset,
    overage: s.overage,
    exhaustion: 'calls',
    thresholds: s.thresholds,
  };
  return {
    pool,
    thresholds: s.thresholds,
    budgets: new Map(Object.entries(s.budgets)),
    grants: poolGrants(grantsOf(s.grants), 'integration', Number.POSITIVE_INFINITY),
    readings: readingsOf(s.readings),
  };
}

/** The events after `t`, appended to columns made from the saved state (what the cache hands on). */
function after(all: EventColumns, t: number, into: EventColumns): EventColumns {
  for (let i = all.indexAfter(t); i < all.length; i++)
    into.push(
      all.time(i),
      all.priceOf(i),
      all.unknown[i] === 1,
      all.members.values[all.member[i]!]!,
      all.actions.values[all.action[i]!]!,
      all.apps.values[all.app[i]!]!,
      all.inputHash[i]! < 0 ? undefined : all.hashes.values[all.inputHash[i]!],
    );
  return into;
}

/** A walk of the scenario's events up to its save instant, from the period of its first record. */
function savedWalk(s: Scenario) {
  const config = configOf(s);
  const all = preparePoolEvents(eventsOf(s.events), price, Number.POSITIVE_INFINITY);
  const saveAt = Math.min(s.saveAt, s.asOf);
  const start = firstWalkInstant(all, config.grants, config.readings ?? [], saveAt);
  const walk = new PoolWalk(config, { start, carry: [] });
  walk.advance(all, saveAt);
  return { config, all, saveAt, start, walk };
}

describe('a saved walk', () => {
  test('read back and resumed over the later events only, it equals the walk in one go', () => {
    let resumed = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { config, all, saveAt, start, walk } = savedWalk(s);
        const state = walk.saveState();
        // A walk that closed a period keeps results a resumed one would not have: never saved.
        if (walk.closed.length > 0) {
          expect(state).toBeNull();
          return;
        }
        expect(state).not.toBeNull();
        const read = decodeWalkState(encodeWalkState(state!));
        expect(read).toEqual(state);
        const asOf = Math.max(s.asOf, saveAt);
        const pool = IncrementalPool.resumed(config, read, after(all, saveAt, columnsFor(read)));
        if (!pool.resumes(asOf)) return; // past the period: its owner loads the whole period instead
        resumed++;
        const expected = simulatePool({ ...config, events: all, asOf, from: { start, carry: [] } });
        expect(pool.evaluate(asOf)).toEqual(expected);
        expect(pool.stats.rewalked).toBe(false);
      }),
      { numRuns: 300 },
    );
    // The property above must not pass by skipping: most scenarios resume.
    expect(resumed).toBeGreaterThan(100);
  });

  test('a resumed pool refuses to walk again over the events it does not hold', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { config, all, saveAt, walk } = savedWalk(s);
        const state = walk.saveState();
        if (!state) return;
        const pool = IncrementalPool.resumed(config, state, after(all, saveAt, columnsFor(state)));
        // New thresholds mean walking the period again: a resumed pool cannot, and says so.
        pool.configure({ ...config, thresholds: [25] });
        expect(() => pool.evaluate(saveAt)).toThrow(/load the period/);
      }),
      { numRuns: 50 },
    );
  });

  test('resumed with other thresholds than it walked with, it is refused', () => {
    const s = fc.sample(scenarioArb, { numRuns: 1, seed: 7 })[0]!;
    const { config, all, saveAt, walk } = savedWalk({ ...s, thresholds: [50, 90] });
    const state = walk.saveState()!;
    expect(() =>
      IncrementalPool.resumed({ ...config, thresholds: [50] }, state, after(all, saveAt, columnsFor(state))),
    ).toThrow(/thresholds it walked with/);
  });
});

test('a walk resumed before a carried lot expires lets it expire at its instant', () => {
  // March: 100 credits of plan, 50 bonus credits carried from February that expire on Mar 10. Worked
  // by hand: 30 credits on Mar 2 come from the bonus (it expires first), 20 of it expire unspent on
  // Mar 10, so the bonus counts 30; 10 credits on Mar 12 come from the plan. On Mar 15: 40 used of 130.
  const config = calendarMonthPool(100);
  const DAY = 24 * HOUR;
  const carry = [
    {
      id: 'feb-bonus',
      kind: 'bonus' as const,
      grantedAt: FROM - 20 * DAY,
      expiresAt: FROM + 9 * DAY,
      balance: 50,
    },
  ];
  const all = new EventColumns();
  all.push(FROM + DAY, 30, false, 'ana', 'email', 'crm', undefined);
  all.push(FROM + 11 * DAY, 10, false, 'ana', 'email', 'crm', undefined);
  const walk = new PoolWalk(config, { start: FROM, carry });
  walk.advance(all, FROM + 4 * DAY);
  const state = decodeWalkState(encodeWalkState(walk.saveState()!));
  // Resumed as the cache resumes it: from the saved period's start, the carried lot only in the state.
  const resumed = IncrementalPool.resumed(config, state, after(all, FROM + 4 * DAY, columnsFor(state)));
  const [march] = resumed.evaluate(FROM + 14 * DAY);
  expect(march).toMatchObject({ used: 40, bonus: 30 });
  expect(march!.carryOut).toEqual([]);
  const expected = simulatePool({
    ...config,
    events: all,
    asOf: FROM + 14 * DAY,
    from: { start: FROM, carry },
  });
  expect([march]).toEqual(expected);
});

describe('reading a saved walk', () => {
  const config = calendarMonthPool(100);
  const events = new EventColumns();
  events.push(FROM + HOUR, 10, false, 'ana', 'email', 'crm', 'q1');
  events.push(FROM + 2 * HOUR, 5, false, 'bob', 'fax', undefined, undefined);
  const walk = new PoolWalk(config, { start: FROM, carry: [] });
  walk.advance(events, FROM + 3 * HOUR);
  const bytes = encodeWalkState(walk.saveState()!);

  test('keeps what was walked: 15 credits used by two members, the window holding both calls', () => {
    const state = decodeWalkState(bytes);
    expect(state.used).toBe(15);
    expect(state.members).toEqual(['ana', 'bob']);
    expect([...state.windowT]).toEqual([FROM + HOUR, FROM + 2 * HOUR]);
    expect([...state.windowP]).toEqual([10, 5]);
  });

  test('a damaged, cut or foreign file is refused with a reason, never read as a walk', () => {
    const flipped = bytes.slice();
    flipped[40] = flipped[40]! ^ 0xff;
    expect(() => decodeWalkState(flipped)).toThrow(WalkStateError);
    expect(() => decodeWalkState(flipped)).toThrow(/checksum/);
    expect(() => decodeWalkState(bytes.slice(0, bytes.length - 8))).toThrow(/length/);
    expect(() => decodeWalkState(new Uint8Array(64))).toThrow(/not a walk state/);
    const newer = bytes.slice();
    new DataView(newer.buffer).setUint32(4, 99, true);
    expect(() => decodeWalkState(newer)).toThrow(/format 99/);
  });

  test('bytes at an odd offset (a slice of a larger buffer) read the same', () => {
    const larger = new Uint8Array(bytes.length + 3);
    larger.set(bytes, 3);
    expect(decodeWalkState(larger.subarray(3))).toEqual(decodeWalkState(bytes));
  });
});
