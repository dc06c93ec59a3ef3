import { describe, expect, it } from 'vitest';
import type { NetworkState } from '../../../../src-main/updates/update-policy';
import {
  createUpdateService,
  type Updater,
  type UpdateMemory,
} from '../../../../src-main/updates/update-service';
import type { UpdateStatus } from '../../../../src-shared/ipc/update-status';
import { FakeClock } from '../helpers/fake-clock';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** electron-updater cannot run without Electron: a release server answering what the test says. */
function fakeUpdater(latest: string | null, options: { fail?: Error } = {}) {
  const calls: string[] = [];
  const updater: Updater & { calls: string[]; latest: string | null; fail?: Error } = {
    currentVersion: '0.1.0',
    unsupported: null,
    calls,
    latest,
    fail: options.fail,
    async check() {
      calls.push('check');
      if (updater.fail) throw updater.fail;
      return updater.latest ? { version: updater.latest, bytes: 94_600_000 } : null;
    },
    async download(onProgress) {
      calls.push('download');
      for (const p of [12.5, 12.9, 50, 100]) onProgress(p);
    },
    install: () => void calls.push('install'),
  };
  return updater;
}

function setup(options: {
  updater: ReturnType<typeof fakeUpdater>;
  network?: NetworkState;
  enabled?: boolean;
  memory?: ReturnType<UpdateMemory['get']>;
}) {
  const clock = new FakeClock(NOW);
  let network = options.network ?? { online: true, metered: false };
  let enabled = options.enabled ?? true;
  let stored = options.memory ?? { lastCheckAt: null, lastAttemptAt: null };
  const statuses: UpdateStatus[] = [];
  const service = createUpdateService({
    updater: options.updater,
    network: async () => network,
    enabled: () => enabled,
    memory: { get: () => stored, set: (v) => (stored = v) },
    clock,
    log: { info: () => undefined, warn: () => undefined },
    startDelayMs: MINUTE,
    tickMs: HOUR,
  });
  service.onChange((s) => statuses.push(s));
  return {
    clock,
    service,
    statuses,
    memory: () => stored,
    setNetwork: (n: NetworkState) => (network = n),
    setEnabled: (e: boolean) => (enabled = e),
    /** Advances the clock and lets the check that fired finish. */
    async advance(ms: number) {
      clock.advance(ms);
      await service.whenIdle();
    },
  };
}

describe('update service: automatic checks', () => {
  it('checks a minute after start, downloads on an unmetered connection, and offers the restart', async () => {
    const updater = fakeUpdater('0.2.0');
    const t = setup({ updater });
    t.service.start();
    await t.advance(MINUTE - 1);
    expect(updater.calls).toEqual([]);
    await t.advance(1);
    expect(updater.calls).toEqual(['check', 'download']);
    expect(t.statuses.map((s) => s.kind)).toEqual([
      'checking',
      'downloading',
      'downloading',
      'downloading',
      'downloading',
      'ready',
    ]);
    // Progress is news only when the whole percent moves: 12.5 and 12.9 are one step.
    expect(
      t.statuses.filter((s) => s.kind === 'downloading').map((s) => (s as { percent: number }).percent),
    ).toEqual([0, 12.5, 50, 100]);
    const ready = t.service.status();
    expect(ready).toMatchObject({ kind: 'ready', version: '0.2.0', actions: ['install'] });
    expect(ready.lastCheckAt).toBe(new Date(NOW + MINUTE).toISOString());
    t.service.install();
    expect(updater.calls.at(-1)).toBe('install');
    t.service.dispose();
  });

  it('never checks on a metered start, and checks once the connection is not metered', async () => {
    const updater = fakeUpdater('0.2.0');
    const t = setup({ updater, network: { online: true, metered: true } });
    t.service.start();
    await t.advance(MINUTE);
    expect(updater.calls).toEqual([]);
    expect(t.service.status()).toMatchObject({
      kind: 'skipped',
      reason: 'metered',
      message: 'Not checked for updates on a metered connection. Check now to do it anyway.',
      actions: ['check'],
    });
    t.setNetwork({ online: true, metered: false });
    await t.advance(HOUR);
    expect(updater.calls).toEqual(['check', 'download']);
    t.service.dispose();
  });

  it('never checks on an offline start', async () => {
    const updater = fakeUpdater('0.2.0');
    const t = setup({ updater, network: { online: false, metered: null } });
    t.service.start();
    await t.advance(MINUTE);
    expect(updater.calls).toEqual([]);
    expect(t.service.status()).toMatchObject({ kind: 'skipped', reason: 'offline' });
    t.service.dispose();
  });

  it('does nothing automatic with the setting off, and picks up when it is switched back on', async () => {
    const updater = fakeUpdater(null);
    const t = setup({ updater, enabled: false });
    t.service.start();
    await t.advance(MINUTE + 3 * HOUR);
    expect(updater.calls).toEqual([]);
    expect(t.service.status()).toMatchObject({
      kind: 'skipped',
      reason: 'disabled',
      message: 'Automatic update checks are off.',
    });
    t.setEnabled(true);
    t.service.poke('timer');
    await t.service.whenIdle();
    expect(updater.calls).toEqual(['check']);
    expect(t.service.status()).toMatchObject({
      kind: 'up-to-date',
      message: 'Creditbar 0.1.0 is the latest version.',
    });
    t.service.dispose();
  });

  it('checks once a day, remembered across a restart', async () => {
    const updater = fakeUpdater(null);
    const t = setup({ updater });
    t.service.start();
    await t.advance(MINUTE);
    await t.advance(23 * HOUR);
    expect(updater.calls).toEqual(['check']);
    await t.advance(HOUR);
    expect(updater.calls).toEqual(['check', 'check']);
    t.service.dispose();

    // A restart two hours after the last check: the stored instant says "not due".
    const again = setup({ updater: fakeUpdater(null), memory: t.memory() });
    again.clock.advance(24 * HOUR + 2 * HOUR);
    again.service.start();
    await again.advance(MINUTE);
    expect(again.service.status().kind).toBe('idle');
    again.service.dispose();
  });

  it('after a failed check tries again an hour later, and says why in one line', async () => {
    const updater = fakeUpdater('0.2.0', { fail: new Error('getaddrinfo ENOTFOUND api.github.com') });
    const t = setup({ updater });
    t.service.start();
    await t.advance(MINUTE);
    expect(t.service.status()).toMatchObject({
      kind: 'error',
      message:
        'The update check failed: the release server could not be reached. Creditbar tries again in an hour.',
    });
    updater.fail = undefined;
    await t.advance(HOUR);
    expect(updater.calls).toEqual(['check', 'check', 'download']);
    expect(t.service.status().kind).toBe('ready');
    t.service.dispose();
  });

  it('with no release published yet, waits a day, not an hour', async () => {
    const noRelease = Object.assign(new Error('No published versions on GitHub'), {
      code: 'ERR_UPDATER_NO_PUBLISHED_VERSIONS',
    });
    const updater = fakeUpdater(null, { fail: noRelease });
    const t = setup({ updater });
    t.service.start();
    await t.advance(MINUTE);
    await t.advance(5 * HOUR);
    expect(updater.calls).toEqual(['check']);
    await t.advance(19 * HOUR);
    expect(updater.calls).toEqual(['check', 'check']);
    t.service.dispose();
  });
});

describe('update service: the lead’s buttons', () => {
  it('"Check now" on a metered connection finds the update and waits for "Download"', async () => {
    const updater = fakeUpdater('0.2.0');
    const t = setup({ updater, network: { online: true, metered: true }, enabled: false });
    const found = await t.service.checkNow();
    expect(found).toMatchObject({
      kind: 'available',
      version: '0.2.0',
      message:
        'Creditbar 0.2.0 is available (you have 0.1.0). You are on a metered connection: download it (95 MB) when you are ready.',
      actions: ['download'],
    });
    expect(updater.calls).toEqual(['check']);
    expect(await t.service.download()).toMatchObject({ kind: 'ready', version: '0.2.0' });
    expect(updater.calls).toEqual(['check', 'download']);
  });

  it('"Check now" offline says so and asks nothing', async () => {
    const updater = fakeUpdater('0.2.0');
    const t = setup({ updater, network: { online: false, metered: null } });
    expect(await t.service.checkNow()).toMatchObject({ kind: 'skipped', reason: 'offline' });
    expect(updater.calls).toEqual([]);
  });

  it('refuses to install before anything was downloaded', () => {
    const t = setup({ updater: fakeUpdater(null) });
    expect(() => t.service.install()).toThrow('No update has been downloaded yet.');
  });

  it('a copy that cannot update itself never asks the server and says why', async () => {
    const updater = { ...fakeUpdater('0.2.0'), unsupported: 'development' as const };
    const t = setup({ updater });
    t.service.start();
    expect(t.clock.pending).toBe(0);
    expect(await t.service.checkNow()).toMatchObject({
      kind: 'unsupported',
      message: 'This is a development build: only an installed Creditbar checks for new releases.',
      actions: [],
    });
    expect(updater.calls).toEqual([]);
  });
});
