import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../../src-shared/types/ledger';
import type { Cache } from '../../../src-main/cache/cache';
import { cacheFiles } from '../../fixtures/cache-files';

// One workspace is read by its key (a sync's upsert, byId) without reading every workspace: it
// must come back exactly as the whole list reads it, and a re-sync must still tell what changed.
const files = cacheFiles(Date.parse('2026-11-20T12:00:00Z'));

function freshCache(): Cache {
  const cache = files.fresh();
  cache.write.accounts.upsert({ id: 'acc', label: 'Acme', serverUrl: 'http://127.0.0.1:9' }, 1);
  return cache;
}

const declared: Workspace = {
  id: 'team',
  name: 'Team',
  provider: 'zite',
  plan: 'team',
  existingCustomer: true,
  catalogVersion: '2026-01',
  billingDay: 12,
  pools: [
    { pool: 'integration', allowance: 5_000, reset: { kind: 'anchor-day', day: 12 }, overage: false },
    { pool: 'message', allowance: 300 },
  ],
  members: [
    { id: 'm2', name: 'Bo', budget: 40 },
    { id: 'm1', name: 'Ana' },
  ],
  thresholds: [50, 90],
};
const bare: Workspace = { id: 'solo', name: 'Solo', provider: 'base44', plan: 'builder' };

describe('reading one cached workspace', () => {
  it('byId reads each workspace as the list does, whatever it declares', () => {
    const cache = freshCache();
    cache.write.workspaces.upsert('acc', declared, 1, 'sync');
    cache.write.workspaces.upsert('acc', bare, 1, 'ledger');
    const listed = cache.read.workspaces.list();
    expect(listed).toHaveLength(2);
    for (const w of listed) {
      expect(cache.read.workspaces.byId(w.workspace.id)).toEqual(w);
      expect(cache.read.workspaces.byKey(w.key)).toEqual(w);
    }
    // Members come back in their order, not by id.
    expect(cache.read.workspaces.byId('team')!.workspace.members!.map((m) => m.id)).toEqual(['m2', 'm1']);
    expect(cache.read.workspaces.byId('missing')).toBeNull();
  });

  it('a re-sync tells a changed plan or budget from an unchanged workspace', () => {
    const cache = freshCache();
    cache.write.workspaces.upsert('acc', bare, 1, 'sync');
    const first = cache.write.workspaces.upsert('acc', declared, 1, 'sync');
    expect(first.configChanged).toBe(true);
    expect(cache.write.workspaces.upsert('acc', declared, 2, 'sync')).toEqual({
      key: first.key,
      configChanged: false,
    });
    const budget = { ...declared, members: [{ id: 'm2', name: 'Bo', budget: 50 }, declared.members![1]!] };
    expect(cache.write.workspaces.upsert('acc', budget, 3, 'sync').configChanged).toBe(true);
    const plan = { ...budget, plan: 'business' };
    expect(cache.write.workspaces.upsert('acc', plan, 4, 'sync').configChanged).toBe(true);
    // Thresholds sent in another order (or twice) are the same config: no re-walk on every sync.
    const reordered = { ...plan, thresholds: [90, 50, 90] };
    expect(cache.write.workspaces.upsert('acc', reordered, 5, 'sync').configChanged).toBe(false);
    expect(
      cache.write.workspaces.upsert('acc', { ...plan, thresholds: [50, 80] }, 6, 'sync').configChanged,
    ).toBe(true);
    // The other workspace's rows are not mixed in.
    expect(cache.read.workspaces.byId('solo')!.workspace).toEqual(bare);
  });
});
