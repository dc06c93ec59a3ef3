import { afterEach, describe, expect, it } from 'vitest';
import type { UsageEvent } from '../../../src-shared/types/ledger';
import { openCache, type Cache } from '../../../src-main/cache/cache';
import { tempDir } from '../../fixtures/temp-dir';

const dirs: { cleanup: () => void }[] = [];
const caches: Cache[] = [];
afterEach(() => {
  caches.splice(0).forEach((c) => c.close());
  dirs.splice(0).forEach((d) => d.cleanup());
});

function cacheWithWorkspace(): { cache: Cache; key: number } {
  const dir = tempDir();
  dirs.push(dir);
  const cache = openCache(dir.file());
  caches.push(cache);
  cache.write.accounts.upsert({ id: 'a', label: 'A', serverUrl: null }, 0);
  const { key } = cache.write.workspaces.upsert(
    'a',
    { id: 'w', name: 'W', provider: 'zite', plan: 'team' },
    0,
  );
  return { cache, key };
}

const T0 = Date.UTC(2026, 10, 1);
/** Events a minute apart; every third one in the message pool, some with the optional fields. */
const events = (from: number, count: number): UsageEvent[] =>
  Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return {
      id: `e${i}`,
      workspaceId: 'w',
      pool: i % 3 === 0 ? 'message' : 'integration',
      memberId: `m${i % 4}`,
      ...(i % 2 ? { app: 'crm' } : {}),
      action: 'email',
      ...(i % 5 === 0 ? { units: 2, credits: 1.5 } : {}),
      occurredAt: new Date(T0 + i * 60_000).toISOString(),
      ...(i % 7 === 0 ? { inputHash: `h${i}` } : {}),
    };
  });

describe('events insertMany (rows inserted 50 per statement)', () => {
  it('stores every field of every row, counts the new ones and the earliest per pool', () => {
    const { cache, key } = cacheWithWorkspace();
    const batch = events(0, 137); // two full groups of 50 and 37 rows one by one
    const r = cache.transaction(() => cache.write.events.insertMany(key, batch));
    expect(r.inserted).toBe(137);
    expect(r.earliestByPool).toEqual(
      new Map([
        ['message', T0],
        ['integration', T0 + 60_000],
      ]),
    );
    expect([...cache.read.events.iterateLedger(key, 'w')]).toEqual(batch);
  });

  it('counts only new ids when a batch is sent again with new ones among them', () => {
    const { cache, key } = cacheWithWorkspace();
    cache.transaction(() => cache.write.events.insertMany(key, events(100, 100)));
    // 0-99 and 200-229 are new; 100-199 are stored already, some of them in mixed groups of 50.
    const again = [...events(60, 100), ...events(0, 60), ...events(160, 70)];
    const r = cache.transaction(() => cache.write.events.insertMany(key, again));
    expect(r.inserted).toBe(130);
    expect(cache.read.events.count(key)).toBe(230);
    // Never later than the earliest new event (here the very first, e0).
    expect(r.earliestByPool.get('message')).toBe(T0);
    expect(r.earliestByPool.get('integration')).toBe(T0 + 60_000);
    const none = cache.transaction(() => cache.write.events.insertMany(key, events(0, 230)));
    expect(none.inserted).toBe(0);
    expect(none.earliestByPool.size).toBe(0);
  });

  it('skips rows older than a pool keeps raw, and duplicates inside one batch count once', () => {
    const { cache, key } = cacheWithWorkspace();
    const batch = [...events(0, 120), ...events(50, 10)];
    const horizon = new Map([['message', T0 + 30 * 60_000]] as const);
    const r = cache.transaction(() => cache.write.events.insertMany(key, batch, horizon));
    expect(r.skipped).toEqual(new Map([['message', 10]]));
    expect(r.inserted).toBe(110);
    expect(r.earliestByPool.get('message')).toBe(T0 + 30 * 60_000);
  });
});
