import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src-main/sync/api-client';
import { evaluationJson } from '../../../src-shared/engine/status-json';
import { evaluateCache } from '../../../src-main/cache/evaluate-cache';
import type { PoolStatusJson } from '../../../src-shared/engine/status-json';
import { toIso } from '../../../src-shared/time/instant';
import {
  recentLedger,
  runCliWith,
  serverEventCount,
  serverWith,
  sync,
  testCache,
  type TestServer,
} from './sync-helpers';

const ledger = recentLedger();
const workspaceIds = ledger.workspaces.map((w) => w.id);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(): Promise<TestServer & ReturnType<typeof testCache>> {
  const s = await serverWith(ledger);
  cleanups.push(() => s.server.close());
  const c = testCache();
  cleanups.push(c.cleanup);
  return { ...s, ...c };
}

const cachedCount = (t: ReturnType<typeof testCache>, id: string) =>
  t.cache.read.events.count(t.cache.read.workspaces.byId(id)!.key);

/** What `creditbar status` adds to each pool of the evaluate shape: its card's state. */
type CardField = 'state' | 'balance' | 'level' | 'passedThreshold' | 'stateLabel';

describe('sync against the reference server on loopback', () => {
  it('pulls everything, and the cache balance equals the server’s /balance for every pool', async () => {
    const t = await setup();
    const summary = await sync(t.cache, t.server.url, t.token, { pageSize: 1000 });
    expect(summary.errors).toEqual([]);
    expect(summary.received).toBe(ledger.events.length);
    expect(summary.inserted).toBe(ledger.events.length);
    expect(summary.workspaces.map((w) => w.workspaceId)).toEqual(workspaceIds);
    // Older months were summarised and dropped; what is kept is what the server holds since then.
    expect(summary.maintenance.summarised).toBeGreaterThan(0);
    for (const w of summary.workspaces) {
      expect(w.drift.length).toBeGreaterThan(0);
      for (const d of w.drift) expect(d.localRemaining).toBeCloseTo(d.serverRemaining, 8);
    }
    const asOf = toIso(Date.now());
    const status = await runCliWith(['status', '--db', t.file, '--as-of', asOf, '--json']);
    expect(status.code).toBe(0);
    const local = JSON.parse(status.stdout) as { pools: (PoolStatusJson & Record<CardField, unknown>)[] };
    const api = createApiClient({ baseUrl: t.server.url, token: t.token });
    let compared = 0;
    for (const id of workspaceIds) {
      const balance = await api.balance(id, Date.parse(asOf));
      for (const pool of balance.pools) {
        // The engine's numbers equal the server's; status adds what the card says of them (its state).
        const { state, balance, level, passedThreshold, stateLabel, ...numbers } = local.pools.find(
          (p) => p.workspaceId === id && p.pool === pool.pool,
        )!;
        expect([state, balance, level, passedThreshold, stateLabel]).not.toContain(undefined);
        expect(numbers).toEqual(pool);
        compared++;
      }
    }
    expect(compared).toBe(3);
  });

  it('an incremental sync pulls only what is new, counted once', async () => {
    const t = await setup();
    const first = await sync(t.cache, t.server.url, t.token);
    const extra = ledger.events.slice(-40).map((e, i) => ({ ...e, id: `${e.id}-new-${i}` }));
    t.server.admin.importLedger(t.accountId, { ...ledger, events: extra });
    const second = await sync(t.cache, t.server.url, t.token);
    expect(second.received).toBe(40);
    expect(second.inserted).toBe(40);
    const third = await sync(t.cache, t.server.url, t.token);
    expect(third.received).toBe(0);
    let onServer = 0;
    for (const id of workspaceIds) onServer += await serverEventCount(t.server.url, t.token, id);
    expect(first.inserted + second.inserted).toBe(onServer);
    // What the cache keeps raw is exactly the server's events from each pool's retention horizon on.
    for (const w of t.cache.read.workspaces.list()) {
      const kept = [...ledger.events, ...extra].filter((e) => {
        if (e.workspaceId !== w.workspace.id) return false;
        const rawFrom = t.cache.read.poolState.get(w.key, e.pool).rawFrom ?? -Infinity;
        return Date.parse(e.occurredAt) >= rawFrom;
      }).length;
      expect(t.cache.read.events.count(w.key)).toBe(kept);
    }
  });

  it('pages sent again (a cursor rewound) never count an event twice', async () => {
    const t = await setup();
    await sync(t.cache, t.server.url, t.token, { pageSize: 500 });
    const asOf = Date.now();
    const before = evaluationJson(evaluateCache(t.cache, { asOf }));
    const counts = workspaceIds.map((id) => cachedCount(t, id));
    // Rewind every cursor to the start: the server sends every page again.
    t.cache.db.prepare('UPDATE sync_state SET cursor = NULL').run();
    const again = await sync(t.cache, t.server.url, t.token, { pageSize: 700 });
    expect(again.received).toBe(ledger.events.length);
    expect(again.inserted).toBe(0);
    expect(workspaceIds.map((id) => cachedCount(t, id))).toEqual(counts);
    expect(evaluationJson(evaluateCache(t.cache, { asOf }))).toEqual(before);
  });

  it('starts over when the server no longer knows the stored cursor (cursor_expired), still counting once', async () => {
    const t = await setup();
    await sync(t.cache, t.server.url, t.token);
    const counts = workspaceIds.map((id) => cachedCount(t, id));
    // A second server with a fresh database and the same data: our cursors are from the old one.
    const other = await serverWith(ledger);
    cleanups.push(() => other.server.close());
    const again = await sync(t.cache, other.server.url, other.token);
    expect(again.errors).toEqual([]);
    expect(again.inserted).toBe(0);
    expect(workspaceIds.map((id) => cachedCount(t, id))).toEqual(counts);
  });

  it('the CLI prints one summary line and writes a cache that status and report read', async () => {
    const t = await setup();
    const run = await runCliWith(
      ['sync', '--server', t.server.url, '--token-env', 'ACME_TOKEN', '--db', t.file],
      { ACME_TOKEN: t.token },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toMatch(
      new RegExp(
        `^synced 2 workspace\\(s\\) from ${t.server.url.replace(/[.]/g, '\\.')}: ${ledger.events.length.toLocaleString('en-US')} new event\\(s\\) in \\d+ page\\(s\\), [\\d.]+ s; balances match the server\\n$`,
      ),
    );
    const month = toIso(Date.now()).slice(0, 7);
    const report = await runCliWith(['report', '--db', t.file, '--period', month, '--json']);
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout).pools).toHaveLength(3);
  });
});
