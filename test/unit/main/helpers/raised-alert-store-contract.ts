import { describe, expect, it } from 'vitest';
import type { RaisedAlert } from '../../../../src-shared/ipc/snapshot';
import type { RaisedAlertStore } from '../../../../src-main/alerts/raised-alert-store';

const alert = (key: string, raisedAt: string, delivery: RaisedAlert['delivery'] = 'shown'): RaisedAlert => ({
  key,
  kind: 'threshold',
  workspaceId: 'acme',
  pool: 'integration',
  percent: 50,
  at: '2026-11-20T10:00:00.000Z',
  raisedAt,
  message: 'Acme: 50% used',
  delivery,
  accountId: null,
  workspaceName: null,
  acknowledgedAt: null,
});

/**
 * The behaviour every RaisedAlertStore must have. The SQLite store runs the same suite against a real
 * file: `raisedAlertStoreContract('sqlite', () => ({ store, reopen }))`, where reopen() closes the
 * database and opens the same file again (a restart).
 */
export function raisedAlertStoreContract(
  name: string,
  make: () => { store: RaisedAlertStore; reopen: () => RaisedAlertStore },
): void {
  describe(`RaisedAlertStore contract: ${name}`, () => {
    it('records a key once and ignores it afterwards', () => {
      const { store } = make();
      expect(store.has('k1')).toBe(false);
      expect(store.record(alert('k1', '2026-11-20T10:00:00.000Z'))).toBe(true);
      expect(store.record({ ...alert('k1', '2026-11-20T11:00:00.000Z'), message: 'changed' })).toBe(false);
      expect(store.has('k1')).toBe(true);
      expect(store.list()).toEqual([alert('k1', '2026-11-20T10:00:00.000Z')]);
    });

    it('lists newest first, filters by delivery and limits', () => {
      const { store } = make();
      store.record(alert('old', '2026-11-20T09:00:00.000Z', 'silent'));
      store.record(alert('new', '2026-11-20T11:00:00.000Z', 'queued'));
      store.record(alert('mid', '2026-11-20T10:00:00.000Z', 'queued'));
      expect(store.list().map((a) => a.key)).toEqual(['new', 'mid', 'old']);
      expect(store.list({ delivery: 'queued' }).map((a) => a.key)).toEqual(['new', 'mid']);
      expect(store.list({ limit: 1 }).map((a) => a.key)).toEqual(['new']);
    });

    it('changes the delivery of a queued alert', () => {
      const { store } = make();
      store.record(alert('q', '2026-11-20T10:00:00.000Z', 'queued'));
      store.setDelivery('q', 'shown');
      expect(store.list({ delivery: 'queued' })).toEqual([]);
      expect(store.list()[0]?.delivery).toBe('shown');
    });

    it('remembers everything across a restart', () => {
      const { store, reopen } = make();
      store.record(alert('k1', '2026-11-20T10:00:00.000Z', 'queued'));
      const after = reopen();
      expect(after.has('k1')).toBe(true);
      expect(after.list({ delivery: 'queued' }).map((a) => a.key)).toEqual(['k1']);
    });
  });
}
