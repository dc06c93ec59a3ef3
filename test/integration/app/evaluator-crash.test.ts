import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../src-shared/ipc/snapshot';
import { crashSwitch } from '../evaluator/crash-switch';
import { appInstall } from './runtime-fixture';

// The engine runs in the evaluator thread. When that thread dies, the app says so in its log,
// keeps the last snapshot on screen, and a new thread takes over.

type Install = ReturnType<typeof appInstall>;

describe('a crash of the evaluator thread', { timeout: 90_000 }, () => {
  let install: Install | undefined;
  afterEach(async () => {
    await install?.cleanup();
    install = undefined;
  });

  async function demoApp() {
    install = appInstall();
    const threads = crashSwitch();
    const app = install.start({ evaluator: { spawn: threads.spawn } });
    const published: Snapshot[] = [];
    app.runtime.subscribe((s) => published.push(s));
    app.runtime.start();
    await app.runtime.handlers.startDemo(undefined);
    await app.runtime.whenIdle();
    return { ...app, threads, published, sim: install.state.demo!.simulator! };
  }

  const usedOf = (s: Snapshot, workspaceId: string, pool: string) =>
    s.workspaces.find((w) => w.id === workspaceId)!.pools.find((p) => p.pool === pool)!.used;

  it('is reported, evaluated again on a new thread, and the snapshot never goes blank', async () => {
    const { runtime, log, threads, published, sim } = await demoApp();
    const before = runtime.snapshot();
    expect(before.workspaces).toHaveLength(4);
    const { workspaceId, pool } = sim.roles.nearHalf;
    // New usage, then a sync whose evaluation hits a crash: retried once on a new thread.
    sim.pushPast(workspaceId, 55, pool);
    threads.crash(1);
    const seen = published.length;
    runtime.requestSync('manual');
    await runtime.whenIdle();
    const after = runtime.snapshot();
    expect(log.lines.some((l) => l.startsWith('error the evaluator thread crashed'))).toBe(true);
    expect(log.lines.some((l) => l.startsWith('warn evaluating again on a new evaluator thread'))).toBe(true);
    expect(threads.started()).toBe(2);
    expect(after.sync.lastError).toBeNull();
    expect(usedOf(after, workspaceId, pool)).toBeGreaterThan(usedOf(before, workspaceId, pool));
    // Every snapshot published meanwhile still showed the four workspaces.
    expect(published.slice(seen).every((s) => s.workspaces.length === 4)).toBe(true);
  });

  it('when the new thread dies too, the last numbers stay on screen with the reason, until a thread answers', async () => {
    const { runtime, threads, published } = await demoApp();
    const before = runtime.snapshot();
    const seen = published.length;
    // A settings change asks for an evaluation: it and its retry both crash.
    threads.crash(2);
    runtime.handlers.updateSettings({ thresholds: { 'zite-pro': { unit: 'percent', values: [10] } } });
    await runtime.whenIdle();
    const failed = runtime.snapshot();
    expect(failed.sync.lastError?.message).toMatch(
      /^Creditbar could not evaluate the cached usage: the evaluator thread stopped \(simulated crash in the evaluator thread\)$/,
    );
    expect(failed.workspaces.map((w) => w.pools.map((p) => p.used))).toEqual(
      before.workspaces.map((w) => w.pools.map((p) => p.used)),
    );
    expect(published.slice(seen).every((s) => s.workspaces.length === 4)).toBe(true);
    // The next evaluation (the next settings change) runs on a new thread and clears the reason.
    runtime.handlers.updateSettings({ thresholds: { 'zite-pro': { unit: 'percent', values: [20] } } });
    await runtime.whenIdle();
    const recovered = runtime.snapshot();
    expect(recovered.sync.lastError).toBeNull();
    const zite = recovered.workspaces.find((w) => w.id === 'zite-pro')!.pools[0]!;
    expect(zite.thresholds.map((t) => t.percent)).toEqual([20]);
    expect(threads.started()).toBe(3); // the first, the one that died on the retry, the one that answered
  });
});
