import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { openSync, readFileSync, writeSync, closeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TokenCipher } from './encrypted-file-secret-store';
import {
  assertPrivate,
  ensurePrivateFolder,
  InsecureSecretsError,
  type PrivacyContext,
} from './private-files';

const KEY_PREFIX = 'creditbar-secret-key-v1:';
const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A stored secret that the key cannot open: the key changed, was removed, or the file was altered. */
export class SecretUnreadableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretUnreadableError';
  }
}

/**
 * Where the key lives when no OS keychain is used: a `creditbar-keys` folder (0700) in the user's
 * config folder, outside any data folder, so copying or sharing a data folder never carries the key.
 * `CREDITBAR_KEY_DIR` overrides it (tests, several installs side by side).
 */
export function defaultKeyDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env['CREDITBAR_KEY_DIR']) return env['CREDITBAR_KEY_DIR'];
  const config =
    platform === 'win32'
      ? (env['APPDATA'] ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : env['XDG_CONFIG_HOME'] || join(home, '.config');
  return join(config, 'creditbar-keys');
}

function parseKey(text: string, keyFile: string): Buffer {
  const key = text.startsWith(KEY_PREFIX)
    ? Buffer.from(text.slice(KEY_PREFIX.length).trim(), 'base64')
    : null;
  if (key === null || key.length !== 32)
    throw new InsecureSecretsError(
      `${keyFile} is not a Creditbar key: move it away (the tokens it encrypted must then be entered again)`,
    );
  return key;
}

/** Reads the key, creating it (32 random bytes, 0600, exclusively) when `create` and there is none. */
function loadKey(keyFile: string, ctx: PrivacyContext, create: boolean): Buffer | null {
  ensurePrivateFolder(dirname(keyFile), ctx);
  if (assertPrivate(keyFile, 'file', ctx)) return parseKey(readFileSync(keyFile, 'utf8'), keyFile);
  if (!create) return null;
  const key = randomBytes(32);
  let fd: number;
  try {
    fd = openSync(keyFile, 'wx', 0o600);
  } catch (err) {
    // Another process made it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return loadKey(keyFile, ctx, false);
    throw err;
  }
  try {
    writeSync(fd, `${KEY_PREFIX}${key.toString('base64')}\n`);
  } finally {
    closeSync(fd);
  }
  return key;
}

/**
 * AES-256-GCM with a random key in `keyFile` (private to this user; any other mode is refused, the
 * key is made on the first encryption). Each value gets its own IV; the tag makes a changed file or
 * a different key fail loudly instead of decrypting to garbage. Checks the folder and an existing
 * key at once, so a process refuses to start rather than failing at its first secret.
 */
export function createKeyFileCipher(keyFile: string, ctx: PrivacyContext): TokenCipher {
  let key = loadKey(keyFile, ctx, false);
  const keyOrCreate = () => (key ??= loadKey(keyFile, ctx, true)!);
  return {
    available: () => true,
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keyOrCreate(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([FORMAT]), iv, cipher.getAuthTag(), body]);
    },
    decrypt(encrypted) {
      const unreadable = new SecretUnreadableError(
        `a stored secret cannot be decrypted with the key in ${keyFile} (the key was replaced or removed, or the file was changed): enter it again`,
      );
      const current = key ?? loadKey(keyFile, ctx, false);
      if (current === null || encrypted.length < 1 + IV_BYTES + TAG_BYTES || encrypted[0] !== FORMAT)
        throw unreadable;
      key = current;
      const iv = encrypted.subarray(1, 1 + IV_BYTES);
      const tag = encrypted.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', current, iv);
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([
          decipher.update(encrypted.subarray(1 + IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw unreadable;
      }
    },
  };
}
