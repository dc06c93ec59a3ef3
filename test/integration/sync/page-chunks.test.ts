import { afterEach, describe, expect, it } from 'vitest';
import { STORE_CHUNK } from '../../../src-main/sync/store-page';
import { recentLedger, serverEventCount, serverWith, sync, testCache } from './sync-helpers';

// ~8,000 events, ~70 % of them in zite-pro: its first 5,000-event page is stored in ten chunks.
const ledger = recentLedger(40);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('a usage page stored in chunks (the main thread answers between them)', () => {
  it('a failure mid-page keeps the cursor before the page; the next sync stores every event exactly once', async () => {
    const s = await serverWith(ledger);
    cleanups.push(() => s.server.close());
    const c = testCache();
    cleanups.push(c.cleanup);
    const { cache } = c;
    // The cache file fails on the write after the first chunk and a half (a full disk, say): a real
    // SQLite error in the second chunk's transaction, which rolls that chunk back.
    const failAt = STORE_CHUNK + STORE_CHUNK / 2;
    cache.db.exec(
      `CREATE TEMP TRIGGER fail_mid_page BEFORE INSERT ON events WHEN (SELECT count(*) FROM events) >= ${failAt}
       BEGIN SELECT RAISE(ABORT, 'disk I/O error (played by the test)'); END`,
    );
    await expect(sync(cache, s.server.url, s.token, { pageSize: 5000 })).rejects.toThrow(
      'disk I/O error (played by the test)',
    );
    const zite = cache.read.workspaces.byId('zite-pro')!;
    // The first chunk was committed on its own; the page's cursor and count were not moved.
    expect(cache.read.events.count()).toBe(STORE_CHUNK);
    expect(cache.read.events.count(zite.key)).toBe(STORE_CHUNK);
    expect(cache.read.syncState.workspace(zite.key)).toMatchObject({ cursor: null, eventsReceived: 0 });

    cache.db.exec('DROP TRIGGER fail_mid_page');
    const rest = await sync(cache, s.server.url, s.token, { pageSize: 5000 });
    expect(rest.errors).toEqual([]);
    let onServer = 0;
    for (const w of ledger.workspaces) {
      const n = await serverEventCount(s.server.url, s.token, w.id);
      onServer += n;
      const key = cache.read.workspaces.byId(w.id)!.key;
      // Every page counted received once, whether its first chunk was stored before or not.
      expect(cache.read.syncState.workspace(key).eventsReceived).toBe(n);
    }
    expect(onServer).toBe(ledger.events.length);
    // The page was fetched again whole; the chunk already stored was recognised by id.
    expect(rest.received).toBe(onServer);
    expect(rest.inserted).toBe(onServer - STORE_CHUNK);
    for (const w of rest.workspaces)
      for (const d of w.drift) expect(d.localRemaining).toBeCloseTo(d.serverRemaining, 8);
  });
});
