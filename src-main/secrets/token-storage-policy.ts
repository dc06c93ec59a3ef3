/** What Electron says about the OS keychain (safeStorage), gathered by the adapter. */
export interface KeychainFacts {
  platform: NodeJS.Platform;
  /** safeStorage.isEncryptionAvailable(). */
  encryptionAvailable: boolean;
  /** safeStorage.getSelectedStorageBackend() on Linux ('basic_text', 'gnome_libsecret', 'kwallet5' ...), else null. */
  backend: string | null;
}

/** Where tokens go, and what the lead must hear about it (null: nothing to say). */
export interface TokenStoragePlan {
  store: 'keychain' | 'obfuscated' | 'session';
  notice: string | null;
}

export const TOKEN_STORAGE_NOTICE_KEY = 'token-storage';

/**
 * Decides where the app keeps tokens. On Linux without a keyring (GNOME Keyring, KWallet),
 * Electron's safeStorage falls back to its `basic_text` backend: the "encryption" uses a key
 * written in Chromium's source, so anyone who can read the file can read the tokens. The lead is
 * told so, and offered to keep tokens for this session only (Settings › Accounts). Where no
 * encryption is available at all, tokens are kept for the session only and the lead is told why.
 */
export function planTokenStorage(facts: KeychainFacts, sessionOnly: boolean): TokenStoragePlan {
  if (sessionOnly) return { store: 'session', notice: null };
  if (!facts.encryptionAvailable)
    return {
      store: 'session',
      notice:
        'This system offers no keychain to encrypt account tokens, so Creditbar keeps them for this session only: enter them again after a restart (or install and unlock a keyring such as GNOME Keyring or KWallet).',
    };
  if (facts.platform === 'linux' && facts.backend === 'basic_text')
    return {
      store: 'obfuscated',
      notice:
        'No keyring was found (GNOME Keyring, KWallet), so account tokens are only obfuscated on disk, not encrypted: anyone who can read your files can read them. To keep them for this session only, switch on "Keep tokens for this session only" in Settings › Accounts.',
    };
  return { store: 'keychain', notice: null };
}
