import { join } from 'node:path';
import { createEncryptedFileSecretStore } from './encrypted-file-secret-store';
import { createKeyFileCipher, defaultKeyDir } from './key-file-cipher';
import { assertPrivate, processPrivacy, type PrivacyContext } from './private-files';
import type { SecretStore } from './secret-store';

export interface NodeSecretStoreOptions {
  /** The JSON file of encrypted values (e.g. `<data folder>/tokens.json`); written 0600. */
  file: string;
  /** The folder of the key, outside the data folder (default: `defaultKeyDir()`). */
  keyDir?: string;
  privacy?: PrivacyContext;
}

/**
 * Secrets encrypted at rest where no OS keychain is used (browser mode, headless runs): AES-256-GCM
 * values in `file`, the key in `keyDir/secret.key`. Throws InsecureSecretsError at once when the
 * key's folder, the key or `file` can be read by other users, so the process refuses to run.
 */
export function createNodeSecretStore(options: NodeSecretStoreOptions): SecretStore {
  const privacy = options.privacy ?? processPrivacy();
  const keyFile = join(options.keyDir ?? defaultKeyDir(), 'secret.key');
  const cipher = createKeyFileCipher(keyFile, privacy);
  assertPrivate(options.file, 'file', privacy);
  return createEncryptedFileSecretStore(options.file, cipher);
}
