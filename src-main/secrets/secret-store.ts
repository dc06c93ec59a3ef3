/**
 * Where account tokens live, by account id: never in settings, logs or the cache. The app uses
 * the Electron safeStorage store (encrypted at rest); tests use the in-memory store and the CLI
 * reads a token from an environment variable (`--token-env NAME`), so it is never on a command line.
 */
export interface SecretStore {
  get(accountId: string): Promise<string | null>;
  set(accountId: string, token: string): Promise<void>;
  delete(accountId: string): Promise<void>;
}

/** Tokens in memory only, gone when the process ends (tests, browser-mode demo). */
export function createMemorySecretStore(initial: Record<string, string> = {}): SecretStore {
  const tokens = new Map(Object.entries(initial));
  return {
    get: async (id) => tokens.get(id) ?? null,
    set: async (id, token) => void tokens.set(id, token),
    delete: async (id) => void tokens.delete(id),
  };
}

/**
 * Read-only tokens from environment variables, `nameFor(accountId)` naming the variable (the CLI
 * maps its one account to `--token-env NAME`). Storing is refused: set the variable instead.
 */
export function createEnvSecretStore(
  nameFor: (accountId: string) => string,
  env: Readonly<Record<string, string | undefined>>,
): SecretStore {
  const readOnly = async () => {
    throw new Error(
      'tokens given through environment variables cannot be changed here: set the variable instead',
    );
  };
  return {
    get: async (id) => env[nameFor(id)] || null,
    set: readOnly,
    delete: readOnly,
  };
}
