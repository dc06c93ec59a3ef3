import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../src-shared/display/dates';
import { appInstall } from './runtime-fixture';

let install: ReturnType<typeof appInstall>;
beforeEach(() => {
  install = appInstall();
});
afterEach(() => install.cleanup());

/**
 * The snapshot says the zone the runtime words its alert sentences in, so the renderer (browser
 * mode's may run in another zone) writes the alert centre's meta line in the same one.
 */
describe('the snapshot carries the zone of its alert sentences', { timeout: 90_000 }, () => {
  it('Asia/Tokyo: snapshot.timeZone, and the demo alerts say their instants in Tokyo', async () => {
    const { runtime } = install.start({ timeZone: 'Asia/Tokyo' });
    runtime.start();
    await runtime.handlers.startDemo(undefined);
    await runtime.whenIdle();
    const snapshot = runtime.snapshot();
    expect(snapshot.timeZone).toBe('Asia/Tokyo');
    const dated = snapshot.alerts.filter((a) => a.kind === 'threshold' || a.kind === 'exhausted');
    expect(dated.length).toBeGreaterThan(0);
    for (const a of dated)
      expect(a.message).toContain(formatDateTime(a.at, { locale: 'en-US', timeZone: 'Asia/Tokyo' }));
  });
});
