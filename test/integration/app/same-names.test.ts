import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTrayModel } from '../../../src-main/tray/tray-model';
import type { Ledger, UsageEvent } from '../../../src-shared/types/ledger';
import { base44Builder } from '../../fixtures/base44-builder';
import { runCliInProcess, tempFile } from '../cli/run-cli';
import { appInstall } from './runtime-fixture';

let install: ReturnType<typeof appInstall>;
beforeEach(() => {
  install = appInstall();
});
afterEach(() => install.cleanup());

const DAY = 86_400_000;

/** `n` external API calls (1 credit each) a minute apart, starting an hour before `now`. */
function calls(workspaceId: string, n: number, now: number): UsageEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${workspaceId}-${i}`,
    workspaceId,
    pool: 'integration' as const,
    memberId: 'sam',
    action: 'external_api',
    occurredAt: new Date(now - 3_600_000 + i * 60_000).toISOString(),
  }));
}

/**
 * Two workspaces both named "Studio" (ids studio-a, studio-b; Base44 Builder, 10,000 integration
 * credits, a 0.1% threshold = 10 credits): both cross it (12 and 15 calls). The alert centre's
 * sentences and the notifications said "Studio: 0.1% of the integration pool used ..." twice; every
 * surface now names them as `creditbar status` does.
 */
describe('two workspaces of one name, told apart on every surface of the app', { timeout: 120_000 }, () => {
  it('cards, tray, alert sentences and notifications say "Studio (studio-a)" and "Studio (studio-b)"', async () => {
    const now = Date.now();
    const billingDay = new Date(now - 3 * DAY).getUTCDate();
    const thresholds = [0.1];
    const ledger: Ledger = {
      version: 1,
      workspaces: [
        base44Builder({ id: 'studio-a', billingDay, thresholds }),
        base44Builder({ id: 'studio-b', billingDay, thresholds }),
      ],
      grants: [],
      events: [...calls('studio-a', 12, now), ...calls('studio-b', 15, now)],
    };
    const db = install.dir.file('cache.sqlite');
    expect((await runCliInProcess(['import', tempFile('ledger.json', ledger), '--db', db])).code).toBe(0);

    const { runtime, notifications } = install.start();
    runtime.start();
    await runtime.whenIdle();
    const snapshot = runtime.snapshot();
    expect(snapshot.workspaces.map((w) => [w.id, w.name])).toEqual([
      ['studio-a', 'Studio (studio-a)'],
      ['studio-b', 'Studio (studio-b)'],
    ]);
    const thresholdAlerts = snapshot.alerts.filter((a) => a.kind === 'threshold');
    expect(thresholdAlerts.map((a) => [a.workspaceId, a.workspaceName, a.message.split(': ')[0]])).toEqual(
      expect.arrayContaining([
        ['studio-a', 'Studio (studio-a)', 'Studio (studio-a)'],
        ['studio-b', 'Studio (studio-b)', 'Studio (studio-b)'],
      ]),
    );
    expect(thresholdAlerts).toHaveLength(2);
    const notified = notifications.filter((n) => n.key.includes('|threshold|'));
    expect(notified.map((n) => [n.workspaceId, n.title]).sort()).toEqual([
      ['studio-a', 'Studio (studio-a): 0.1% of integration credits used'],
      ['studio-b', 'Studio (studio-b): 0.1% of integration credits used'],
    ]);
    const tray = buildTrayModel({ snapshot, now: Date.parse(snapshot.asOf), timeZone: 'UTC' });
    const names = tray.menu.flatMap((i) =>
      i.type === 'workspace' ? [i.label.split(' integrations')[0]] : [],
    );
    expect(names).toEqual(expect.arrayContaining(['Studio (studio-a)', 'Studio (studio-b)']));
  });
});
