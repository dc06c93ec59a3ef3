import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import type { EvaluateOptions } from '../../../src-shared/engine/evaluate';
import type { Ledger, UsageEvent } from '../../../src-shared/types/ledger';
import { openCache, openCacheReader, type Cache } from '../../../src-main/cache/cache';
import { evaluateCache } from '../../../src-main/cache/evaluate-cache';
import { importLedger } from '../../../src-main/cache/ledger-import';
import { maintainCache } from '../../../src-main/cache/maintain-cache';
import { createCacheEvaluator } from '../../../src-main/evaluator/cache-evaluator';
import { createEvaluatorClient } from '../../../src-main/evaluator/evaluator-client';
import { savedWalkFileStore, savedWalksFile } from '../../../src-main/evaluator/saved-walks';
import { sourceWorker } from '../../../src-main/evaluator/worker-spawn';
import { multiMonthLedger } from '../../fixtures/multi-month';
import { storeBatch } from '../../fixtures/store-batch';
import { tempDir } from '../../fixtures/temp-dir';

// A restart of the evaluator over a cache with the walks its last run saved: the first evaluation
// resumes each pool from its saved walk when that still holds (reading only the events after it),
// and loads the period when it does not (a late event, new thresholds, a damaged or foreign file).
// Expected values are always evaluateCache's over the same file: resuming never changes a result.

const HOUR = 3_600_000;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A cache file with the ledger's workspaces and grants (no events yet). */
function cacheOf(ledger: Ledger): { cache: Cache; keys: Map<string, number> } {
  const dir = tempDir();
  const cache = openCache(dir.file());
  cleanups.push(
    () => dir.cleanup(),
    () => cache.close(),
  );
  importLedger(cache, { ...ledger, events: [] }, { now: Date.UTC(2026, 4, 1) });
  return { cache, keys: new Map(cache.read.workspaces.list().map((w) => [w.workspace.id, w.key])) };
}

/** One run of the evaluator over the file (a new read-only connection, the walks saved beside it). */
function run(cache: Cache) {
  const reader = openCacheReader(cache.file);
  cleanups.push(() => reader.close());
  return createCacheEvaluator(reader, { saved: savedWalkFileStore(cache.file) });
}

const zite = (evaluator: ReturnType<typeof run>) =>
  evaluator.costs().find((c) => c.workspaceId === 'zite-pro')!;

describe('a restart over saved walks', () => {
  // Two workspaces, May 2026; the first half of the month is stored, evaluated and saved.
  const ledger = multiMonthLedger({ months: 1, perDay: 40 });
  const zEvents = ledger.events.filter((e) => e.workspaceId === 'zite-pro');
  const half = zEvents.findIndex((e) => e.occurredAt >= '2026-05-16');
  const savedAt = Date.parse(zEvents[half - 1]!.occurredAt);

  function savedRun() {
    const { cache, keys } = cacheOf(ledger);
    storeBatch(
      cache,
      keys,
      ledger.events.filter((e) => e.occurredAt < '2026-05-16'),
    );
    const first = run(cache);
    first.evaluate([{ asOf: savedAt }]);
    // Zite's calendar month is saved; Base44's pools (anchored on the 15th, daily) closed a period
    // since their first record, which a resumed walk would not have: not saved (a compacted cache
    // starts them at their current period).
    expect(first.save().pools).toBe(1);
    return { cache, keys };
  }

  test('resumes from the saved walk, reads only the events stored since, and answers as evaluateCache', () => {
    const { cache, keys } = savedRun();
    // A steady sync after the app closed: ten more events, all after the saved instant.
    const next = zEvents.slice(half, half + 10);
    storeBatch(cache, keys, next);
    const asOf = Date.parse(next[9]!.occurredAt) + HOUR;
    const second = run(cache);
    const [got] = second.evaluate([{ asOf }]);
    expect(got).toEqual(evaluateCache(cache, { asOf }));
    expect(zite(second)).toMatchObject({ resumed: true, read: 10, walked: 10, rewalked: false });
    // Loaded in the background: the whole period is in memory and the answer is the same.
    second.warm();
    expect(zite(second).resumed).toBe(true); // warm() keeps the costs of the evaluation it follows
    const [warm] = second.evaluate([{ asOf }]);
    expect(warm).toEqual(got);
    expect(zite(second)).toMatchObject({ resumed: false, held: half + 10 });
    // A late event now walks again from memory, as before the restart.
    storeBatch(
      cache,
      keys,
      zEvents.slice(half - 40, half).map((e, i) => ({ ...e, id: `late-${i}` })),
    );
    const [late] = second.evaluate([{ asOf }]);
    expect(late).toEqual(evaluateCache(cache, { asOf }));
    expect(zite(second).rewalked).toBe(true);
  });

  test('a late event stored after the walk was saved: the period is loaded, the answer is right', () => {
    const { cache, keys } = savedRun();
    // An event from the 3rd arrives after the save: the saved walk never saw it.
    storeBatch(cache, keys, [{ ...zEvents[10]!, id: 'late-one', credits: 500 }]);
    const second = run(cache);
    const [got] = second.evaluate([{ asOf: savedAt + HOUR }]);
    expect(got).toEqual(evaluateCache(cache, { asOf: savedAt + HOUR }));
    expect(zite(second)).toMatchObject({ resumed: false, notResumed: 'data it walked changed since' });
    expect(got!.pools.find((p) => p.workspace.id === 'zite-pro')!.current.calls).toBe(half + 1);
  });

  test('new thresholds or budgets since the save: the period is loaded and walked with them', () => {
    const { cache } = savedRun();
    const overrides: EvaluateOptions['overrides'] = {
      'zite-pro': { thresholds: [20, 40], budgets: { ana: 50 } },
    };
    const second = run(cache);
    const [got] = second.evaluate([{ asOf: savedAt + HOUR, overrides }]);
    expect(got).toEqual(evaluateCache(cache, { asOf: savedAt + HOUR, overrides }));
    expect(zite(second)).toMatchObject({ resumed: false, notResumed: 'prices or settings changed' });
  });

  test('a damaged file is never trusted: each walk is refused, the period loaded, the answer right', () => {
    const { cache } = savedRun();
    const file = savedWalksFile(cache.file);
    const bytes = readFileSync(file);
    // Flip a byte near the end (inside the last saved walk's numbers, not the header).
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0xff;
    writeFileSync(file, bytes);
    const second = run(cache);
    const [got] = second.evaluate([{ asOf: savedAt + HOUR }]);
    expect(got).toEqual(evaluateCache(cache, { asOf: savedAt + HOUR }));
    expect(zite(second)).toMatchObject({
      resumed: false,
      notResumed: 'the saved walk is damaged (checksum)',
    });
    // A file cut short, and a file that is not one at all, give no walks and say why.
    for (const [content, problem] of [
      [bytes.subarray(0, bytes.length >> 1), /cut short|damaged/],
      [Buffer.from('hello'), /not a file of saved walks/],
    ] as const) {
      writeFileSync(file, content);
      const third = run(cache);
      const [again] = third.evaluate([{ asOf: savedAt + HOUR }]);
      expect(again).toEqual(evaluateCache(cache, { asOf: savedAt + HOUR }));
      expect(third.costs().every((c) => !c.resumed)).toBe(true);
      expect(third.savedProblem()).toMatch(problem);
    }
  });

  test('a run closed before its first evaluation keeps the walks the run before saved', () => {
    const { cache } = savedRun();
    run(cache).save(); // started and closed at once: nothing evaluated, nothing walked
    const third = run(cache);
    const [got] = third.evaluate([{ asOf: savedAt + HOUR }]);
    expect(got).toEqual(evaluateCache(cache, { asOf: savedAt + HOUR }));
    expect(zite(third)).toMatchObject({ resumed: true, read: 0 });
  });

  test('a periodic save with nothing new since the last writes nothing; new events make it write', () => {
    const { cache, keys } = savedRun();
    const evaluator = run(cache);
    evaluator.evaluate([{ asOf: savedAt + HOUR }]);
    expect(evaluator.save().pools).toBe(1);
    // Later instants, no new data: the walk saved before still resumes, nothing to write.
    evaluator.evaluate([{ asOf: savedAt + 2 * HOUR }]);
    expect(evaluator.save({ unlessUnchanged: true })).toEqual({ pools: 0, bytes: 0 });
    storeBatch(cache, keys, zEvents.slice(half, half + 5));
    evaluator.evaluate([{ asOf: savedAt + 3 * HOUR }]);
    expect(evaluator.save({ unlessUnchanged: true }).pools).toBe(1);
    // Closing always writes (save() without the option).
    expect(evaluator.save().pools).toBe(1);
  });

  test("another cache's saved walks (same workspaces, same events) are not used", () => {
    const a = savedRun();
    const b = savedRun();
    writeFileSync(savedWalksFile(b.cache.file), readFileSync(savedWalksFile(a.cache.file)));
    const second = run(b.cache);
    const [got] = second.evaluate([{ asOf: savedAt + HOUR }]);
    expect(got).toEqual(evaluateCache(b.cache, { asOf: savedAt + HOUR }));
    expect(second.costs().every((c) => !c.resumed)).toBe(true);
    expect(second.savedProblem()).toBe('the saved walks belong to another cache');
  });

  /** A sync of the next 40 events in order, nothing late or repeated, an hour later. */
  const inOrder = (restart: boolean) => ({
    next: 40,
    late: [],
    again: [],
    hours: 1,
    restart,
    maintain: false,
    thresholds: null,
  });

  test('restarts at random points of a sequence of syncs with late and repeated events and new thresholds answer as evaluateCache', () => {
    let resumed = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(
          fc.record({
            next: fc.integer({ min: 0, max: 150 }),
            late: fc.array(fc.nat(), { maxLength: 3 }),
            again: fc.array(fc.nat(), { maxLength: 3 }),
            hours: fc.integer({ min: 0, max: 40 }),
            restart: fc.boolean(),
            maintain: fc.boolean(),
            thresholds: fc.option(fc.constantFrom<number[]>([30], [60, 90]), { nil: null }),
          }),
          { minLength: 2, maxLength: 8 },
        ),
        (seed, steps) => {
          const l = multiMonthLedger({ months: 2, perDay: 12, seed });
          const { cache, keys } = cacheOf(l);
          const queue = l.events.filter((_, i) => i % 9 !== 4);
          const held = l.events.filter((_, i) => i % 9 === 4);
          const stored: UsageEvent[] = [];
          let evaluator = run(cache);
          let now = Date.UTC(2026, 4, 1);
          let overrides: EvaluateOptions['overrides'] = {};
          for (const step of steps) {
            const batch = queue.splice(0, step.next);
            for (const k of step.late) if (held.length > 0) batch.push(...held.splice(k % held.length, 1));
            for (const k of step.again) if (stored.length > 0) batch.push(stored[k % stored.length]!);
            if (step.restart) evaluator.save();
            storeBatch(cache, keys, batch);
            stored.push(...batch);
            now = Math.max(now, ...batch.map((e) => Date.parse(e.occurredAt))) + step.hours * HOUR;
            // Compaction summarises closed periods, as after a sync: walks then start at the current one.
            if (step.maintain) maintainCache(cache, { now });
            if (step.thresholds) overrides = { 'zite-pro': { thresholds: step.thresholds } };
            if (step.restart) evaluator = run(cache);
            const [got] = evaluator.evaluate([{ asOf: now, overrides }]);
            expect(got).toEqual(evaluateCache(cache, { asOf: now, overrides }));
            resumed += evaluator.costs().filter((c) => c.resumed).length;
            if (step.restart) evaluator.warm();
          }
        },
      ),
      {
        numRuns: 20,
        // A restart between two in-order syncs resumes, whatever the random runs drew: the check below
        // failed now and then when none of 20 random sequences held such a restart.
        examples: [[7, [inOrder(false), inOrder(true), inOrder(false)]]],
      },
    );
    // Not passing by never resuming: some restarts did resume (others had a late event or new thresholds).
    expect(resumed).toBeGreaterThan(0);
  });
});

describe('the evaluator thread across a restart', () => {
  test('closing saves the walks; the next thread resumes from them with the same answer', async () => {
    const ledger = multiMonthLedger({ months: 1, perDay: 40 });
    const { cache, keys } = cacheOf(ledger);
    storeBatch(
      cache,
      keys,
      ledger.events.filter((e) => e.occurredAt < '2026-05-20'),
    );
    const spawn = sourceWorker(new URL('../../../src-main/evaluator/evaluator-worker.ts', import.meta.url));
    const asOf = Date.UTC(2026, 4, 20);
    const first = createEvaluatorClient({ data: { file: cache.file }, spawn, onCrash: () => undefined });
    await first.evaluate([{ asOf }]);
    await first.dispose(); // saves the walks before the thread ends
    const second = createEvaluatorClient({ data: { file: cache.file }, spawn, onCrash: () => undefined });
    cleanups.push(() => second.dispose());
    const { evaluations, costs } = await second.evaluate([{ asOf: asOf + HOUR }]);
    expect(evaluations[0]).toEqual(evaluateCache(cache, { asOf: asOf + HOUR }));
    expect(costs.find((c) => c.workspaceId === 'zite-pro')).toMatchObject({ resumed: true, read: 0 });
  });
});
