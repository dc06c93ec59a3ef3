import { describe, expect, it } from 'vitest';
import type { Cache } from '../../../src-main/cache/cache';
import { addManualWorkspace, removeLocalWorkspace } from '../../../src-main/manual/manual-workspaces';
import { builtinCatalog } from '../../../src-shared/catalog/catalog';
import { raisedAlert } from '../../fixtures/raised-alert';
import { cacheFiles } from '../../fixtures/cache-files';

const NOW = Date.UTC(2026, 11, 3, 9);
const caches = cacheFiles(NOW);

const rows = (cache: Cache, sql: string) => cache.db.prepare(sql).all();

describe('delivery items of removed alerts', () => {
  it('removing a workspace kept by hand drops what its channels were still to hear, and nothing else', () => {
    const cache = caches.fresh();
    for (const name of ['Studio', 'Shop'])
      addManualWorkspace(
        cache,
        { provider: 'base44', plan: 'builder', name, billingDay: 15, catalogVersion: '2026-12-docs' },
        { catalog: builtinCatalog, now: NOW },
      );
    const route = (channelId: string, key: string) =>
      cache.write.deliveries.route({ channelId, key, kind: 'alert', item: '{}', createdAt: NOW });
    cache.transaction(() => {
      cache.alerts.record(raisedAlert('studio-50', 'studio', 'local', 'Studio'));
      cache.alerts.record(raisedAlert('shop-50', 'shop', 'local', 'Shop'));
      for (const channel of ['ch-a', 'ch-b']) {
        route(channel, 'studio-50');
        route(channel, 'shop-50');
      }
    });
    expect(removeLocalWorkspace(cache, 'studio').alerts).toBe(1);
    expect(cache.read.deliveries.waiting('ch-a').map((i) => i.key)).toEqual(['shop-50']);
    expect(cache.read.deliveries.waiting('ch-b').map((i) => i.key)).toEqual(['shop-50']);
  });

  it('a cache that kept deliveries of alerts removed before loses them; live ones and the sent log stay', () => {
    // Schema 10, as the previous release left it: 'acme-50' is a live alert; 'gone-50' and 'gone-90'
    // were removed with their workspace. Message 1 (open) carries only 'gone-50'; message 2 (open)
    // carries 'gone-90' and 'acme-50'; message 3 was delivered with 'gone-50' on channel b.
    const cache = caches.fromSchema(
      10,
      `
      INSERT INTO accounts (id, label, server_url, created_at) VALUES ('acc-acme', 'Acme co', 'http://127.0.0.1:1', 0);
      INSERT INTO raised_alerts (key, kind, workspace_id, pool, percent, at, raised_at, message, delivery, account_id, workspace_name)
        VALUES ('acme-50', 'threshold', 'acme', 'integration', 50, 0, 0, 'm', 'shown', 'acc-acme', 'Acme');
      INSERT INTO delivery_messages (id, channel_id, idempotency_key, kind, body, created_at, next_attempt_at, delivered_at)
        VALUES (1, 'ch-a', 'gone-50', 'alerts', '{}', 0, 0, NULL),
               (2, 'ch-c', 'mixed', 'alerts', '{}', 0, 0, NULL),
               (3, 'ch-b', 'gone-50', 'alerts', '{}', 0, 0, 5);
      INSERT INTO delivery_items (channel_id, key, kind, item, created_at, message_id)
        VALUES ('ch-a', 'gone-50', 'alert', '{}', 0, 1),
               ('ch-a', 'gone-90', 'alert', '{}', 0, NULL),
               ('ch-a', 'acme-50', 'alert', '{}', 0, NULL),
               ('ch-b', 'gone-50', 'alert', '{}', 0, 3),
               ('ch-c', 'gone-90', 'alert', '{}', 0, 2),
               ('ch-c', 'acme-50', 'alert', '{}', 0, 2);
    `,
    );
    expect(
      rows(cache, 'SELECT channel_id, key, message_id FROM delivery_items ORDER BY channel_id, key'),
    ).toEqual([
      { channel_id: 'ch-a', key: 'acme-50', message_id: null },
      // Formed with a live alert: sent as formed (its body is fixed).
      { channel_id: 'ch-c', key: 'acme-50', message_id: 2 },
      { channel_id: 'ch-c', key: 'gone-90', message_id: 2 },
    ]);
    expect(rows(cache, 'SELECT id FROM delivery_messages ORDER BY id')).toEqual([{ id: 2 }, { id: 3 }]);
  });

  it('a cache that kept a digest of a removed account waiting for a channel loses it; live ones stay', () => {
    // Schema 11: Acme's digest of Nov 23 is recorded and waits for channel a; one of an account
    // removed since waits for channel a and is in an open message on channel b.
    const cache = caches.fromSchema(
      11,
      `
      INSERT INTO accounts (id, label, server_url, created_at) VALUES ('acc-acme', 'Acme co', 'http://127.0.0.1:1', 0);
      INSERT INTO digests (account_id, slot, built_at, sent, pools) VALUES ('acc-acme', 'daily|2026-11-23', 0, 1, '[]');
      INSERT INTO delivery_messages (id, channel_id, idempotency_key, kind, body, created_at, next_attempt_at)
        VALUES (1, 'ch-b', 'digest|acc-gone|daily|2026-11-23', 'digest', '{}', 0, 0);
      INSERT INTO delivery_items (channel_id, key, kind, item, created_at, message_id)
        VALUES ('ch-a', 'digest|acc-acme|daily|2026-11-23', 'digest', '{}', 0, NULL),
               ('ch-a', 'digest|acc-gone|daily|2026-11-23', 'digest', '{}', 0, NULL),
               ('ch-b', 'digest|acc-gone|daily|2026-11-23', 'digest', '{}', 0, 1);
    `,
    );
    expect(rows(cache, 'SELECT channel_id, key FROM delivery_items ORDER BY channel_id, key')).toEqual([
      { channel_id: 'ch-a', key: 'digest|acc-acme|daily|2026-11-23' },
    ]);
    expect(rows(cache, 'SELECT id FROM delivery_messages')).toEqual([]);
  });
});
