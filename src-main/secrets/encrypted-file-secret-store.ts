import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretStore } from './secret-store';

/** Encrypts and decrypts with a key the operating system keeps (Electron's safeStorage in the app). */
export interface TokenCipher {
  available(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(encrypted: Buffer): string;
}

/** No OS-backed encryption here: a token is never written in the clear instead. */
export class EncryptionUnavailableError extends Error {
  constructor() {
    super(
      'this system offers no encrypted storage (keychain) for the token: unlock or install one, then add the account again',
    );
    this.name = 'EncryptionUnavailableError';
  }
}

/**
 * Tokens encrypted by `cipher`, kept as base64 in one JSON file (mode 0600) by account id. The file
 * never holds a token in the clear; it is replaced atomically so a crash cannot leave half of it.
 */
export function createEncryptedFileSecretStore(file: string, cipher: TokenCipher): SecretStore {
  const load = (): Record<string, string> => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new Error(
        `the secrets file ${file} cannot be read (${(err as Error).message}): move it away and enter the tokens again`,
      );
    }
  };
  const save = (entries: Record<string, string>) => {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(entries), { mode: 0o600 });
    renameSync(tmp, file);
  };
  return {
    async get(id) {
      const entry = load()[id];
      if (entry === undefined) return null;
      if (!cipher.available()) throw new EncryptionUnavailableError();
      return cipher.decrypt(Buffer.from(entry, 'base64'));
    },
    async set(id, token) {
      if (!cipher.available()) throw new EncryptionUnavailableError();
      save({ ...load(), [id]: cipher.encrypt(token).toString('base64') });
    },
    async delete(id) {
      const entries = load();
      if (!(id in entries)) return;
      delete entries[id];
      save(entries);
    },
  };
}
