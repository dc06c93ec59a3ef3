// The app's token store: Electron safeStorage (the OS keychain) encrypts, a file in userData holds the result.
import { app, safeStorage } from 'electron';
import { join } from 'node:path';
import { createEncryptedFileSecretStore } from './encrypted-file-secret-store';
import type { SecretStore } from './secret-store';
import type { KeychainFacts } from './token-storage-policy';

/** Tokens encrypted with safeStorage in `<userData>/tokens.json` (or `file`); call after app 'ready'. */
export function createElectronSecretStore(file = join(app.getPath('userData'), 'tokens.json')): SecretStore {
  return createEncryptedFileSecretStore(file, {
    available: () => safeStorage.isEncryptionAvailable(),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (encrypted) => safeStorage.decryptString(encrypted),
  });
}

/** What safeStorage says about the keychain, for planTokenStorage; call after app 'ready'. */
export function electronKeychainFacts(): KeychainFacts {
  return {
    platform: process.platform,
    encryptionAvailable: safeStorage.isEncryptionAvailable(),
    backend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
  };
}
