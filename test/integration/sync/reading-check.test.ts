import { afterEach, describe, expect, it } from 'vitest';
import type { EvaluationJson } from '../../../src-shared/engine/status-json';
import { recentLedger, runCliWith, serverWith, sync, testCache } from './sync-helpers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('a reading on a synced workspace is a check, not usage', () => {
  it('shows the platform number beside the local count, and leaves the balance as synced', async () => {
    const s = await serverWith(recentLedger(20));
    cleanups.push(() => s.server.close());
    const c = testCache();
    cleanups.push(c.cleanup);
    expect((await sync(c.cache, s.server.url, s.token)).errors).toEqual([]);

    const asOf = new Date().toISOString();
    const before = JSON.parse(
      (await runCliWith(['status', '--db', c.file, '--as-of', asOf, '--json'])).stdout,
    ) as EvaluationJson;
    const pool = before.pools.find((p) => p.workspaceId === 'zite-pro' && p.pool === 'integration')!;
    // The platform's page says 25 fewer left than Creditbar counted: 25 more left here.
    const shown = pool.remaining - 25;
    const r = await runCliWith([
      'reading',
      'add',
      '--db',
      c.file,
      '--workspace',
      'zite-pro',
      '--remaining',
      String(shown),
      '--at',
      asOf,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const fmt = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });
    expect(r.stdout).toContain(
      `a check of the synced count: the platform says ${fmt(shown)} left, Creditbar counted ${fmt(pool.remaining)} left then: drift of 25 (more left here)`,
    );

    const after = JSON.parse(
      (await runCliWith(['status', '--db', c.file, '--as-of', asOf, '--json'])).stdout,
    ) as EvaluationJson;
    expect(after.pools).toEqual(before.pools);
    const list = JSON.parse((await runCliWith(['reading', 'list', '--db', c.file, '--json'])).stdout) as {
      readings: { kind: string; local: { remaining: number }; counted: number | null }[];
    };
    expect(list.readings).toEqual([
      expect.objectContaining({
        kind: 'check',
        counted: null,
        local: { used: pool.used, remaining: pool.remaining },
      }),
    ]);
  });
});
