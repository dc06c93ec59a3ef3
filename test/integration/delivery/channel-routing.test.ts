import { describe, expect, it } from 'vitest';
import type { MessageBodyV1 } from '../../../src-main/delivery/message-body';
import type { UsageEvent } from '../../../src-shared/types/ledger';
import { CROSS_50, deliveryScope, PERIOD, WORKSPACE } from './delivery-fixture';

const scope = deliveryScope();

/** A second Zite Free workspace of the same account: 1,000 integration credits, reset on the 1st. */
const DOCS = {
  id: 'docs',
  name: 'Docs portal',
  provider: 'zite',
  plan: 'free',
  members: [{ id: 'cy', name: 'Cy' }],
} as const;

function docsEvents(prefix: string, credits: number, at: string[]): UsageEvent[] {
  return at.map((occurredAt, i) => ({
    id: `${prefix}-${i}`,
    workspaceId: DOCS.id,
    pool: 'integration',
    memberId: 'cy',
    app: 'docs',
    action: 'llm',
    credits,
    occurredAt,
  }));
}

const docsLedger = (events: UsageEvent[]) => ({
  version: 1 as const,
  workspaces: [{ ...DOCS, members: [...DOCS.members] }],
  grants: [],
  events,
});

const key = (ws: string, kind: string, threshold: string | number) =>
  `${ws}|integration|${PERIOD}|${kind}|${threshold}`;

describe(
  'each channel gets the alert kinds and the workspaces the lead chose for it',
  { timeout: 30_000 },
  () => {
    it('routes by kind and by workspace, and a channel turned off gets nothing', async () => {
      const install = await scope.install();
      // Docs portal: Cy's 400 credits on Nov 2 (40 %), beside Marketing site's 400.
      install.importLedger(docsLedger(docsEvents('docs-early', 400, ['2026-11-02T09:00:00Z'])));
      const receiver = await scope.receiver();
      const app = install.start();
      await app.runtime.syncOnce();
      expect(app.cache.alerts.list()).toEqual([]);
      const add = (label: string, path: string, alerts: string[], workspaces: string[] | null) =>
        app.runtime.handlers.addChannel({
          kind: 'webhook',
          label,
          url: receiver.url(path),
          alerts: alerts as never,
          workspaces,
        });
      await add('Marketing thresholds', '/mkt-thresholds', ['threshold'], [WORKSPACE.id]);
      await add('Anything dry', '/dry', ['exhausted'], null);
      await add('Docs team', '/docs', ['threshold', 'exhausted'], [DOCS.id]);
      const off = await add('Muted', '/muted', ['threshold', 'exhausted'], null);
      await app.runtime.handlers.updateChannel({ id: off.id, enabled: false });
      app.runtime.delivery.start();

      const got = (path: string) =>
        receiver.received
          .filter((r) => r.path === path)
          .map((r) => (r.body as MessageBodyV1).alerts.map((a) => a.key));

      // Marketing site: Bo's 200 at 11:00 and 11:30, 400 → 600 of 1,000, past 50 % only. Only the
      // channel taking Marketing site's thresholds hears of it.
      install.spend(CROSS_50);
      await app.runtime.syncOnce();
      await app.runtime.delivery.flush();
      expect(got('/mkt-thresholds')).toEqual([[key('mkt', 'threshold', 50)]]);
      expect(receiver.received.map((r) => r.path)).toEqual(['/mkt-thresholds']);

      // Docs portal: Cy's 600 at 11:00, 400 → 1,000 of 1,000: past 50 %, past 90 % and dry in one
      // sync. "Anything dry" gets the exhausted alert alone; "Docs team" all three in one message,
      // loudest first; "Marketing thresholds" nothing (another workspace); "Muted" nothing (off).
      install.importLedger(docsLedger(docsEvents('docs-jump', 600, ['2026-11-20T11:00:00Z'])));
      await app.runtime.syncOnce();
      await app.runtime.delivery.flush();
      expect(got('/dry')).toEqual([[key('docs', 'exhausted', 100)]]);
      expect(got('/docs')).toEqual([
        [key('docs', 'exhausted', 100), key('docs', 'threshold', 90), key('docs', 'threshold', 50)],
      ]);
      expect(got('/mkt-thresholds')).toHaveLength(1);
      expect(got('/muted')).toEqual([]);
      // Each alert was raised (the alert centre lists all four), whoever heard of it.
      expect(
        app.cache.alerts
          .list()
          .map((a) => a.key)
          .filter((k) => /\|(threshold|exhausted)\|/.test(k))
          .sort(),
      ).toEqual(
        [
          key('docs', 'exhausted', 100),
          key('docs', 'threshold', 50),
          key('docs', 'threshold', 90),
          key('mkt', 'threshold', 50),
        ].sort(),
      );

      // Turned back on, the muted channel does not get what was raised while it was off.
      await app.runtime.handlers.updateChannel({ id: off.id, enabled: true });
      await app.runtime.syncOnce();
      await app.runtime.delivery.flush();
      expect(got('/muted')).toEqual([]);
      expect(receiver.received).toHaveLength(3);
    });
  },
);
