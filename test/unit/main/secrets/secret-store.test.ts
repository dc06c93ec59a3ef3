import { readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createEncryptedFileSecretStore,
  EncryptionUnavailableError,
  type TokenCipher,
} from '../../../../src-main/secrets/encrypted-file-secret-store';
import { createEnvSecretStore, createMemorySecretStore } from '../../../../src-main/secrets/secret-store';
import { tempDir } from '../../../fixtures/temp-dir';

// A reversible stand-in for safeStorage: XOR with a key, so the file can be checked for clear text.
function xorCipher(available = true): TokenCipher {
  const key = 0x5a;
  return {
    available: () => available,
    encrypt: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ key)),
    decrypt: (buf) => Buffer.from(buf.map((b) => b ^ key)).toString('utf8'),
  };
}

const dirs: { cleanup: () => void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

describe('encrypted file secret store', () => {
  it('round-trips tokens by account without writing them in the clear', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = dir.file('tokens.json');
    const store = createEncryptedFileSecretStore(file, xorCipher());
    await store.set('acme', 'tok-acme-123456');
    await store.set('beta', 'tok-beta-654321');
    expect(await store.get('acme')).toBe('tok-acme-123456');
    expect(readFileSync(file, 'utf8')).not.toContain('tok-acme');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await store.delete('acme');
    expect(await store.get('acme')).toBeNull();
    expect(await createEncryptedFileSecretStore(file, xorCipher()).get('beta')).toBe('tok-beta-654321');
  });

  it('refuses to store a token when no encryption is available', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = createEncryptedFileSecretStore(dir.file('tokens.json'), xorCipher(false));
    await expect(store.set('acme', 'tok')).rejects.toThrow(EncryptionUnavailableError);
  });
});

describe('memory and environment stores', () => {
  it('memory store keeps tokens by account', async () => {
    const store = createMemorySecretStore({ a: 'x' });
    expect(await store.get('a')).toBe('x');
    await store.set('b', 'y');
    await store.delete('a');
    expect([await store.get('a'), await store.get('b')]).toEqual([null, 'y']);
  });

  it('env store reads the named variable and is read-only', async () => {
    const store = createEnvSecretStore(() => 'CREDITBAR_TOKEN', { CREDITBAR_TOKEN: 'from-env' });
    expect(await store.get('any')).toBe('from-env');
    await expect(store.set('any', 'x')).rejects.toThrow(/environment/);
    expect(await createEnvSecretStore(() => 'MISSING', {}).get('any')).toBeNull();
  });
});
