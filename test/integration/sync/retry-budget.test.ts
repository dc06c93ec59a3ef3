import { afterEach, describe, expect, it } from 'vitest';
import type { RetryNotice } from '../../../src-main/sync/api-client';
import { SyncError } from '../../../src-main/sync/sync-errors';
import { createMemorySecretStore } from '../../../src-main/secrets/secret-store';
import { createSyncService } from '../../../src-main/sync/sync-service';
import { fakeTime, recentLedger, sync, serverAndCache, totalOnServer } from './sync-helpers';

const ledger = recentLedger(10);
const BUDGET_MS = 5 * 60_000;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const setup = () => serverAndCache(ledger, cleanups);

describe('a sync with a time budget', () => {
  it('keeps retrying a failing request past the old fixed count of 6 attempts, and finishes', async () => {
    const t = await setup();
    // Every answer a 500 until the 10th try of the first request that meets it.
    t.server.setFaults({ error500: 1 });
    const time = fakeTime();
    const retries: RetryNotice[] = [];
    const summary = await sync(t.cache, t.server.url, t.token, {
      now: time.now,
      sleep: async (ms) => {
        if (retries.length >= 9) t.server.setFaults(null);
        await time.sleep(ms);
      },
      retries,
      deadline: time.now() + BUDGET_MS,
    });
    expect(summary.errors).toEqual([]);
    expect(retries).toHaveLength(9);
    expect(retries.every((r) => r.reason.includes('failed with 500'))).toBe(true);
    expect(summary.inserted).toBe(await totalOnServer(t, ledger));
  });

  it('gives up once the budget is spent, saying how long it tried; a server answering nothing gets full backoff', async () => {
    const t = await setup();
    t.server.setFaults({ error500: 1 });
    const time = fakeTime();
    const start = time.now();
    const retries: RetryNotice[] = [];
    const error = await sync(t.cache, t.server.url, t.token, {
      now: time.now,
      sleep: time.sleep,
      retries,
      deadline: start + BUDGET_MS,
    }).catch((e: unknown) => e);
    t.server.setFaults(null);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).kind).toBe('server');
    expect((error as SyncError).message).toMatch(
      /^the server failed with 500 \(.+\) after \d+ attempts over [45] min: try again later; the last synced data stays available$/,
    );
    // Never past the budget: the last wait ended before it.
    expect(time.now() - start).toBeLessThan(BUDGET_MS);
    // The health check answered, so the first waits stay short (server failing at random)...
    expect(Math.max(...time.delays.slice(0, 19))).toBeLessThanOrEqual(2_000);
    // ... but 20 tries without one answer is a server that is down: the backoff grows to its cap.
    expect(Math.max(...time.delays)).toBeGreaterThan(15_000);
    expect(t.cache.read.syncState.account('acme').lastErrorKind).toBe('server');
  });
});

describe('the sync service (the app)', () => {
  it('takes its budget from what it is given at each sync (Settings → Keep retrying ...)', async () => {
    const t = await setup();
    const time = fakeTime();
    let minutes = 1;
    let failures = 0;
    const service = createSyncService({
      cache: t.cache,
      secrets: createMemorySecretStore({ acme: t.token }),
      now: time.now,
      sleep: async (ms) => {
        failures++;
        await time.sleep(ms);
      },
      budgetMs: () => minutes * 60_000,
    });
    const account = { id: 'acme', label: 'Acme', serverUrl: t.server.url };
    t.server.setFaults({ error500: 1 });
    // One minute: given up within it (the next wait would end past it), said in seconds.
    const error = await service.sync(account).catch((e: unknown) => e);
    expect((error as SyncError).message).toMatch(/after \d+ attempts over \d+ s: try again later/);
    const spent = failures;
    // Ten minutes: the same server is asked for longer, and comes back in time.
    minutes = 10;
    failures = 0;
    let settled = false;
    const summary = service.sync(account).finally(() => (settled = true));
    while (failures < spent + 5 && !settled) await new Promise((r) => setTimeout(r, 5));
    t.server.setFaults(null);
    expect((await summary).errors).toEqual([]);
  });
});

describe('what a sync that gives up says is kept', () => {
  // A first sync said "the last synced data stays available" of an account that had none.
  it('a first sync: nothing has synced yet; after a sync, the last synced data stays available', async () => {
    const t = await setup();
    const service = createSyncService({
      cache: t.cache,
      secrets: createMemorySecretStore({ acme: t.token }),
    });
    const url = t.server.url;
    const account = { id: 'acme', label: 'Acme', serverUrl: url };
    const down = { ...account, serverUrl: 'http://127.0.0.1:9' };
    const first = await service.sync(down).catch((e: unknown) => e);
    expect((first as SyncError).message).toBe(
      'cannot reach http://127.0.0.1:9 (ECONNREFUSED): check the server address and your connection; nothing has synced yet; the next sync tries again',
    );
    expect((await service.sync(account)).errors).toEqual([]);
    const later = await service.sync(down).catch((e: unknown) => e);
    expect((later as SyncError).message).toBe(
      'cannot reach http://127.0.0.1:9 (ECONNREFUSED): check the server address and your connection; the last synced data stays available',
    );
  });
});

describe('a body cut off mid-way', () => {
  it('is a broken answer of a server that is there, not "cannot reach ... check the server address"', async () => {
    const t = await setup();
    t.server.setFaults({ cut: 1 });
    const time = fakeTime();
    const retries: RetryNotice[] = [];
    const error = await sync(t.cache, t.server.url, t.token, {
      now: time.now,
      sleep: time.sleep,
      retries,
      retry: { retries: 1 },
    }).catch((e: unknown) => e);
    t.server.setFaults(null);
    expect((error as SyncError).kind).toBe('server');
    expect((error as SyncError).message).toMatch(
      /^the (answer to \/v1\/workspaces broke off before its end|connection to http:\/\/127\.0\.0\.1:\d+ closed before the answer to \/v1\/workspaces came \(\w+\)) after 2 attempts \(the server answered, but its answer was broken in transit\): try again later; the last synced data stays available$/,
    );
    expect(retries).toHaveLength(1);
    expect(t.cache.read.syncState.account('acme').lastErrorKind).toBe('server');
  });
});
