import { describe, expect, it } from 'vitest';
import { CROSS_50, deliveryScope, PERIOD, type DeliveryInstall } from './delivery-fixture';
import type { Receiver } from './receiver';

const scope = deliveryScope();
const KEY_50 = `mkt|integration|${PERIOD}|threshold|50`;

/** The app after its first sync (Marketing site at 40 %), with a webhook for threshold alerts; delivery not started. */
async function syncedWithHook(install: DeliveryInstall, receiver: Receiver, digest = false) {
  const app = install.start();
  await app.runtime.syncOnce();
  const channel = await app.runtime.handlers.addChannel({
    kind: 'webhook',
    label: 'Team hook',
    url: receiver.url(),
    alerts: ['threshold'],
    digest,
  });
  return { app, channel };
}

describe('a removed account takes what its channels were still to hear with it', { timeout: 30_000 }, () => {
  it('drops an alert waiting for its channel: the channel never hears of the removed workspace', async () => {
    const install = await scope.install();
    const receiver = await scope.receiver();
    const { app, channel } = await syncedWithHook(install, receiver);
    // Marketing site 400 → 600 of 1,000 (Bo's two LLM calls of 100): past 50 %. Delivery is not
    // running yet (as in the seconds after a start), so the alert waits for the channel.
    install.spend(CROSS_50);
    await app.runtime.syncOnce();
    expect(app.cache.read.deliveries.waiting(channel.id).map((i) => i.key)).toEqual([KEY_50]);

    await app.runtime.handlers.removeAccount({ id: 'acc-team' });
    expect(app.cache.alerts.list()).toEqual([]);
    expect(app.cache.read.deliveries.waiting(channel.id)).toEqual([]);
    app.runtime.delivery.start();
    await app.runtime.delivery.flush();
    expect(receiver.received).toEqual([]);
    const [view] = await app.runtime.handlers.listChannels(undefined);
    expect(view!.status).toMatchObject({ pending: 0 });
  });

  it('drops a message still retrying that carries only alerts of the removed account', async () => {
    const install = await scope.install();
    // The receiver is down: every POST answers 503, so the message stays open and retries.
    const receiver = await scope.receiver({ fallback: 503 });
    const { app, channel } = await syncedWithHook(install, receiver);
    app.runtime.delivery.start();
    install.spend(CROSS_50);
    await app.runtime.syncOnce();
    await app.runtime.delivery.flush();
    expect(receiver.received.map((r) => r.status)).toEqual([503]);
    expect(app.cache.read.deliveries.openMessage(channel.id)).toMatchObject({ idempotencyKey: KEY_50 });

    await app.runtime.handlers.removeAccount({ id: 'acc-team' });
    expect(app.cache.read.deliveries.openMessage(channel.id)).toBeNull();
    // Past the first retry (30 s ± 10 %) and the longest wait (an hour): nothing is tried again.
    install.clock.advance(2 * 60 * 60_000);
    await app.runtime.delivery.flush();
    expect(receiver.received).toHaveLength(1);
  });

  it('drops a digest waiting for the rate limit, so the channel never gets the removed account’s digest', async () => {
    const install = await scope.install();
    const receiver = await scope.receiver();
    install.settings.update({ digest: { schedule: 'weekdays', time: '09:00', desktop: false } });
    // Fri 2026-11-20 12:00 UTC: the first sync comes after today's slot, so no digest yet.
    const { app, channel } = await syncedWithHook(install, receiver, true);
    app.runtime.delivery.start();
    // Monday 09:00: Bo's 200 this morning crosses 50 %. The alert goes at once; the digest waits a
    // minute (one message per minute per channel).
    install.clock.advance(69 * 3_600_000);
    install.spend(
      CROSS_50.map((e, i) => ({ ...e, id: `monday-${i}`, occurredAt: `2026-11-23T0${7 + i}:00:00Z` })),
    );
    await app.runtime.syncOnce();
    await app.runtime.delivery.flush();
    expect(receiver.received.map((r) => r.headers['x-creditbar-type'])).toEqual(['alerts']);
    expect(app.cache.read.deliveries.waiting(channel.id).map((i) => i.key)).toEqual([
      'digest|acc-team|daily|2026-11-23',
    ]);

    await app.runtime.handlers.removeAccount({ id: 'acc-team' });
    expect(app.cache.read.deliveries.waiting(channel.id)).toEqual([]);
    install.clock.advance(60_000);
    await app.runtime.delivery.flush();
    expect(receiver.received).toHaveLength(1);
  });
});
