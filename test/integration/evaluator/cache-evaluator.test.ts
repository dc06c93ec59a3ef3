import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import type { EvaluateOptions } from '../../../src-shared/engine/evaluate';
import type { Ledger, UsageEvent } from '../../../src-shared/types/ledger';
import { openCache, openCacheReader, type Cache, type CacheReader } from '../../../src-main/cache/cache';
import { evaluateCache } from '../../../src-main/cache/evaluate-cache';
import { importLedger } from '../../../src-main/cache/ledger-import';
import { maintainCache } from '../../../src-main/cache/maintain-cache';
import { createCacheEvaluator } from '../../../src-main/evaluator/cache-evaluator';
import { multiMonthLedger } from '../../fixtures/multi-month';
import { storeBatch } from '../../fixtures/store-batch';
import { prng } from '../../fixtures/team-month';
import { tempDir } from '../../fixtures/temp-dir';

// The evaluator thread's engine (pools held in memory, topped up from the change feed, walked
// incrementally) against evaluateCache (every pool read and walked from the cache), over real
// SQLite files and the same write path as a sync. Expected values are always evaluateCache's:
// the property is that holding, topping up and resuming never change a result.

const HOUR = 3_600_000;
const open: { close(): void }[] = [];
const dirs: { cleanup(): void }[] = [];
afterEach(() => {
  open.splice(0).forEach((c) => c.close());
  dirs.splice(0).forEach((d) => d.cleanup());
});

/** A cache file with the ledger's workspaces, grants and rate cards and no events, and a second, read-only connection to it. */
function cacheOf(ledger: Ledger): { cache: Cache; reader: CacheReader; keys: Map<string, number> } {
  const dir = tempDir();
  dirs.push(dir);
  const cache = openCache(dir.file());
  open.push(cache);
  importLedger(cache, { ...ledger, events: [] }, { now: Date.UTC(2026, 4, 1) });
  const reader = openCacheReader(dir.file());
  open.unshift(reader);
  const keys = new Map(cache.read.workspaces.list().map((w) => [w.workspace.id, w.key]));
  return { cache, reader, keys };
}

const stepArb = fc.record({
  /** How many of the next events in time order arrive. */
  next: fc.integer({ min: 0, max: 120 }),
  /** Events held back from earlier syncs that arrive now (late), by position. */
  late: fc.array(fc.nat(), { maxLength: 4 }),
  /** Events already stored that arrive again. */
  again: fc.array(fc.nat(), { maxLength: 4 }),
  /** Hours the clock moves past the newest event. */
  hours: fc.integer({ min: 0, max: 60 }),
  /** Evaluate this many hours before now too (a reconciliation at the sync's start). */
  back: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
  maintain: fc.boolean(),
  lateFirst: fc.boolean(),
  thresholds: fc.option(fc.uniqueArray(fc.integer({ min: 5, max: 100 }), { minLength: 1, maxLength: 3 }), {
    nil: null,
  }),
  budget: fc.option(fc.integer({ min: 10, max: 2000 }), { nil: null }),
});

describe('the evaluator over a cache', () => {
  test('equals evaluateCache after every sync of a random sequence, with late, repeated and future events, compaction and new thresholds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(stepArb, { minLength: 2, maxLength: 10 }),
        fc.double({ min: 0, max: 0.15, noNaN: true }),
        (seed, steps, heldBack) => {
          const ledger = multiMonthLedger({ months: 3, perDay: 12, seed });
          const { cache, reader, keys } = cacheOf(ledger);
          const evaluator = createCacheEvaluator(reader);
          // Some events are held back and arrive later than their neighbours.
          const rand = prng(seed);
          const queue = ledger.events.filter(() => rand() >= heldBack);
          const late = ledger.events.filter((e) => !queue.includes(e));
          const stored: UsageEvent[] = [];
          let now = Date.UTC(2026, 4, 1);
          let overrides: EvaluateOptions['overrides'] = {};
          try {
            for (const step of steps) {
              const page = queue.splice(0, step.next);
              const other: UsageEvent[] = [];
              for (const k of step.late) if (late.length > 0) other.push(...late.splice(k % late.length, 1));
              for (const k of step.again) if (stored.length > 0) other.push(stored[k % stored.length]!);
              // Two pages, in either order: the feed then holds two changes of a pool for one evaluation.
              for (const p of step.lateFirst ? [other, page] : [page, other]) storeBatch(cache, keys, p);
              const batch = [...page, ...other];
              stored.push(...batch);
              // The clock may stand a few hours behind the newest events: they are cached but do not exist yet.
              const newest = Math.max(now, ...batch.map((e) => Date.parse(e.occurredAt)));
              now = Math.max(now, newest + step.hours * HOUR - (batch.length > 3 ? 3 * HOUR : 0));
              if (step.maintain) maintainCache(cache, { now });
              if (step.thresholds || step.budget) {
                overrides = {
                  'zite-pro': {
                    ...(step.thresholds ? { thresholds: step.thresholds } : {}),
                    ...(step.budget ? { budgets: { ana: step.budget } } : {}),
                  },
                };
              }
              const asOfs = step.back === null ? [now] : [now - step.back * HOUR, now];
              const got = evaluator.evaluate(asOfs.map((asOf) => ({ asOf, overrides })));
              asOfs.forEach((asOf, i) => expect(got[i]).toEqual(evaluateCache(cache, { asOf, overrides })));
            }
          } finally {
            reader.close();
            cache.close();
            open.splice(0);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  test('a steady sync reads and walks only the events it stored', () => {
    const ledger = multiMonthLedger({ months: 2, perDay: 40 });
    const { cache, reader, keys } = cacheOf(ledger);
    const evaluator = createCacheEvaluator(reader);
    const events = ledger.events.filter((e) => e.workspaceId === 'zite-pro');
    // The first half of the month arrives, then ten syncs of a few events each in time order.
    const half = events.findIndex((e) => e.occurredAt >= '2026-05-16');
    storeBatch(cache, keys, events.slice(0, half));
    const at = (i: number) => Date.parse(events[i - 1]!.occurredAt);
    evaluator.evaluate([{ asOf: at(half) }]);
    let i = half;
    for (let k = 0; k < 10; k++) {
      const batch = events.slice(i, i + 7);
      i += batch.length;
      storeBatch(cache, keys, batch);
      const [got] = evaluator.evaluate([{ asOf: at(i) }]);
      expect(got).toEqual(evaluateCache(cache, { asOf: at(i) }));
      const cost = evaluator.costs().find((c) => c.workspaceId === 'zite-pro')!;
      // 7 events stored, 7 read back and walked; the 'half a month' held stays in memory.
      expect(cost).toMatchObject({ read: 7, walked: 7, rewalked: false, held: i });
    }
    // Nothing new: nothing read, nothing walked, the same answer.
    const [again] = evaluator.evaluate([{ asOf: at(i) }]);
    expect(evaluator.costs().find((c) => c.workspaceId === 'zite-pro')).toMatchObject({ read: 0, walked: 0 });
    expect(again).toEqual(evaluateCache(cache, { asOf: at(i) }));
  });

  test('a workspace fed by balance readings: each new reading is in the next evaluation, as evaluateCache has it', () => {
    // A custom workspace of 1,000 credits a month in the local account: its readings are its usage.
    const ledger: Ledger = {
      version: 1,
      workspaces: [
        {
          id: 'manual',
          name: 'Manual',
          provider: 'custom',
          plan: 'custom',
          pools: [{ pool: 'integration', allowance: 1000 }],
        },
      ],
      grants: [],
      events: [],
      readings: [
        { id: 'r1', workspaceId: 'manual', pool: 'integration', at: '2026-05-04T09:00:00Z', remaining: 900 },
        { id: 'r2', workspaceId: 'manual', pool: 'integration', at: '2026-05-06T09:00:00Z', used: 250 },
      ],
    };
    const { cache, reader, keys } = cacheOf(ledger);
    const evaluator = createCacheEvaluator(reader);
    const asOf = Date.UTC(2026, 4, 8);
    const [first] = evaluator.evaluate([{ asOf }]);
    expect(first).toEqual(evaluateCache(cache, { asOf }));
    expect(first!.pools[0]!.current.used).toBe(250);
    cache.transaction(() =>
      cache.write.readings.add(
        keys.get('manual')!,
        { id: 'r3', workspaceId: 'manual', pool: 'integration', at: '2026-05-07T09:00:00Z', remaining: 600 },
        asOf,
      ),
    );
    const [second] = evaluator.evaluate([{ asOf }]);
    expect(second).toEqual(evaluateCache(cache, { asOf }));
    expect(second!.pools[0]!.current.used).toBe(400); // the page showed 600 of 1,000 left
  });
});
