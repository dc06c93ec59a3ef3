import { describe, expect, it } from 'vitest';
import {
  CHECK_EVERY_MS,
  decideUpdateCheck,
  describeUpdate,
  downloadAutomatically,
  RETRY_AFTER_MS,
  unsupportedReason,
  updateErrorView,
  type UpdateCheckInput,
} from '../../../../src-main/updates/update-policy';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const HOUR = 3_600_000;
const base: UpdateCheckInput = {
  trigger: 'start',
  enabled: true,
  unsupported: null,
  network: { online: true, metered: false },
  now: NOW,
  lastCheckAt: null,
  lastAttemptAt: null,
  busy: false,
};

describe('decideUpdateCheck', () => {
  it.each<{ name: string; input: Partial<UpdateCheckInput>; expected: ReturnType<typeof decideUpdateCheck> }>(
    [
      { name: 'first start, online, unmetered: check', input: {}, expected: { check: true } },
      {
        name: 'never on a metered start',
        input: { network: { online: true, metered: true } },
        expected: { check: false, reason: 'metered' },
      },
      {
        name: 'never on an offline start',
        input: { network: { online: false, metered: null } },
        expected: { check: false, reason: 'offline' },
      },
      {
        name: 'metered unknown (macOS): the check is a few KB, so it runs',
        input: { network: { online: true, metered: null } },
        expected: { check: true },
      },
      {
        name: 'the setting is off',
        input: { enabled: false },
        expected: { check: false, reason: 'disabled' },
      },
      {
        name: 'a development build',
        input: { unsupported: 'development' },
        expected: { check: false, reason: 'unsupported' },
      },
      { name: 'a check or download runs', input: { busy: true }, expected: { check: false, reason: 'busy' } },
      {
        name: 'answered 23 h ago: not due',
        input: { lastCheckAt: NOW - 23 * HOUR, lastAttemptAt: NOW - 23 * HOUR },
        expected: { check: false, reason: 'not-due' },
      },
      {
        name: 'answered 24 h ago: due',
        input: { lastCheckAt: NOW - CHECK_EVERY_MS, lastAttemptAt: NOW - CHECK_EVERY_MS },
        expected: { check: true },
      },
      {
        name: 'failed 30 min ago: not yet',
        input: { lastCheckAt: NOW - 48 * HOUR, lastAttemptAt: NOW - 30 * 60_000 },
        expected: { check: false, reason: 'not-due' },
      },
      {
        name: 'failed an hour ago: retry',
        input: { lastCheckAt: NOW - 48 * HOUR, lastAttemptAt: NOW - RETRY_AFTER_MS },
        expected: { check: true },
      },
      // The lead's button: skips the setting, the schedule and the metered rule...
      {
        name: 'manual, setting off, metered, checked a minute ago',
        input: {
          trigger: 'manual',
          enabled: false,
          network: { online: true, metered: true },
          lastCheckAt: NOW - 60_000,
          lastAttemptAt: NOW - 60_000,
        },
        expected: { check: true },
      },
      // ...but not the network, the install kind or a running check.
      {
        name: 'manual offline',
        input: { trigger: 'manual', network: { online: false, metered: null } },
        expected: { check: false, reason: 'offline' },
      },
      {
        name: 'manual in browser mode',
        input: { trigger: 'manual', unsupported: 'browser' },
        expected: { check: false, reason: 'unsupported' },
      },
    ],
  )('$name', ({ input, expected }) => {
    expect(decideUpdateCheck({ ...base, ...input })).toEqual(expected);
  });
});

describe('downloadAutomatically', () => {
  it.each([
    [{ online: true, metered: false }, true],
    [{ online: true, metered: null }, true],
    [{ online: true, metered: true }, false],
    [{ online: false, metered: false }, false],
  ])('%j → %s', (network, expected) => {
    expect(downloadAutomatically(network)).toBe(expected);
  });
});

describe('unsupportedReason', () => {
  it.each([
    [{ packaged: false, platform: 'win32' as const, appImage: undefined, packageType: null }, 'development'],
    [{ packaged: true, platform: 'win32' as const, appImage: undefined, packageType: null }, null],
    [{ packaged: true, platform: 'darwin' as const, appImage: undefined, packageType: null }, null],
    [
      {
        packaged: true,
        platform: 'linux' as const,
        appImage: '/home/ana/Creditbar.AppImage',
        packageType: null,
      },
      null,
    ],
    [{ packaged: true, platform: 'linux' as const, appImage: undefined, packageType: 'deb' }, null],
    [{ packaged: true, platform: 'linux' as const, appImage: undefined, packageType: null }, 'not-installed'],
  ])('%j → %s', (kind, expected) => {
    expect(unsupportedReason(kind)).toBe(expected);
  });
});

describe('what the lead is told', () => {
  it.each([
    [{ kind: 'idle' as const }, 'You have Creditbar 0.1.0.', ['check']],
    [
      { kind: 'skipped' as const, reason: 'metered' as const },
      'Not checked for updates on a metered connection. Check now to do it anyway.',
      ['check'],
    ],
    [
      { kind: 'skipped' as const, reason: 'offline' as const },
      'Not checked for updates: there is no network connection. Creditbar tries again later.',
      ['check'],
    ],
    [{ kind: 'up-to-date' as const }, 'Creditbar 0.1.0 is the latest version.', ['check']],
    [
      { kind: 'available' as const, version: '0.2.0', bytes: 94_600_000 },
      'Creditbar 0.2.0 is available (you have 0.1.0). You are on a metered connection: download it (95 MB) when you are ready.',
      ['download'],
    ],
    [
      { kind: 'downloading' as const, version: '0.2.0', percent: 45.9 },
      'Downloading Creditbar 0.2.0: 45 %.',
      [],
    ],
    [
      { kind: 'ready' as const, version: '0.2.0' },
      'Creditbar 0.2.0 is ready: restart to update, or it installs when you quit.',
      ['install'],
    ],
    [
      { kind: 'unsupported' as const, reason: 'browser' as const },
      'Browser mode does not update itself: the desktop app checks for new releases.',
      [],
    ],
  ])('%j', (phase, message, actions) => {
    expect(describeUpdate(phase, '0.1.0')).toEqual({ message, actions });
  });

  it('says an updater error in one short line, and which errors still count as an answer', () => {
    const noRelease = Object.assign(new Error('No published versions on GitHub'), {
      code: 'ERR_UPDATER_NO_PUBLISHED_VERSIONS',
    });
    expect(updateErrorView(noRelease)).toEqual({
      message: 'no release is published yet. Creditbar looks again tomorrow.',
      answered: true,
    });
    expect(updateErrorView(new Error('getaddrinfo ENOTFOUND api.github.com'))).toEqual({
      message: 'the release server could not be reached. Creditbar tries again in an hour.',
      answered: false,
    });
    const http = new Error(
      `HttpError: 502 Bad Gateway\n"method: GET url: https://github.com/..."\nHeaders: {...}`,
    );
    expect(updateErrorView(http)).toEqual({
      message: 'HttpError: 502 Bad Gateway. Creditbar tries again in an hour.',
      answered: false,
    });
  });
});
