import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { PoolStatusJson } from '../../../src-shared/engine/status-json';
import { toIso } from '../../../src-shared/time/instant';
import { driftOf } from '../../../src-main/sync/reconcile';
import { recentLedger, runCliWith, serverWith, sync, testCache } from './sync-helpers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('drift: the server’s data changes where the cursor cannot see it', () => {
  it('records the difference with its sign, and creditbar status keeps reporting the local numbers', async () => {
    const now = Date.now();
    const ledger = recentLedger(20, now);
    // A provider-charged call of this period, already on the server when the cache first syncs.
    ledger.events.push({
      id: 'charged-1',
      workspaceId: 'zite-pro',
      pool: 'integration',
      memberId: 'ana',
      action: 'integration:twilio',
      credits: 4,
      // Inside this month's period even in the first seconds of a month.
      occurredAt: new Date(
        Math.max(now - 30_000, Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 1)),
      ).toISOString(),
    });
    const s = await serverWith(ledger);
    cleanups.push(() => s.server.close());
    const c = testCache();
    cleanups.push(c.cleanup);

    const first = await sync(c.cache, s.server.url, s.token);
    expect(first.errors).toEqual([]);
    for (const w of first.workspaces) for (const d of w.drift) expect(driftOf(d)).toBe(0);

    // The provider re-rates the call on the server (4 → 14 credits): an event the cache already
    // holds changes, so no cursor ever sends it again. Like every write to a workspace's records
    // from another process, it bumps the workspace's revision (what /balance's cache is keyed by).
    const serverDb = new Database(s.server.dbPath);
    const changed = serverDb.prepare("UPDATE events SET credits = 14 WHERE id = 'charged-1'").run().changes;
    serverDb
      .prepare(
        "UPDATE workspaces SET revision = revision + 1 WHERE pk = (SELECT workspace_pk FROM events WHERE id = 'charged-1')",
      )
      .run();
    serverDb.close();
    expect(changed).toBe(1);

    const second = await sync(c.cache, s.server.url, s.token);
    expect(second.errors).toEqual([]);
    expect(second.received).toBe(0);
    const zite = second.workspaces.find((w) => w.workspaceId === 'zite-pro')!;
    expect(zite.drift).toHaveLength(1);
    const d = zite.drift[0]!;
    expect(d.pool).toBe('integration');
    // The server counts 10 credits more: it has 10 fewer left than the cache thinks (drift +10).
    expect(d.serverUsed - d.localUsed).toBeCloseTo(10, 8);
    expect(d.serverRemaining).toBeGreaterThan(0);
    expect(d.localRemaining - d.serverRemaining).toBeCloseTo(10, 8);
    expect(driftOf(d)).toBe(10);
    // Recorded in the cache as the pool's last reconciliation; the other workspace is in step.
    const key = c.cache.read.workspaces.byId('zite-pro')!.key;
    expect(c.cache.read.drift.forWorkspace(key)).toEqual([d]);
    for (const w of second.workspaces.filter((w) => w.workspaceId !== 'zite-pro'))
      for (const other of w.drift) expect(driftOf(other)).toBe(0);

    // status reads the cache: the local numbers, not the server's.
    const status = await runCliWith(['status', '--db', c.file, '--as-of', toIso(d.asOf), '--json']);
    expect(status.code).toBe(0);
    const pools = (JSON.parse(status.stdout) as { pools: PoolStatusJson[] }).pools;
    const pool = pools.find((p) => p.workspaceId === 'zite-pro' && p.pool === 'integration')!;
    expect(pool.used).toBeCloseTo(d.localUsed, 8);
    expect(pool.remaining).toBeCloseTo(d.localRemaining, 8);

    // The CLI's summary line names the drift with its sign.
    const cli = await runCliWith(
      ['sync', '--server', s.server.url, '--token-env', 'ACME_TOKEN', '--db', c.file, '--account', 'acme'],
      { ACME_TOKEN: s.token },
    );
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/; drift against the server: zite-pro integration \+10\n$/);
  }, 60_000);
});
