import { afterEach, describe, expect, test } from 'vitest';
import { cacheCandidates } from '../../../src-shared/engine/advisors/cache-candidates';
import { evaluationJson } from '../../../src-shared/engine/status-json';
import { openCache, type Cache } from '../../../src-main/cache/cache';
import { evaluateCache } from '../../../src-main/cache/evaluate-cache';
import { importLedger } from '../../../src-main/cache/ledger-import';
import {
  createEvaluatorClient,
  EvaluatorCrashedError,
  type CacheEvaluatorClient,
} from '../../../src-main/evaluator/evaluator-client';
import { sourceWorker, type WorkerSpawner } from '../../../src-main/evaluator/worker-spawn';
import { crashSwitch } from './crash-switch';
import { multiMonthLedger } from '../../fixtures/multi-month';
import { teamMonthLedger } from '../../fixtures/team-month';
import { tempDir } from '../../fixtures/temp-dir';

// The evaluator as the app runs it: a real worker thread (started from source through tsx) with
// its own read-only connection, against evaluateCache in this thread over the same file.

const evaluatorThread = sourceWorker(
  new URL('../../../src-main/evaluator/evaluator-worker.ts', import.meta.url),
);

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A cache file holding both fixtures: six months of two workspaces, and a Team month of 20,000 events. */
function fixtureCache(): Cache {
  const dir = tempDir();
  const cache = openCache(dir.file());
  cleanups.push(
    () => dir.cleanup(),
    () => cache.close(),
  );
  const now = Date.UTC(2026, 10, 20);
  importLedger(cache, multiMonthLedger(), { now });
  importLedger(cache, teamMonthLedger(20_000, 2026, 11), { now });
  return cache;
}

function client(cache: Cache, spawn: WorkerSpawner, crashes: Error[] = []): CacheEvaluatorClient {
  const c = createEvaluatorClient({ data: { file: cache.file }, spawn, onCrash: (e) => crashes.push(e) });
  cleanups.push(() => c.dispose());
  return c;
}

describe('the evaluator thread', () => {
  test('evaluates the fixtures exactly as the engine does in this thread, at every instant asked', async () => {
    const cache = fixtureCache();
    const evaluator = client(cache, evaluatorThread);
    // Mid-period, at a period's last instant, just after a reset, and months back (history walked from summaries).
    const instants = [
      '2026-11-20T00:00:00Z',
      '2026-10-31T23:59:59Z',
      '2026-11-01T00:00:00Z',
      '2026-11-19T08:30:00Z',
    ];
    const overrides = { 'zite-pro': { thresholds: [25, 75], budgets: { ana: 300 } } };
    const requests = instants.map((i) => ({ asOf: Date.parse(i), overrides }));
    const { evaluations } = await evaluator.evaluate(requests);
    expect(evaluations).toHaveLength(instants.length);
    requests.forEach((r, k) => expect(evaluations[k]).toEqual(evaluateCache(cache, r)));
    // Every pool of every workspace is there, the Team month with its 20,000 events held.
    expect(evaluations[0]!.pools.map((p) => `${p.workspace.id}/${p.pool}`).sort()).toEqual(
      ['b44/integration', 'b44/message', 'team/integration', 'zite-pro/integration'].sort(),
    );
  });

  test("answers a reconciliation's side as each pool's used and remaining, beside the whole view", async () => {
    const cache = fixtureCache();
    const evaluator = client(cache, evaluatorThread);
    const view = { asOf: Date.UTC(2026, 10, 20) };
    const reconciling = { asOf: Date.UTC(2026, 10, 19, 8, 30), workspaceIds: ['team', 'b44'] };
    const { evaluations, balances } = await evaluator.evaluate([view], { balances: [reconciling] });
    expect(evaluations).toHaveLength(1);
    expect(evaluations[0]).toEqual(evaluateCache(cache, view));
    // What creditbar evaluate --json says of those pools at that instant (the server's /balance shape).
    const json = evaluationJson(evaluateCache(cache, reconciling));
    expect(balances).toEqual([
      json.pools.map((p) => ({
        workspaceId: p.workspaceId,
        pool: p.pool,
        used: p.used,
        remaining: p.remaining,
      })),
    ]);
    expect(balances[0]!.map((b) => `${b.workspaceId}/${b.pool}`).sort()).toEqual(
      ['b44/integration', 'b44/message', 'team/integration'].sort(),
    );
  });

  test("answers the view in the form the snapshot reads: the engine's evaluation, only the repeated inputs no cache would pay for left out", async () => {
    const cache = fixtureCache();
    const evaluator = client(cache, evaluatorThread);
    const view = { asOf: Date.UTC(2026, 10, 20) };
    const { evaluations } = await evaluator.evaluate([view], { viewForm: true });
    const whole = evaluateCache(cache, view);
    const got = evaluations[0]!;
    // The Team month repeats 50 fingerprints a few times a day each: none passes 100 calls a day.
    const team = whole.pools.find((p) => p.workspace.id === 'team')!;
    expect(team.current.repeats.size).toBeGreaterThan(50);
    expect(got.pools.find((p) => p.workspace.id === 'team')!.current.repeats.size).toBe(0);
    const noRepeats = (e: typeof whole) =>
      e.pools.map((p) => ({
        ...p,
        current: { ...p.current, repeats: null },
        periods: p.periods.map((r) => ({ ...r, repeats: null })),
      }));
    expect(noRepeats(got)).toEqual(noRepeats(whole));
    expect(got.alerts).toEqual(whole.alerts);
    got.pools.forEach((p, i) =>
      expect(cacheCandidates(p.current)).toEqual(cacheCandidates(whole.pools[i]!.current)),
    );
  });

  test('an error in the cached data is an answer, not a crash', async () => {
    const cache = fixtureCache();
    const evaluator = client(cache, evaluatorThread);
    // Raw events before the previous period are gone: a walk from before them cannot be answered.
    await expect(evaluator.evaluate([{ asOf: Date.UTC(2026, 5, 10) }])).rejects.toThrow(
      /keeps raw events of .* only/,
    );
    const { evaluations } = await evaluator.evaluate([{ asOf: Date.UTC(2026, 10, 20) }]);
    expect(evaluations[0]).toEqual(evaluateCache(cache, { asOf: Date.UTC(2026, 10, 20) }));
  });

  test('a crash rejects what was waiting, is reported, and the next request starts a new thread', async () => {
    const cache = fixtureCache();
    const crashes: Error[] = [];
    const threads = crashSwitch();
    const evaluator = client(cache, threads.spawn, crashes);
    const asOf = Date.UTC(2026, 10, 20);
    await evaluator.evaluate([{ asOf }]);
    threads.crash();
    const failed = await evaluator.evaluate([{ asOf }]).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(EvaluatorCrashedError);
    expect((failed as Error).message).toMatch(
      /the evaluator thread stopped \(simulated crash in the evaluator thread\)/,
    );
    expect(crashes).toHaveLength(1);
    const { evaluations } = await evaluator.evaluate([{ asOf }]);
    expect(threads.started()).toBe(2);
    expect(evaluations[0]).toEqual(evaluateCache(cache, { asOf }));
  });

  test('reports what it holds: nothing before it runs, then the Team month as columns', async () => {
    const cache = fixtureCache();
    const evaluator = client(cache, evaluatorThread);
    expect(await evaluator.memory()).toBeNull();
    await evaluator.evaluate([{ asOf: Date.UTC(2026, 10, 20), workspaceIds: ['team'] }]);
    const memory = (await evaluator.memory({ collect: true }))!;
    // The Team fixture's 20,000 November events are all its current period: every one is held,
    // in at least 10 bytes each (a Uint32 instant, a flag byte, five codes of a byte or more: price,
    // member, action, app, fingerprint).
    expect(memory.heldEvents).toBe(20_000);
    expect(memory.columnMb * 2 ** 20).toBeGreaterThanOrEqual(20_000 * 10);
    expect(memory.heapUsedMb).toBeGreaterThan(0);
    expect(memory.heapTotalMb).toBeGreaterThanOrEqual(memory.heapUsedMb);
    expect(memory.heapPhysicalMb).toBeGreaterThan(0);
    // V8's physical size may run a few pages past its committed total (seen: 28.78 against 28.77 MB).
    expect(memory.heapPhysicalMb).toBeLessThanOrEqual(memory.heapTotalMb + 1);
  });
});
