import { afterEach, describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/catalog';
import { evaluationJson } from '../../../src-shared/engine/status-json';
import type { Ledger } from '../../../src-shared/types/ledger';
import { evaluateCache } from '../../../src-main/cache/evaluate-cache';
import { recordReading } from '../../../src-main/manual/record-reading';
import { appInstall } from '../app/runtime-fixture';
import { serverWith, sync, testCache, type TestServer } from '../sync/sync-helpers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * A Zite Pro workspace synced from the reference server: 50,000 integration credits a calendar
 * month (the seed), and this month three emails (5 each on the seed) and ten API calls (1 each):
 * 25 used, 49,975 left by Creditbar's count.
 */
function ledger(now: number): Ledger {
  const start = new Date(now);
  const monthStart = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1);
  const at = (k: number) =>
    new Date(monthStart + Math.floor(((now - monthStart) * (k + 1)) / 20)).toISOString();
  const events = [
    ...[0, 1, 2].map((k) => ({ action: 'email', k })),
    ...[3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((k) => ({ action: 'integration:http', k })),
  ].map(({ action, k }) => ({
    id: `e${k}`,
    workspaceId: 'ops',
    pool: 'integration' as const,
    memberId: 'ana',
    action,
    occurredAt: at(k),
  }));
  return {
    version: 1,
    workspaces: [
      { id: 'ops', name: 'Ops portal', provider: 'zite', plan: 'pro', members: [{ id: 'ana', name: 'Ana' }] },
    ],
    grants: [],
    events,
  };
}

describe('a reading on a synced workspace is a check', () => {
  it('compares the platform’s number with the local count at that instant, and changes no balance', async () => {
    const now = Date.now();
    const server: TestServer = await serverWith(ledger(now));
    cleanups.push(() => server.server.close());
    const c = testCache();
    cleanups.push(c.cleanup);
    await sync(c.cache, server.server.url, server.token);
    const context = { catalog: builtinCatalog, now: Date.now() };

    // The platform's usage page says 49,950 left; Creditbar counted 49,975: 25 more left here.
    const outcome = recordReading(
      c.cache,
      { workspaceId: 'ops', pool: 'integration', remaining: 49_950 },
      context,
    );
    expect(outcome.kind).toBe('check');
    expect(outcome.local).toEqual({ used: 25, remaining: 49_975 });
    expect(outcome.mark).toBeNull();
    const stored = c.cache.read.readings.ofWorkspace(outcome.workspace.key, 'ops');
    expect(stored.map((s) => [s.reading.remaining, s.local])).toEqual([
      [49_950, { used: 25, remaining: 49_975 }],
    ]);

    // The balance stays the synced count: a check never feeds the engine.
    const status = evaluationJson(evaluateCache(c.cache, { asOf: Date.now(), catalog: builtinCatalog }));
    const pool = status.pools.find((p) => p.workspaceId === 'ops')!;
    expect(pool).toMatchObject({ used: 25, remaining: 49_975 });
    expect(pool.observed).toBeUndefined();
  });

  it('shows on the synced card with both numbers, through the app', async () => {
    const server: TestServer = await serverWith(ledger(Date.now()));
    cleanups.push(() => server.server.close());
    const install = appInstall();
    cleanups.push(() => install.cleanup());
    const { runtime } = install.start();
    runtime.start();
    await runtime.handlers.addAccount({ label: 'Acme', serverUrl: server.server.url, token: server.token });
    await runtime.whenIdle();

    const result = await runtime.handlers.recordReading({
      workspaceId: 'ops',
      pool: 'integration',
      remaining: 49_950,
    });
    expect(result).toMatchObject({
      kind: 'check',
      counted: null,
      check: { what: 'left', platform: 49_950, local: 49_975, difference: 25 },
    });
    await runtime.whenIdle();
    const card = runtime.snapshot().workspaces.find((w) => w.id === 'ops')!.pools[0]!;
    expect(card).toMatchObject({ used: 25, remaining: 49_975 });
    expect(card.readingCheck).toMatchObject({
      what: 'left',
      platform: 49_950,
      local: 49_975,
      difference: 25,
    });
  });
});
