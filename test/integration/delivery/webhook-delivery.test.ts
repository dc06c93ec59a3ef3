import { describe, expect, it } from 'vitest';
import type { MessageBodyV1 } from '../../../src-main/delivery/message-body';
import { appWithChannel, charged, deliveryScope, PERIOD, spendAndSync } from './delivery-fixture';

const scope = deliveryScope();
const KEY_50 = `mkt|integration|${PERIOD}|threshold|50`;

describe(
  'a webhook channel over a real sync, engine and cache, to a receiver on loopback',
  { timeout: 30_000 },
  () => {
    it('a threshold crossing delivers one POST with the documented body and an Idempotency-Key', async () => {
      const install = await scope.install();
      const receiver = await scope.receiver();
      const app = await appWithChannel(install, {
        kind: 'webhook',
        label: 'Team hook',
        url: receiver.url(),
        alerts: ['threshold'],
      });
      expect(app.cache.alerts.list()).toEqual([]); // 40 %: nothing to say yet
      expect(app.channel.target).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/…CRET$/);

      await spendAndSync(install, app);
      expect(receiver.received).toHaveLength(1);
      const [post] = receiver.received;
      expect(post!.method).toBe('POST');
      expect(post!.path).toBe('/hook/T0SECRET/B0SECRET/abcdefSECRET');
      expect(post!.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(post!.headers['idempotency-key']).toBe(KEY_50);
      expect(post!.headers['x-creditbar-type']).toBe('alerts');
      // Worked out by hand: 400 (Ana's emails) + 200 (Bo's LLM calls) = 600 of 1,000 used, 400 left,
      // 60 %; Ana and email lead with 400 each; Dec 1 is 10 d 12 h after Nov 20 12:00. The forecast's
      // 7-day window holds 200 credits: ~28.57 a day, ~300 more by the reset, 900 < 1,000: no run-out.
      const body = post!.body as MessageBodyV1;
      expect(body).toEqual({
        version: 1,
        type: 'alerts',
        id: KEY_50,
        createdAt: '2026-11-20T12:00:00.000Z',
        text: 'Marketing site: 50% of integration credits used\nPast 50% · 400 of 1,000 left (60% used); resets in 10d 12h\nTop this period: Ana (400) · email (400)',
        alerts: [
          {
            key: KEY_50,
            kind: 'threshold',
            workspace: { id: 'mkt', name: 'Marketing site' },
            pool: 'integration',
            percent: 60,
            threshold: 50,
            used: 600,
            available: 1000,
            remaining: 400,
            resetsAt: '2026-12-01T00:00:00.000Z',
            runsOutAt: null,
            top: {
              member: { id: 'ana', name: 'Ana', credits: 400 },
              action: { name: 'email', credits: 400 },
            },
            at: '2026-11-20T11:00:00.000Z',
            raisedAt: '2026-11-20T12:00:00.000Z',
            // The alert's sentence, in the user's locale and time zone (here en-US, UTC) like the
            // alert centre's (issue 10 §6: one date style per surface).
            message: expect.stringContaining(
              'Marketing site: 50% of the integration pool used on Nov 20, 11:00 AM',
            ),
            title: 'Marketing site: 50% of integration credits used',
            text: 'Past 50% · 400 of 1,000 left (60% used); resets in 10d 12h\nTop this period: Ana (400) · email (400)',
          },
        ],
        digest: null,
      });

      // Once: another sync, another pass, another flush send nothing.
      await app.runtime.syncOnce();
      await app.runtime.delivery.flush();
      expect(receiver.received).toHaveLength(1);
      const [view] = await app.runtime.handlers.listChannels(undefined);
      expect(view!.status).toMatchObject({
        state: 'ok',
        lastDeliveredAt: '2026-11-20T12:00:00.000Z',
        pending: 0,
      });
      // The URL is a secret: in the secret store only, never in settings or the log.
      expect(JSON.stringify(install.settings.get())).not.toContain('SECRET');
      expect(app.log.lines.join('\n')).not.toContain('SECRET');
      expect(await install.secrets.get(`channel:${app.channel.id}`)).toBe(receiver.url());
    });

    it('a receiver answering 500 then 200 gets the same message twice and it counts as delivered once', async () => {
      const install = await scope.install();
      const receiver = await scope.receiver({ script: [500] });
      const app = await appWithChannel(install, {
        kind: 'webhook',
        label: 'Hook',
        url: receiver.url(),
        alerts: ['threshold'],
      });
      await spendAndSync(install, app);
      const [failing] = await app.runtime.handlers.listChannels(undefined);
      expect(failing!.status).toMatchObject({
        state: 'failing',
        lastError: {
          message: expect.stringMatching(/^HTTP 500 from 127\.0\.0\.1:\d+: internal_error$/),
          at: '2026-11-20T12:00:00.000Z',
        },
        pending: 1,
      });

      // The first retry is 30 s later (backoff base, no jitter with random = 0.5).
      install.clock.advance(29_000);
      expect(receiver.received).toHaveLength(1);
      install.clock.advance(1_000);
      await receiver.waitFor(2);
      await app.runtime.delivery.flush();
      const [a, b] = receiver.received;
      expect(b!.headers['idempotency-key']).toBe(a!.headers['idempotency-key']);
      expect(b!.body).toEqual(a!.body);
      expect(b!.headers['x-creditbar-attempt']).toBe('2');
      const [ok] = await app.runtime.handlers.listChannels(undefined);
      expect(ok!.status).toMatchObject({ state: 'ok', lastError: null, pending: 0 });

      install.clock.advance(3_600_000);
      await app.runtime.delivery.flush();
      expect(receiver.received).toHaveLength(2);
    });

    it('a restart between the 500 and the retry still delivers once, and a later start sends nothing', async () => {
      const install = await scope.install();
      const receiver = await scope.receiver({ script: [500] });
      const first = await appWithChannel(install, {
        kind: 'webhook',
        label: 'Hook',
        url: receiver.url(),
        alerts: ['threshold'],
      });
      await spendAndSync(install, first);
      expect(receiver.received.map((r) => r.status)).toEqual([500]);
      await install.stop(); // the app quits with the message undelivered

      install.clock.advance(60_000);
      const second = install.start();
      second.runtime.delivery.start(); // what runtime.start() does: what the log says is due goes out
      await receiver.waitFor(2);
      await second.runtime.delivery.flush();
      expect(receiver.received.map((r) => r.status)).toEqual([500, 200]);
      expect(receiver.received[1]!.headers['idempotency-key']).toBe(KEY_50);
      // The alert was raised once and routed once: the new run's sync raises nothing new.
      await second.runtime.syncOnce();
      await second.runtime.delivery.flush();
      expect(second.cache.alerts.list().map((a) => a.key)).toEqual([KEY_50]);
      await install.stop();

      const third = install.start();
      third.runtime.delivery.start();
      await third.runtime.syncOnce();
      await third.runtime.delivery.flush();
      install.clock.advance(86_400_000);
      await third.runtime.delivery.flush();
      expect(receiver.received).toHaveLength(2);
    });

    it('merges alerts raised within the rate limit into one message that lists them, loudest first', async () => {
      const install = await scope.install();
      const receiver = await scope.receiver();
      const app = await appWithChannel(install, {
        kind: 'webhook',
        label: 'Hook',
        url: receiver.url(),
        alerts: ['threshold', 'exhausted'],
      });
      await spendAndSync(install, app);
      expect(receiver.received).toHaveLength(1);

      // 10 s later: +350 → 950 (95 %, past 90); 20 s later: +50 → 1,000 (dry). Both wait for the 60 s limit.
      install.clock.advance(10_000);
      await spendAndSync(install, app, charged('burst', 'bo', 'llm', 350, ['2026-11-20T12:00:05Z']));
      install.clock.advance(10_000);
      await spendAndSync(install, app, charged('last', 'ana', 'email', 50, ['2026-11-20T12:00:15Z']));
      expect(receiver.received).toHaveLength(1);

      install.clock.advance(40_000); // 60 s after the first message
      await receiver.waitFor(2);
      const merged = receiver.received[1]!.body as MessageBodyV1;
      expect(merged.alerts.map((a) => [a.kind, a.threshold])).toEqual([
        ['exhausted', 100],
        ['threshold', 90],
      ]);
      expect(merged.id).toMatch(/^merged\|2\|[0-9a-f]{32}$/);
      expect(receiver.received[1]!.headers['idempotency-key']).toBe(merged.id);
      expect(merged.text.split('\n')[0]).toBe('Marketing site: integration credits ran out');
      expect(merged.text).toContain('Also: Marketing site: 90% of integration credits used');
    });

    it('keeps retrying a failing receiver for a day, then gives up and shows the channel failing', async () => {
      const install = await scope.install();
      const receiver = await scope.receiver({ fallback: 503 });
      const app = await appWithChannel(install, {
        kind: 'webhook',
        label: 'Down',
        url: receiver.url(),
        alerts: ['threshold'],
      });
      await spendAndSync(install, app);
      // Waits of 30 s, 1, 2, 4, 8, 16 and 32 min (3,810 s), then an hour each: 22 more within the day
      // (3,810 + 22 × 3,600 = 83,010 s), then one last try at the 24 h deadline: 1 + 7 + 22 + 1 = 31.
      for (let n = 2; n <= 40; n++) {
        const wait = install.clock.nextTimerIn();
        if (wait === null) break;
        install.clock.advance(wait);
        await receiver.waitFor(n);
        await app.runtime.delivery.flush();
      }
      expect(receiver.received).toHaveLength(31);
      const [view] = await app.runtime.handlers.listChannels(undefined);
      expect(view!.status).toMatchObject({
        state: 'failing',
        lastError: { message: expect.stringMatching(/^HTTP 503 from 127\.0\.0\.1:\d+/) },
        pending: 0,
        givenUp: 1,
      });
      expect(app.log.lines.some((l) => l.startsWith('error channel message given up'))).toBe(true);
    });
  },
);
