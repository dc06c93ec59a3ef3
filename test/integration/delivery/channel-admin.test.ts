import { describe, expect, it } from 'vitest';
import { dispatchInvoke } from '../../../src-main/ipc/dispatch-invoke';
import { CROSS_50, deliveryScope, spendAndSync } from './delivery-fixture';

const scope = deliveryScope();
const trusted = () => ({ trusted: true as const });

describe('managing channels (Settings and the CLI share these calls)', { timeout: 30_000 }, () => {
  it('keeps the URL in the secret store only, masked everywhere it is shown; removing forgets all of it', async () => {
    const install = await scope.install();
    const r = await scope.receiver();
    const app = install.start();
    const added = await app.runtime.handlers.addChannel({
      kind: 'slack',
      label: 'Team #credits',
      url: r.url(),
    });
    expect(added).toMatchObject({
      kind: 'slack',
      label: 'Team #credits',
      alerts: ['threshold', 'exhausted', 'projected-run-out', 'mid-period-audit', 'member-budget'],
      workspaces: null,
      digest: false,
      enabled: true,
      status: { state: 'idle', lastDeliveredAt: null, lastError: null, pending: 0 },
    });
    expect(added.target).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/…CRET$/);
    expect(JSON.stringify(install.settings.get())).not.toContain('SECRET');

    const other = r.url('/services/T9/B9/NEWSECRET');
    const updated = await app.runtime.handlers.updateChannel({ id: added.id, url: other, digest: true });
    expect(updated.target.endsWith('…CRET')).toBe(true);
    expect(updated.digest).toBe(true);
    expect(await install.secrets.get(`channel:${added.id}`)).toBe(other);

    // A message in its log, then removal: the channel, its URL and its log go.
    await app.runtime.syncOnce();
    await spendAndSync(install, app, CROSS_50);
    expect(app.cache.read.deliveries.messages(added.id)).toHaveLength(1);
    await app.runtime.handlers.removeChannel({ id: added.id });
    expect(install.settings.get().channels).toEqual([]);
    expect(await install.secrets.get(`channel:${added.id}`)).toBeNull();
    expect(app.cache.read.deliveries.messages(added.id)).toEqual([]);
  });

  it('"Send a test" posts one test message and reports what the receiver said; a failed test is not retried', async () => {
    const install = await scope.install();
    const good = await scope.receiver();
    const gone = await scope.receiver({ fallback: 404 });
    const app = install.start();
    app.runtime.delivery.start();
    const ok = await app.runtime.handlers.addChannel({ kind: 'teams', label: 'Teams', url: good.url() });
    const bad = await app.runtime.handlers.addChannel({
      kind: 'webhook',
      label: 'Old hook',
      url: gone.url(),
    });

    expect(await app.runtime.handlers.testChannel({ id: ok.id })).toEqual({
      ok: true,
      message: 'Sent a test message to "Teams".',
    });
    expect(good.received).toHaveLength(1);
    expect(JSON.stringify(good.received[0]!.body)).toContain('Creditbar test message for \\"Teams\\"');
    expect(good.received[0]!.headers['x-creditbar-type']).toBe('test');

    const failed = await app.runtime.handlers.testChannel({ id: bad.id });
    expect(failed.ok).toBe(false);
    expect(failed.message).toMatch(
      /^The test message to "Old hook" failed: HTTP 404 from 127\.0\.0\.1:\d+: internal_error\.$/,
    );
    const views = await app.runtime.handlers.listChannels(undefined);
    expect(views.find((v) => v.id === bad.id)!.status).toMatchObject({ state: 'failing', pending: 0 });
    expect(views.find((v) => v.id === ok.id)!.status).toMatchObject({ state: 'ok' });
    install.clock.advance(3_600_000);
    await app.runtime.delivery.flush();
    expect(gone.received).toHaveLength(1);
  });

  it('refuses a bad channel in one sentence naming the field, and stores nothing', async () => {
    const install = await scope.install();
    const app = install.start();
    const r = await dispatchInvoke(
      app.runtime.handlers,
      'channels:add',
      { kind: 'slack', label: 'S', url: 'http://hooks.example.com/services/SECRET' },
      trusted,
    );
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message:
          'Invalid input for channels:add: url: the slack URL must use https:// (plain http is only accepted for this machine, 127.0.0.1)',
      },
    });
    expect(install.settings.get().channels).toEqual([]);
    const missing = await dispatchInvoke(app.runtime.handlers, 'channels:test', { id: 'ch-nope' }, trusted);
    expect(missing).toEqual({
      ok: false,
      error: { code: 'failed', message: 'There is no channel "ch-nope".' },
    });
  });
});
