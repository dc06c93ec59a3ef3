import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { builtinCatalog } from '../../../../src-shared/catalog/catalog';
import { poolGrants } from '../../../../src-shared/engine/checkpoint';
import { poolEvaluationOf } from '../../../../src-shared/engine/evaluate';
import { EventColumns } from '../../../../src-shared/engine/event-columns';
import { IncrementalPool } from '../../../../src-shared/engine/incremental-pool';
import { periodAt } from '../../../../src-shared/engine/periods';
import { preparePoolEvents } from '../../../../src-shared/engine/pool-events';
import type { PoolWalkConfig } from '../../../../src-shared/engine/pool-walk';
import { MarksTrace } from '../../../../src-shared/engine/walk-marks';
import { createPricer } from '../../../../src-shared/engine/pricing';
import type { ResolvedPool } from '../../../../src-shared/engine/resolve-workspace';
import type { UsageEvent, Workspace } from '../../../../src-shared/types/ledger';
import {
  eventsOf,
  grantBodyArb,
  grantsOf,
  readingBodyArb,
  readingsOf,
  resetArb,
} from '../helpers/engine-arbitraries';
import { calendarMonthPool, copyFrom } from '../helpers/pool-walk-config';

// A lead's new thresholds or member budgets re-mark the walked period (PoolWalk.remark) instead of
// walking a month of events again. The property: what the lead then sees (each threshold's instant,
// the alerts, when the pool ran dry, the forecast) equals a pool walked from scratch under the new
// settings, over months with late, repeated and blocked calls, grants and readings.

const HOUR = 3_600_000;
const FROM = Date.parse('2026-03-01T00:00:00Z');
const price = createPricer(builtinCatalog, 'zite', true, []);
const workspace: Workspace = { id: 'acme', name: 'Acme', provider: 'zite', plan: 'team' };

/** Mostly inside March 2026, on whole hours so that ties happen; a few in the days around it. */
const instant = fc
  .tuple(fc.integer({ min: -48, max: 31 * 24 + 48 }), fc.constantFrom(0, 0, 0, 1))
  .map(([h, m]) => FROM + h * HOUR + m * 60_000);

const eventArb = fc.record({
  action: fc.constantFrom('email', 'document', 'integration:twilio', 'fax'),
  credits: fc.option(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(0.1, 0.7, 2.25)), {
    nil: undefined,
  }),
  memberId: fc.constantFrom('ana', 'bob', 'cy'),
  at: instant,
});
const thresholdsArb = fc
  .uniqueArray(fc.constantFrom(5, 10, 25, 50, 75, 90, 100), { minLength: 1 })
  .map((t) => [...t].sort((a, b) => a - b));
const budgetsArb = fc.dictionary(
  fc.constantFrom('ana', 'bob', 'cy', 'dee'),
  fc.integer({ min: 1, max: 120 }),
);

const scenarioArb = fc.record({
  allowance: fc.integer({ min: 0, max: 400 }),
  overage: fc.boolean(),
  exhaustion: fc.constantFrom<'calls' | 'publishing'>('calls', 'calls', 'publishing'),
  reset: fc.oneof(fc.constant({ kind: 'calendar-month' as const }), resetArb),
  events: fc.array(eventArb, { maxLength: 60 }),
  grants: fc.array(grantBodyArb(instant), { maxLength: 3 }),
  readings: fc.oneof(fc.constant([]), fc.array(readingBodyArb(instant), { maxLength: 3 })),
  /** The syncs: which events each delivers (repeats are dropped by the source, some arrive late). */
  syncs: fc.array(fc.array(fc.nat(), { maxLength: 20 }), { minLength: 1, maxLength: 4 }),
  /** Each change: new thresholds (or the same), new budgets, one member's budget changed or removed. */
  settings: fc.array(
    fc.record({
      thresholds: fc.option(thresholdsArb, { nil: undefined }),
      budgets: fc.option(budgetsArb, { nil: undefined }),
      one: fc.option(
        fc.tuple(fc.constantFrom('ana', 'bob', 'cy'), fc.option(fc.integer({ min: 1, max: 120 }))),
        {
          nil: undefined,
        },
      ),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  asOf: instant,
  checkpoint: fc.boolean(),
});

describe('new thresholds or budgets re-mark the walked period', () => {
  afterEach(() => {
    MarksTrace.blockEvents = 4096;
  });

  // Blocks of 4 events, new thresholds alone: re-marking skips the blocks that cannot reach them.
  // The month of March (no period closed: every change re-marks), evaluated at its last instant.
  const MARCH = 31 * 24 * HOUR;
  const thresholdsOnly = scenarioArb.map((s) => ({
    ...s,
    reset: { kind: 'calendar-month' as const },
    checkpoint: true,
    asOf: FROM + MARCH - 1,
    events: s.events.map((e) => ({ ...e, at: FROM + ((((e.at - FROM) % MARCH) + MARCH) % MARCH) })),
    allowance: s.allowance + 100,
    settings: s.settings.map((c) => ({
      thresholds: c.thresholds ?? [95],
      budgets: undefined,
      one: undefined,
    })),
  }));
  test.each([
    [4096, scenarioArb],
    [4, thresholdsOnly],
  ])(
    'without walking it again, and the lead sees what a walk from scratch shows (blocks of %i events)',
    (block, arb) => {
      MarksTrace.blockEvents = block;
      let remarked = 0;
      fc.assert(
        fc.property(arb, (s) => {
          const pool: ResolvedPool = {
            pool: 'integration',
            allowance: s.allowance,
            reset: s.reset,
            overage: s.overage,
            exhaustion: s.exhaustion,
            thresholds: [50, 90, 100],
          };
          const startAt = s.checkpoint ? periodAt(s.reset, s.asOf).start : Number.NEGATIVE_INFINITY;
          const start = s.checkpoint
            ? { from: { start: startAt, carry: [] } }
            : { from: null, earliest: 'asOf' as const };
          const events = eventsOf(s.events.filter((e) => e.at >= startAt));
          const configOf = (marks: {
            thresholds: number[];
            budgets: Record<string, number>;
          }): PoolWalkConfig => ({
            pool: { ...pool, thresholds: marks.thresholds },
            thresholds: marks.thresholds,
            budgets: new Map(Object.entries(marks.budgets)),
            grants: poolGrants(grantsOf(s.grants), 'integration', Number.POSITIVE_INFINITY, startAt),
            readings: readingsOf(s.readings, startAt),
          });
          let config = configOf({ thresholds: [50, 90, 100], budgets: {} });
          const inc = new IncrementalPool(config, start);
          const known = new Map<string, UsageEvent>();
          for (const picks of s.syncs) {
            const fresh = picks
              .map((k) => events[k % Math.max(1, events.length)])
              .filter((e): e is UsageEvent => e !== undefined && !known.has(e.id));
            for (const e of fresh) known.set(e.id, e);
            if (fresh.length === 0) continue;
            const earliest = Math.min(...fresh.map((e) => Date.parse(e.occurredAt)));
            const all = preparePoolEvents([...known.values()], price, Number.POSITIVE_INFINITY);
            inc.replaceFrom(earliest, (into) => copyFrom(all, all.indexFrom(earliest), into));
            inc.evaluate(s.asOf);
          }
          const held = preparePoolEvents([...known.values()], price, Number.POSITIVE_INFINITY);
          inc.evaluate(s.asOf);
          let marks = { thresholds: [50, 90, 100], budgets: {} as Record<string, number> };
          for (const change of s.settings) {
            const budgets = { ...(change.budgets ?? marks.budgets) };
            if (change.one) {
              const [member, budget] = change.one;
              if (budget === null) delete budgets[member];
              else budgets[member] = budget;
            }
            marks = { thresholds: change.thresholds ?? marks.thresholds, budgets };
            config = configOf(marks);
            inc.configure(config);
            const seen = inc.evaluate(s.asOf);
            if (!inc.stats.rewalked) remarked++;
            const fresh = new IncrementalPool(config, start);
            fresh.replaceFrom(Number.NEGATIVE_INFINITY, (into) => copyFrom(held, 0, into));
            const expected = fresh.evaluate(s.asOf);
            expect(seen).toEqual(expected);
            expect(poolEvaluationOf(workspace, 'integration', seen)).toEqual(
              poolEvaluationOf(workspace, 'integration', expected),
            );
          }
        }),
        { numRuns: 300 },
      );
      // Most scenarios take the new settings without a walk (a closed period, or a walk that jumped
      // over quiet periods, still walks again).
      expect(remarked).toBeGreaterThan(300);
    },
  );
});

describe('a month of calls of 10 credits re-marked', () => {
  // A calendar-month pool of 100 credits; ana calls at 01:00, 02:00 ... on March 1st (10 credits
  // each), bob at the half hours (01:30 ... 10:30); a top-up of 100 credits arrives at 03:45, after
  // 6 calls (60 credits): from then on the pool holds 200.
  const at = (h: number) => FROM + h * HOUR;
  const base = calendarMonthPool(100);
  const grants = [
    { id: 't', kind: 'top-up' as const, credits: 100, grantedAt: at(3.75), expiresAt: Infinity },
  ];
  const events = new EventColumns();
  for (let k = 1; k <= 10; k++) {
    events.push(at(k), 10, false, 'ana', 'email', 'crm', undefined);
    events.push(at(k + 0.5), 10, false, 'bob', 'email', 'crm', undefined);
  }
  const asOf = at(12);

  test('new thresholds and budgets show the calls that reached them, the top-up counted', () => {
    const inc = new IncrementalPool({ ...base, grants }, { from: { start: FROM, carry: [] } });
    inc.replaceFrom(FROM, (into) => copyFrom(events, 0, into));
    inc.evaluate(asOf);
    inc.configure({
      ...base,
      grants,
      thresholds: [30, 80],
      budgets: new Map([
        ['ana', 25],
        ['bob', 60],
      ]),
    });
    const r = inc.evaluate(asOf).at(-1)!;
    expect(inc.stats).toEqual({ walked: 0, rewalked: false });
    // 30 % of 100: the third call (ana 01:00, bob 01:30, ana 02:00: 30 credits at 02:00). 80 %: not
    // of the 100 held before the top-up (60 used by then) but of 200: 160 credits, the 16th call
    // (bob's 08:30).
    expect(r.thresholds).toEqual([
      { percent: 30, reachedAt: at(2) },
      { percent: 80, reachedAt: at(8.5) },
    ]);
    // ana reaches 25 with her third call (02:00 -> 03:00: 30 credits), bob 60 with his sixth (06:30).
    expect(r.budgets).toEqual([
      { memberId: 'ana', budget: 25, used: 100, reachedAt: at(3) },
      { memberId: 'bob', budget: 60, used: 100, reachedAt: at(6.5) },
    ]);
    // 200 held with the top-up, all 20 calls ran: 200 used, dry at bob's last call (10:30).
    expect(r.used).toBe(200);
    expect(r.exhaustedAt).toBe(at(10.5));
  });
});
