// A new view is published in steps (runtime-alerts.ts republishInSteps), and so is every tick: a
// tick's steps that read the cache before a sync's new view came out must never publish over it.
import { describe, expect, it } from 'vitest';
import { appInstalls, startedWithDemo } from './runtime-fixture';

const install = appInstalls();

describe('the snapshot with ticks every 20 ms', () => {
  it(
    'shows a sync’s new usage once the runtime is idle, and keeps showing it tick after tick',
    { timeout: 120_000 },
    async () => {
      const demo = install();
      const app = await startedWithDemo(demo, { tickMs: 20 });
      const sim = demo.state.demo!.simulator!;
      const { workspaceId, pool } = sim.roles.nearHalf;
      const percent = () =>
        app.runtime
          .snapshot()
          .workspaces.find((w) => w.id === workspaceId)!
          .pools.find((p) => p.pool === pool)!.percentUsed;
      expect(percent()).toBeLessThan(50);
      for (const past of [55, 60, 65]) {
        sim.pushPast(workspaceId, past, pool);
        expect(app.runtime.handlers.syncNow(undefined)).toEqual({ started: true });
        await app.runtime.whenIdle();
        expect(percent()).toBeGreaterThanOrEqual(past);
        // A few ticks later (each composes again in steps), still the new usage.
        await new Promise((ok) => setTimeout(ok, 200));
        expect(percent()).toBeGreaterThanOrEqual(past);
      }
    },
  );
});
