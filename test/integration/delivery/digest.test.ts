import { describe, expect, it } from 'vitest';
import type { MessageBodyV1 } from '../../../src-main/delivery/message-body';
import { forecastText } from '../../../src-shared/display/forecast-text';
import { charged, deliveryScope } from './delivery-fixture';

const scope = deliveryScope();
const HOUR = 3_600_000;

describe('the daily digest, over a real cache, for a fixed clock', { timeout: 30_000 }, () => {
  it('summarises each pool with its change and the alerts since, once a slot, and is skipped when nothing changed', async () => {
    const install = await scope.install();
    const receiver = await scope.receiver();
    install.settings.update({ digest: { schedule: 'weekdays', time: '09:00', desktop: true } });
    const app = install.start(); // Fri 2026-11-20 12:00 UTC; the app's zone is UTC
    await app.runtime.handlers.addChannel({
      kind: 'webhook',
      label: 'Team hook',
      url: receiver.url(),
      alerts: ['threshold'],
      digest: true,
    });
    app.runtime.delivery.start();

    // Friday: today's 09:00 slot is due (3 h ago); this is the first digest, so it goes out.
    await app.runtime.syncOnce();
    await app.runtime.delivery.flush();
    expect(app.notifications).toEqual([
      {
        key: 'digest|acc-team|daily|2026-11-20',
        workspaceId: '', // opens the overview
        title: 'Creditbar daily digest: Team (Nov 20)',
        body: 'Marketing site · integration: 40% used\nNo alerts since Nov 19, 9:00 AM.',
      },
    ]);
    expect(receiver.received).toHaveLength(1);
    const friday = receiver.received[0]!.body as MessageBodyV1;
    expect(receiver.received[0]!.headers['idempotency-key']).toBe('digest|acc-team|daily|2026-11-20');
    // 400 of 1,000 (Ana's four emails on Nov 2): 40 %, nothing spent in the last 7 days.
    expect(friday.text).toBe(
      [
        'Creditbar daily digest: Team (Nov 20)',
        'Marketing site · integration: 400 of 1,000 used (40%). No use in the last 7 days: at this pace the pool lasts to the reset. Top: Ana (400) · email (400).',
        'No alerts since Nov 19, 9:00 AM.',
      ].join('\n'),
    );
    expect(friday.digest).toMatchObject({
      schedule: 'daily',
      account: { id: 'acc-team', label: 'Team' },
      from: '2026-11-19T09:00:00.000Z',
      to: '2026-11-20T12:00:00.000Z',
      pools: [{ workspace: { id: 'mkt' }, pool: 'integration', used: 400, available: 1000, change: null }],
      alerts: [],
    });

    // Another pass the same day sends nothing more.
    await app.runtime.syncOnce();
    await app.runtime.delivery.flush();
    expect(receiver.received).toHaveLength(1);

    // Monday 09:00 (weekdays: no digest on the weekend): Bo spent 200 this morning, past 50 %.
    // The alert goes first, the digest a minute later (one message per minute per channel).
    install.clock.advance(69 * HOUR);
    install.spend(charged('monday', 'bo', 'llm', 100, ['2026-11-23T07:00:00Z', '2026-11-23T08:00:00Z']));
    await app.runtime.syncOnce();
    await app.runtime.delivery.flush();
    expect(receiver.received.map((r) => (r.body as MessageBodyV1).type)).toEqual(['digest', 'alerts']);
    install.clock.advance(60_000);
    await receiver.waitFor(3);
    const monday = receiver.received[2]!.body as MessageBodyV1;
    const card = (await app.runtime.handlers.getSnapshot(undefined)).workspaces[0]!.pools[0]!;
    const forecast = forecastText(
      card,
      { asOf: Date.parse('2026-11-23T09:00:00Z'), now: Date.parse('2026-11-23T09:00:00Z') },
      { locale: 'en-US', timeZone: 'UTC' },
    ).sentence;
    // 400 + 200 = 600 of 1,000 (60 %), +200 since Friday's digest; the 50 % alert raised this morning.
    expect(monday.text).toBe(
      [
        'Creditbar daily digest: Team (Nov 23)',
        `Marketing site · integration: 600 of 1,000 used (60%), +200 since Nov 20. ${forecast} Top: Ana (400) · email (400).`,
        'Alerts since Nov 20, 12:00 PM:',
        '- Marketing site: 50% of integration credits used',
      ].join('\n'),
    );
    expect(monday.digest!.pools[0]).toMatchObject({
      used: 600,
      change: 200,
      changeSince: '2026-11-20T12:00:00.000Z',
    });
    expect(app.notifications.at(-1)!.body).toBe(
      'Marketing site · integration: 60% used, +200\n1 alert since Nov 20, 12:00 PM.',
    );

    // Tuesday 09:00: nothing was spent and no alert raised since Monday's: skipped, nothing sent.
    install.clock.advance(24 * HOUR - 60_000);
    const before = app.notifications.length;
    await app.runtime.syncOnce();
    await app.runtime.delivery.flush();
    expect(receiver.received).toHaveLength(3);
    expect(app.notifications).toHaveLength(before);
    expect(
      app.log.lines.some(
        (l) => l.includes('digest skipped: nothing changed') && l.includes('daily|2026-11-24'),
      ),
    ).toBe(true);

    // A restart on Tuesday sends nothing either: the slot is recorded.
    await install.stop();
    const again = install.start();
    again.runtime.delivery.start();
    await again.runtime.syncOnce();
    await again.runtime.delivery.flush();
    expect(receiver.received).toHaveLength(3);
    expect(again.notifications).toEqual([]);
  });
});
