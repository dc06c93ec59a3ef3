import type { ConnectionTestResult } from '../../src-shared/ipc/contract';
import { createApiClient } from './api-client';
import { SyncError } from './sync-errors';

/**
 * Checks a server URL and token before an account is saved (Settings → test connection): health,
 * then the workspace list with the token. Never throws for what a user can fix; says it in one sentence.
 */
export async function testConnection(
  serverUrl: string,
  token: string,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<ConnectionTestResult> {
  const api = createApiClient({
    baseUrl: serverUrl,
    token,
    timeoutMs: options.timeoutMs ?? 10_000,
    retry: { retries: 1, rateLimitRetries: 1 },
    // Nothing is saved or synced before the test passes: no "last synced data" to speak of.
    kept: null,
  });
  try {
    await api.health(options.signal);
    const list = await api.workspaces(options.signal);
    const n = list.workspaces.length;
    return {
      ok: true,
      message: `Connected: the token sees ${n} workspace${n === 1 ? '' : 's'}.`,
      workspaces: n,
    };
  } catch (err) {
    if (err instanceof SyncError)
      return {
        ok: false,
        message: err.message.charAt(0).toUpperCase() + err.message.slice(1) + '.',
        workspaces: 0,
      };
    throw err;
  }
}
