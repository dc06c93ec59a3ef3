import { existsSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../src-shared/ipc/snapshot';
import type { Cache } from '../../../src-main/cache/cache';
import { evaluateCache } from '../../../src-main/cache/evaluate-cache';
import { savedWalksFile } from '../../../src-main/evaluator/saved-walks';
import { appInstalls, startedWithDemo, type AppInstall } from './runtime-fixture';

// Restarts of the app runtime (its evaluator thread from source, the demo account) over the same
// cache file: closing saves the evaluator's walks beside the cache, the next start answers from
// them, and what the cards count is what the engine counts over the whole cache each time: with
// the walks, with usage that arrived since, and with a damaged file of walks.

const newInstall = appInstalls();

/** Used credits and blocked calls per workspace and pool, as the cards show them. */
function shown(s: Snapshot): Record<string, [number, number]> {
  return Object.fromEntries(
    s.workspaces.flatMap((w) => w.pools.map((p) => [`${w.id}/${p.pool}`, [p.used, p.blockedCalls]])),
  );
}

/** The same, as the engine counts them walking the whole cache now. */
function counted(cache: Cache): Record<string, [number, number]> {
  const evaluation = evaluateCache(cache, { asOf: Date.now() });
  return Object.fromEntries(
    evaluation.pools.map((p) => [`${p.workspace.id}/${p.pool}`, [p.current.used, p.current.blockedCalls]]),
  );
}

async function started(install: AppInstall) {
  const app = install.start();
  app.runtime.start();
  await app.runtime.whenIdle();
  return app;
}

describe('restarting over saved walks', { timeout: 180_000 }, () => {
  it('shows what the engine counts over the cache after each restart: saved walks, new usage, a damaged file', async () => {
    const install = newInstall();
    const first = await startedWithDemo(install);
    const before = shown(first.runtime.snapshot());
    expect(Object.keys(before).length).toBeGreaterThan(0);
    expect(before).toEqual(counted(first.cache));
    const walks = savedWalksFile(first.cache.file);
    await install.stop();
    expect(existsSync(walks)).toBe(true); // written when the runtime closed

    // 1. Over the saved walks: the same numbers, the engine's.
    const second = await started(install);
    expect(shown(second.runtime.snapshot())).toEqual(before);
    expect(shown(second.runtime.snapshot())).toEqual(counted(second.cache));

    // 2. Usage arrives after the walks were saved (a sync of this run): counted on top of them.
    const sim = install.state.demo!.simulator!;
    const { workspaceId, pool } = sim.roles.nearHalf;
    sim.pushPast(workspaceId, 60, pool);
    second.runtime.handlers.syncNow(undefined);
    await second.runtime.whenIdle();
    const pushed = shown(second.runtime.snapshot());
    expect(pushed[`${workspaceId}/${pool}`]![0]).toBeGreaterThan(before[`${workspaceId}/${pool}`]![0]);
    expect(pushed).toEqual(counted(second.cache));
    await install.stop();
    const third = await started(install);
    expect(shown(third.runtime.snapshot())).toEqual(counted(third.cache));
    expect(shown(third.runtime.snapshot())).toEqual(pushed);
    await install.stop();

    // 3. A damaged file of walks is not trusted: the periods are loaded, the numbers the same.
    writeFileSync(walks, 'not walks at all');
    const fourth = await started(install);
    expect(shown(fourth.runtime.snapshot())).toEqual(pushed);
    expect(shown(fourth.runtime.snapshot())).toEqual(counted(fourth.cache));
    expect(fourth.runtime.snapshot().sync.lastError).toBeNull();
  });
});
