import { describe, expect, it } from 'vitest';
import type { MessageBodyV1 } from '../../../src-main/delivery/message-body';
import { forecastText } from '../../../src-shared/display/forecast-text';
import { charged, deliveryScope } from './delivery-fixture';

const scope = deliveryScope();
const HOUR = 3_600_000;

/** The forecast sentence the card shows for the app's only pool at `iso` (the digest quotes it). */
async function cardForecast(
  app: { runtime: { handlers: { getSnapshot(x: undefined): unknown } } },
  iso: string,
) {
  const snapshot = (await app.runtime.handlers.getSnapshot(undefined)) as {
    workspaces: { pools: Parameters<typeof forecastText>[0][] }[];
  };
  const t = Date.parse(iso);
  return forecastText(
    snapshot.workspaces[0]!.pools[0]!,
    { asOf: t, now: t },
    { locale: 'en-US', timeZone: 'UTC' },
  ).sentence;
}

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

    // Friday 12:00, the first sync: today's 09:00 slot came before Creditbar watched the account, so
    // nothing is sent; its figures (400 of 1,000) are what Monday's digest compares with.
    await app.runtime.syncOnce();
    await app.runtime.delivery.flush();
    expect(app.notifications).toEqual([]);
    expect(receiver.received).toEqual([]);
    expect(app.log.lines.some((l) => l.startsWith('info digest skipped: first sync after its slot'))).toBe(
      true,
    );

    // Monday 09:00 (weekdays: none on the weekend): Bo spent 200 this morning, past 50 %. The alert
    // goes first, the digest a minute later (one message per minute per channel).
    install.clock.advance(69 * HOUR);
    install.spend(charged('monday', 'bo', 'llm', 100, ['2026-11-23T07:00:00Z', '2026-11-23T08:00:00Z']));
    await app.runtime.syncOnce();
    await app.runtime.delivery.flush();
    expect(receiver.received.map((r) => (r.body as MessageBodyV1).type)).toEqual(['alerts']);
    install.clock.advance(60_000);
    await receiver.waitFor(2);
    expect(receiver.received[1]!.headers['idempotency-key']).toBe('digest|acc-team|daily|2026-11-23');
    const monday = receiver.received[1]!.body as MessageBodyV1;
    // 400 (Ana's emails, Nov 2) + 200 = 600 of 1,000: 60 %, +200 since Friday's figures; the 50 % alert of this morning.
    expect(monday.text).toBe(
      [
        'Creditbar daily digest: Team (Nov 23)',
        `Marketing site · integration: 600 of 1,000 used (60%), +200 since Nov 20. ${await cardForecast(app, '2026-11-23T09:00:00Z')} Top: Ana (400) · email (400).`,
        'Alerts since Nov 20, 12:00 PM:',
        '- Marketing site: 50% of integration credits used',
      ].join('\n'),
    );
    expect(monday.digest).toMatchObject({
      schedule: 'daily',
      account: { id: 'acc-team', label: 'Team' },
      from: '2026-11-20T12:00:00.000Z',
      to: '2026-11-23T09:00:00.000Z',
      pools: [
        {
          workspace: { id: 'mkt', name: 'Marketing site' },
          pool: 'integration',
          used: 600,
          available: 1000,
          remaining: 400,
          change: 200,
          changeSince: '2026-11-20T12:00:00.000Z',
          top: { member: { id: 'ana', name: 'Ana', credits: 400 }, action: { name: 'email', credits: 400 } },
        },
      ],
      alerts: [{ key: 'mkt|integration|2026-11-01T00:00:00.000Z|threshold|50', kind: 'threshold' }],
    });
    // The desktop gets one short notification that opens the overview; its dates keep day and month
    // (and time and AM/PM) unbroken, where the channel's text above has plain spaces.
    expect(app.notifications.at(-1)).toEqual({
      key: 'digest|acc-team|daily|2026-11-23',
      workspaceId: '',
      title: 'Creditbar daily digest: Team (Nov\u00a023)',
      body: 'Marketing site · integration: 60% used, +200\n1 alert since Nov\u00a020, 12:00\u00a0PM.',
    });
    // Another pass the same day sends nothing more.
    await app.runtime.syncOnce();
    await app.runtime.delivery.flush();
    expect(receiver.received).toHaveLength(2);

    // Tuesday 09:00: nothing spent, no alert since Monday's digest: skipped, nothing sent.
    install.clock.advance(24 * HOUR - 60_000);
    const shown = app.notifications.length;
    await app.runtime.syncOnce();
    await app.runtime.delivery.flush();
    expect(receiver.received).toHaveLength(2);
    expect(app.notifications).toHaveLength(shown);
    expect(
      app.log.lines.some(
        (l) => l.includes('digest skipped: nothing changed') && l.includes('daily|2026-11-24'),
      ),
    ).toBe(true);

    // Wednesday 09:00, after a restart: Ana's 100 credits overnight (60 % → 70 %, no new threshold).
    await install.stop();
    install.clock.advance(24 * HOUR);
    install.spend(charged('wed', 'ana', 'email', 100, ['2026-11-25T06:00:00Z']));
    const again = install.start();
    again.runtime.delivery.start();
    await again.runtime.syncOnce();
    await again.runtime.delivery.flush();
    expect(receiver.received).toHaveLength(3);
    expect((receiver.received[2]!.body as MessageBodyV1).text).toBe(
      [
        'Creditbar daily digest: Team (Nov 25)',
        `Marketing site · integration: 700 of 1,000 used (70%), +100 since yesterday. ${await cardForecast(again, '2026-11-25T09:00:00Z')} Top: Ana (500) · email (500).`,
        'No alerts since Nov 24, 9:00 AM.',
      ].join('\n'),
    );
    // A second start the same day sends nothing: the slot is recorded.
    await install.stop();
    const third = install.start();
    third.runtime.delivery.start();
    await third.runtime.syncOnce();
    await third.runtime.delivery.flush();
    expect(receiver.received).toHaveLength(3);
    expect(third.notifications).toEqual([]);
  });
});
