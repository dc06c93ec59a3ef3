import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeSecretStore } from '../../../../src-main/secrets/node-secret-store';
import { createSessionOnlySwitch } from '../../../../src-main/secrets/session-only-switch';
import { planTokenStorage, type KeychainFacts } from '../../../../src-main/secrets/token-storage-policy';
import {
  createMemorySettingsBackend,
  createSettingsStore,
} from '../../../../src-main/settings/settings-store';
import { tempDir } from '../../../fixtures/temp-dir';

// Issue 16: where Electron's safeStorage falls back to basic_text on Linux (no keyring), the lead
// is told tokens are only obfuscated and offered to keep them for the session only. The decision
// is plain Node; the Electron adapter only reports safeStorage's facts.

const linux = (backend: string, encryptionAvailable = true): KeychainFacts => ({
  platform: 'linux',
  encryptionAvailable,
  backend,
});

describe('planTokenStorage', () => {
  it.each<[string, KeychainFacts, boolean, string, RegExp | null]>([
    ['a Linux keyring', linux('gnome_libsecret'), false, 'keychain', null],
    ['KWallet', linux('kwallet5'), false, 'keychain', null],
    [
      'macOS Keychain',
      { platform: 'darwin', encryptionAvailable: true, backend: null },
      false,
      'keychain',
      null,
    ],
    [
      'Windows DPAPI',
      { platform: 'win32', encryptionAvailable: true, backend: null },
      false,
      'keychain',
      null,
    ],
    [
      'Linux basic_text',
      linux('basic_text'),
      false,
      'obfuscated',
      /only obfuscated on disk, not encrypted.*Keep tokens for this session only/,
    ],
    ['basic_text, session only chosen', linux('basic_text'), true, 'session', null],
    [
      'no encryption at all',
      linux('basic_text', false),
      false,
      'session',
      /keeps them for this session only/,
    ],
  ])('%s', (_name, facts, sessionOnly, store, notice) => {
    const plan = planTokenStorage(facts, sessionOnly);
    expect(plan.store).toBe(store);
    if (notice) expect(plan.notice).toMatch(notice);
    else expect(plan.notice).toBeNull();
  });
});

const dirs: ReturnType<typeof tempDir>[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

describe('"Keep tokens for this session only"', () => {
  it('moves stored tokens off the disk when switched on, and back when switched off', async () => {
    const dir = tempDir('creditbar-session-only-');
    dirs.push(dir);
    const file = join(dir.dir, 'tokens.json');
    const keyDir = join(dir.dir, 'keys');
    const settings = createSettingsStore(createMemorySettingsBackend());
    settings.addAccount({ id: 'acc-1', label: 'Acme', serverUrl: 'https://api.example.com' });
    const secrets = createSessionOnlySwitch(createNodeSecretStore({ file, keyDir }), settings);
    await secrets.set('acc-1', 'cb_3q2RkXwzPlM0dY7hVbT1sQe9nUaKfGjC4oLr8ZiW6xE');
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')))).toEqual(['acc-1']);

    settings.update({ tokensSessionOnly: true });
    await secrets.settled();
    // Gone from disk, still usable in this session.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({});
    expect(await secrets.get('acc-1')).toBe('cb_3q2RkXwzPlM0dY7hVbT1sQe9nUaKfGjC4oLr8ZiW6xE');
    await secrets.set('acc-2', 'cb_another-token-000000');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({});
    // A restart in session-only mode: nothing to read back.
    const restarted = createSessionOnlySwitch(createNodeSecretStore({ file, keyDir }), settings);
    expect(await restarted.get('acc-1')).toBeNull();

    settings.update({ tokensSessionOnly: false });
    await secrets.settled();
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')))).toEqual(['acc-1']);
    expect(await createNodeSecretStore({ file, keyDir }).get('acc-1')).toBe(
      'cb_3q2RkXwzPlM0dY7hVbT1sQe9nUaKfGjC4oLr8ZiW6xE',
    );
  });
});
