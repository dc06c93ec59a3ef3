import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultKeyDir, SecretUnreadableError } from '../../../../src-main/secrets/key-file-cipher';
import { createNodeSecretStore } from '../../../../src-main/secrets/node-secret-store';
import { InsecureSecretsError, processPrivacy } from '../../../../src-main/secrets/private-files';
import { tempDir } from '../../../fixtures/temp-dir';

const dirs: { cleanup: () => void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

/** A data folder and, apart from it, a config folder for the key (as in browser mode). */
function setup() {
  const root = tempDir('creditbar-secrets-');
  dirs.push(root);
  const data = join(root.dir, 'data');
  mkdirSync(data);
  return { file: join(data, 'tokens.json'), keyDir: join(root.dir, 'config', 'creditbar-keys') };
}

const mode = (path: string) => statSync(path).mode & 0o777;
const realToken = 'cb_3q2RkXwzPlM0dY7hVbT1sQe9nUaKfGjC4oLr8ZiW6xE';

describe('node secret store (key file outside the data folder)', () => {
  it('keeps a secret across a restart, encrypted, in private files', async () => {
    const { file, keyDir } = setup();
    await createNodeSecretStore({ file, keyDir }).set('acc-1', realToken);
    // A new process: a new store over the same files.
    expect(await createNodeSecretStore({ file, keyDir }).get('acc-1')).toBe(realToken);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(realToken);
    expect(text).not.toContain(Buffer.from(realToken).toString('base64'));
    expect(mode(file)).toBe(0o600);
    expect(mode(keyDir)).toBe(0o700);
    expect(mode(join(keyDir, 'secret.key'))).toBe(0o600);
    // The key is not in the data folder.
    expect(readFileSync(join(keyDir, 'secret.key'), 'utf8')).toMatch(/^creditbar-secret-key-v1:/);
  });

  it('encrypts the same secret differently each time (a fresh IV per value)', async () => {
    const { file, keyDir } = setup();
    const store = createNodeSecretStore({ file, keyDir });
    await store.set('a', realToken);
    await store.set('b', realToken);
    const entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    expect(entries['a']).not.toBe(entries['b']);
    await store.delete('a');
    expect([await store.get('a'), await store.get('b')]).toEqual([null, realToken]);
  });

  it('refuses to run when the key folder is open to other users, naming the fix', async () => {
    const { file, keyDir } = setup();
    await createNodeSecretStore({ file, keyDir }).set('acc-1', realToken);
    chmodSync(keyDir, 0o755);
    expect(() => createNodeSecretStore({ file, keyDir })).toThrow(InsecureSecretsError);
    expect(() => createNodeSecretStore({ file, keyDir })).toThrow(`run "chmod 700 ${keyDir}"`);
  });

  it('refuses a key file or a secrets file others can read', async () => {
    const { file, keyDir } = setup();
    await createNodeSecretStore({ file, keyDir }).set('acc-1', realToken);
    chmodSync(join(keyDir, 'secret.key'), 0o644);
    expect(() => createNodeSecretStore({ file, keyDir })).toThrow(/mode 644.*chmod 600/);
    chmodSync(join(keyDir, 'secret.key'), 0o600);
    chmodSync(file, 0o640);
    expect(() => createNodeSecretStore({ file, keyDir })).toThrow(/tokens\.json is open to other users/);
  });

  it('refuses a key folder created by another user', async () => {
    const { file, keyDir } = setup();
    mkdirSync(keyDir, { recursive: true, mode: 0o700 });
    const other = { ...processPrivacy(), uid: (process.getuid?.() ?? 0) + 4242 };
    expect(() => createNodeSecretStore({ file, keyDir, privacy: other })).toThrow(/belongs to another user/);
  });

  it('says a secret cannot be read when the key was replaced or the file altered', async () => {
    const { file, keyDir } = setup();
    await createNodeSecretStore({ file, keyDir }).set('acc-1', realToken);
    const keyFile = join(keyDir, 'secret.key');
    const original = readFileSync(keyFile, 'utf8');
    writeFileSync(keyFile, `creditbar-secret-key-v1:${Buffer.alloc(32, 7).toString('base64')}\n`);
    await expect(createNodeSecretStore({ file, keyDir }).get('acc-1')).rejects.toThrow(SecretUnreadableError);
    writeFileSync(keyFile, original);
    const entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    const bytes = Buffer.from(entries['acc-1']!, 'base64');
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    writeFileSync(file, JSON.stringify({ 'acc-1': bytes.toString('base64') }), { mode: 0o600 });
    await expect(createNodeSecretStore({ file, keyDir }).get('acc-1')).rejects.toThrow(/enter it again/);
  });

  it('with the key gone, a stored secret is unreadable and a new key is made for new ones', async () => {
    const { file, keyDir } = setup();
    await createNodeSecretStore({ file, keyDir }).set('old', realToken);
    const { rmSync } = await import('node:fs');
    rmSync(join(keyDir, 'secret.key'));
    const store = createNodeSecretStore({ file, keyDir });
    await expect(store.get('old')).rejects.toThrow(SecretUnreadableError);
    await store.set('new', 'cb_demo_1');
    expect(await store.get('new')).toBe('cb_demo_1');
  });

  it('keeps the key in the config folder of each platform, or CREDITBAR_KEY_DIR', () => {
    expect(defaultKeyDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/creditbar-keys');
    expect(defaultKeyDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ana')).toBe('/cfg/creditbar-keys');
    expect(defaultKeyDir({}, 'darwin', '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support/creditbar-keys',
    );
    expect(defaultKeyDir({ CREDITBAR_KEY_DIR: '/k' }, 'linux', '/home/ana')).toBe('/k');
  });
});
