import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../../src-shared/types/ledger';
import { accountFootprint } from '../../../src-main/cache/account-footprint';
import type { Cache } from '../../../src-main/cache/cache';
import { importLedger } from '../../../src-main/cache/ledger-import';
import { cacheFiles } from '../../fixtures/cache-files';
import { raisedAlert } from '../../fixtures/raised-alert';

const NOW = Date.UTC(2026, 11, 3, 9);
const caches = cacheFiles(NOW);

/** Two accounts: Acme with one workspace and usage in Oct, Nov and Dec; Globex with one in Dec. */
function ledger(workspaceId: string, name: string, months: number[]): Ledger {
  return {
    version: 1,
    workspaces: [{ id: workspaceId, name, provider: 'zite', plan: 'pro' }],
    grants: [],
    events: months.map((m, i) => ({
      id: `${workspaceId}-${i}`,
      workspaceId,
      pool: 'integration',
      memberId: 'ana',
      action: 'email',
      occurredAt: new Date(Date.UTC(2026, m, 2, 10)).toISOString(),
    })),
  };
}

const alert = (key: string, workspaceId: string, accountId: string | null) =>
  raisedAlert(key, workspaceId, accountId, workspaceId === 'acme' ? 'Acme' : 'Globex');

function twoAccounts(): Cache {
  const cache = caches.fresh();
  importLedger(cache, ledger('acme', 'Acme', [9, 10, 11]), { now: NOW, accountId: 'acc-acme' });
  importLedger(cache, ledger('globex', 'Globex', [11]), { now: NOW, accountId: 'acc-globex' });
  cache.transaction(() => {
    ['a1', 'a2', 'a3'].forEach((k) => cache.alerts.record(alert(k, 'acme', 'acc-acme')));
    cache.alerts.record(alert('g1', 'globex', 'acc-globex'));
  });
  return cache;
}

describe('alerts belong to their account', () => {
  it("removing an account removes its alerts too, and nobody else's", () => {
    const cache = twoAccounts();
    expect(accountFootprint(cache, 'acc-acme')).toEqual({ workspaces: ['Acme'], months: 3, alerts: 3 });
    cache.transaction(() => cache.write.accounts.remove('acc-acme'));
    expect(cache.alerts.list().map((a) => a.key)).toEqual(['g1']);
    expect(cache.alerts.countOfAccount('acc-acme')).toBe(0);
  });

  it('acknowledges one alert, or every open one of a workspace, and counts what is still open', () => {
    const cache = twoAccounts();
    expect(cache.alerts.unacknowledged()).toBe(4);
    expect(cache.alerts.acknowledge({ keys: ['a1'] })).toBe(1);
    expect(cache.alerts.acknowledge({ keys: ['a1'] })).toBe(0); // already dealt with
    expect(cache.alerts.unacknowledged()).toBe(3);
    expect(cache.alerts.acknowledge({ workspaceId: 'acme' })).toBe(2);
    expect(cache.alerts.unacknowledged()).toBe(1);
    const acme = cache.alerts.list().filter((a) => a.workspaceId === 'acme');
    expect(acme.every((a) => a.acknowledgedAt === new Date(NOW).toISOString())).toBe(true);
  });

  it('a cache written before alerts had owners gets them, and loses the alerts of accounts removed since', () => {
    // Schema 6, as the previous release left it: an alert of Acme, and one of a workspace whose
    // account was removed back then (only its id is left).
    const cache = caches.fromSchema(
      6,
      `
      INSERT INTO accounts (id, label, server_url, created_at) VALUES ('acc-acme', 'Acme co', NULL, 0);
      INSERT INTO workspaces (key, id, account_id, name, provider, plan, pools_declared, thresholds_declared, updated_at)
        VALUES (1, 'acme', 'acc-acme', 'Acme', 'zite', 'pro', 0, 0, 0);
      INSERT INTO raised_alerts (key, kind, workspace_id, pool, percent, at, raised_at, message, delivery)
        VALUES ('old-acme', 'threshold', 'acme', 'integration', 50, 0, 0, 'm', 'shown'),
               ('old-gone', 'threshold', 'ws-7f3a', 'integration', 50, 0, 0, 'm', 'shown');
    `,
    );
    expect(cache.alerts.list()).toEqual([
      expect.objectContaining({
        key: 'old-acme',
        accountId: 'acc-acme',
        workspaceName: 'Acme',
        acknowledgedAt: null,
      }),
    ]);
  });

  it('a cache that kept the alerts of a removed hand-kept workspace loses them, and keeps the rest', () => {
    // Schema 8: 'studio' is still kept by hand; 'gone' was removed by hand before its alerts went
    // with it; 'acme' is synced.
    const cache = caches.fromSchema(
      8,
      `
      INSERT INTO accounts (id, label, server_url, created_at) VALUES ('local', 'On this computer', NULL, 0),
        ('acc-acme', 'Acme co', 'http://127.0.0.1:1', 0);
      INSERT INTO workspaces (key, id, account_id, name, provider, plan, pools_declared, thresholds_declared, updated_at, origin)
        VALUES (1, 'studio', 'local', 'Studio', 'base44', 'builder', 0, 0, 0, 'manual'),
               (2, 'acme', 'acc-acme', 'Acme', 'zite', 'pro', 0, 0, 0, 'sync');
      INSERT INTO raised_alerts (key, kind, workspace_id, pool, percent, at, raised_at, message, delivery, account_id, workspace_name)
        VALUES ('studio-50', 'threshold', 'studio', 'integration', 50, 0, 0, 'm', 'shown', 'local', 'Studio'),
               ('gone-50', 'threshold', 'gone', 'integration', 50, 0, 0, 'm', 'shown', 'local', 'Gone'),
               ('gone-90', 'threshold', 'gone', 'integration', 90, 0, 0, 'm', 'shown', 'local', 'Gone'),
               ('acme-50', 'threshold', 'acme', 'integration', 50, 0, 0, 'm', 'shown', 'acc-acme', 'Acme');
    `,
    );
    expect(cache.alerts.list().map((a) => a.key)).toEqual(['acme-50', 'studio-50']);
  });
});
