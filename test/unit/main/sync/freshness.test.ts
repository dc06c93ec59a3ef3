import { describe, expect, it } from 'vitest';
import { freshnessOf } from '../../../../src-main/sync/freshness';
import { freshnessText } from '../../../../src-shared/display/freshness-text';

const policy = { liveForMs: 5 * 60_000, staleAfterMs: 30 * 60_000 };
const now = Date.UTC(2026, 10, 20, 12);
const min = 60_000;

/** The card's badge and creditbar status say the age in these words (src-shared/display/freshness-text). */
const words = (f: ReturnType<typeof freshnessOf>) =>
  freshnessText(f, now, { locale: 'en-US', timeZone: 'UTC' });

describe('freshnessOf', () => {
  it.each([
    [null, 'stale', null, 'Stale, never synced'],
    [now, 'live', 0, 'Live'],
    [now - 5 * min, 'live', 300, 'Live'],
    [now - 5 * min - 1000, 'cached', 301, 'Cached 5 minutes ago'],
    [now - 12 * min, 'cached', 720, 'Cached 12 minutes ago'],
    [now - 30 * min, 'cached', 1800, 'Cached 30 minutes ago'],
    [now - 31 * min, 'stale', 1860, 'Stale, synced 31 minutes ago'],
    [now - 3 * 60 * min, 'stale', 10_800, 'Stale, synced 3 hours ago'],
    [now - 3 * 1440 * min, 'stale', 259_200, 'Stale, synced 3 days ago'],
    // A sync stamped in our future (our clock went back) counts as just now, never as negative age.
    [now + 10 * min, 'live', 0, 'Live'],
  ] as const)('last sync %s → %s', (last, kind, age, text) => {
    const f = freshnessOf(last, now, policy);
    expect(f.kind).toBe(kind);
    expect(f.ageSeconds).toBe(age);
    expect(f.lastSyncAt).toBe(last === null ? null : new Date(last).toISOString());
    expect(words(f)).toBe(text);
  });
});

describe('snapshotDrift', () => {
  it('reports local minus server, and 0 for float noise', async () => {
    const { snapshotDrift } = await import('../../../../src-main/sync/reconcile');
    const base = {
      pool: 'integration' as const,
      checkedAt: Date.UTC(2026, 10, 20),
      asOf: 0,
      localUsed: 0,
      serverUsed: 0,
    };
    expect(snapshotDrift({ ...base, localRemaining: 120, serverRemaining: 100 })).toEqual({
      localRemaining: 120,
      serverRemaining: 100,
      difference: 20,
      checkedAt: '2026-11-20T00:00:00.000Z',
    });
    expect(snapshotDrift({ ...base, localRemaining: 0.1 + 0.2, serverRemaining: 0.3 }).difference).toBe(0);
  });
});

describe('freshnessOf after a failed sync', () => {
  it('is never live when the last attempt failed, however young the data', () => {
    const f = freshnessOf(now - 1 * min, now, policy, 'offline');
    expect(f.kind).toBe('cached');
    expect(words(f)).toBe('Offline, cached 1 minute ago');
    expect(words(freshnessOf(now - 2 * min, now, policy, 'error'))).toBe('Sync failed, cached 2 minutes ago');
    // Past the stale limit it is stale, and still says why.
    expect(words(freshnessOf(now - 40 * min, now, policy, 'offline'))).toBe(
      'Offline, stale, synced 40 minutes ago',
    );
  });
});
