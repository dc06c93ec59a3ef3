import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../src-main/cache/cache';
import { createMemorySecretStore } from '../../../src-main/secrets/secret-store';
import { createSyncService } from '../../../src-main/sync/sync-service';
import { recentLedger, serverEventCount, serverWith, spawnCli, sync, testCache } from './sync-helpers';

const ledger = recentLedger(25);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('a sync killed mid-way', () => {
  it('resumes from the last stored page: counts equal the server’s, nothing twice', async () => {
    const s = await serverWith(ledger);
    cleanups.push(() => s.server.close());
    const c = testCache();
    cleanups.push(c.cleanup);
    c.cache.close();
    // Every answer held 60 ms and small pages: the sync takes seconds, so the kill lands mid-way.
    s.server.setFaults({ slow: 1, slowMs: 60 });
    const { child, done } = spawnCli(
      [
        'sync',
        '--server',
        s.server.url,
        '--token-env',
        'ACME_TOKEN',
        '--db',
        c.file,
        '--page-size',
        '100',
        '--progress',
        '--account',
        'acme',
      ],
      { ACME_TOKEN: s.token },
    );
    // Readiness signal: the child says a page is stored after it committed it, a few pages in.
    await new Promise<void>((resolve, reject) => {
      let seen = 0;
      child.stderr!.on('data', (chunk: string) => {
        seen += chunk.split('\n').filter((l) => l.startsWith('syncing ')).length;
        if (seen >= 5) resolve();
      });
      child.on('close', () => reject(new Error('the sync ended before it could be killed')));
    });
    child.kill('SIGKILL');
    const run = await done;
    expect(run.signal).toBe('SIGKILL');
    s.server.setFaults(null);

    const cache = openCache(c.file);
    cleanups.push(() => cache.close());
    const stored = cache.read.events.count();
    expect(stored).toBeGreaterThanOrEqual(500);
    expect(stored).toBeLessThan(ledger.events.length);
    const zite = cache.read.workspaces.byId('zite-pro')!;
    expect(cache.read.syncState.workspace(zite.key).eventsReceived).toBe(cache.read.events.count(zite.key));

    const rest = await sync(cache, s.server.url, s.token);
    expect(rest.errors).toEqual([]);
    let onServer = 0;
    for (const w of ledger.workspaces) onServer += await serverEventCount(s.server.url, s.token, w.id);
    expect(stored + rest.inserted).toBe(onServer);
    expect(rest.received).toBe(rest.inserted);
    for (const w of rest.workspaces)
      for (const d of w.drift) expect(d.localRemaining).toBeCloseTo(d.serverRemaining, 8);
  });
});

describe('the sync service', () => {
  it('runs one sync at a time per account: a second request joins the running one', async () => {
    const s = await serverWith(ledger);
    cleanups.push(() => s.server.close());
    const c = testCache();
    cleanups.push(c.cleanup);
    const service = createSyncService({
      cache: c.cache,
      secrets: createMemorySecretStore({ acme: s.token }),
    });
    const account = { id: 'acme', label: 'Acme', serverUrl: s.server.url };
    const first = service.sync(account);
    const second = service.sync(account);
    expect(second).toBe(first);
    expect(service.isRunning('acme')).toBe(true);
    const summary = await first;
    expect(service.isRunning('acme')).toBe(false);
    expect(summary.inserted).toBe(ledger.events.length);
    const again = await service.sync(account);
    expect(again.received).toBe(0);
  });

  it('says which account has no token, and can cancel a running sync', async () => {
    const s = await serverWith(ledger);
    cleanups.push(() => s.server.close());
    const c = testCache();
    cleanups.push(c.cleanup);
    const secrets = createMemorySecretStore();
    const service = createSyncService({
      cache: c.cache,
      secrets,
      pageSize: 100,
      onProgress: () => service.cancel('acme'),
    });
    const account = { id: 'acme', label: 'Acme', serverUrl: s.server.url };
    await expect(service.sync(account)).rejects.toThrow(
      'no token is stored for account "Acme": add it in Settings',
    );
    await secrets.set('acme', s.token);
    await expect(service.sync(account)).rejects.toMatchObject({ kind: 'cancelled' });
    expect(c.cache.read.events.count()).toBe(100);
  });
});
