import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../src-main/cache/cache';
import { cacheUpdateMemory } from '../../../src-main/updates/update-memory';
import { createUpdateService, type Updater } from '../../../src-main/updates/update-service';
import { FakeClock } from '../../unit/main/helpers/fake-clock';
import { tempDir } from '../../fixtures/temp-dir';
import { appInstall } from './runtime-fixture';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const HOUR = 3_600_000;

/** electron-updater cannot run without Electron: a release server with nothing newer. */
function upToDate(): Updater & { checks: number } {
  const updater = {
    currentVersion: '0.1.0',
    unsupported: null,
    checks: 0,
    check: async () => {
      updater.checks++;
      return null;
    },
    download: async () => undefined,
    install: () => undefined,
  };
  return updater;
}

describe('updates over the real cache and runtime', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('remembers the last check in the cache file, so a restart does not ask the server again', async () => {
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    const run = async (clock: FakeClock, updater: Updater & { checks: number }) => {
      const cache = openCache(dir.file('cache.sqlite'));
      const service = createUpdateService({
        updater,
        network: async () => ({ online: true, metered: false }),
        enabled: () => true,
        memory: cacheUpdateMemory(cache),
        clock,
        log: { info: () => undefined, warn: () => undefined },
        startDelayMs: 60_000,
      });
      service.start();
      clock.advance(60_000);
      await service.whenIdle();
      const status = service.status();
      service.dispose();
      cache.close();
      return status;
    };
    const first = upToDate();
    expect(await run(new FakeClock(NOW), first)).toMatchObject({
      kind: 'up-to-date',
      lastCheckAt: new Date(NOW + 60_000).toISOString(),
    });
    expect(first.checks).toBe(1);

    // Three hours later the app starts again: the cache says a check answered, nothing is asked.
    const second = upToDate();
    expect(await run(new FakeClock(NOW + 3 * HOUR), second)).toMatchObject({
      kind: 'idle',
      lastCheckAt: new Date(NOW + 60_000).toISOString(),
    });
    expect(second.checks).toBe(0);

    // A day after the first check it is due again.
    const third = upToDate();
    await run(new FakeClock(NOW + 25 * HOUR), third);
    expect(third.checks).toBe(1);
  });

  it('in browser mode (no updater) the runtime answers that the desktop app updates itself', async () => {
    const install = appInstall();
    cleanups.push(() => install.cleanup());
    const { runtime } = install.start({ appVersion: '0.1.0' });
    expect(await runtime.handlers.getUpdateStatus(undefined)).toEqual({
      kind: 'unsupported',
      reason: 'browser',
      currentVersion: '0.1.0',
      lastCheckAt: null,
      message: 'Browser mode does not update itself: the desktop app checks for new releases.',
      actions: [],
    });
    expect(await runtime.handlers.checkForUpdates(undefined)).toMatchObject({ kind: 'unsupported' });
    expect(await runtime.handlers.installUpdate(undefined)).toEqual({ installing: false });
    // Only the Electron shell has a popover to hide.
    expect(await runtime.handlers.hidePopover(undefined)).toEqual({ hidden: false });
  });
});
