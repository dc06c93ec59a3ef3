import type { RendererApi } from '../../src-shared/ipc/contract';

/**
 * The only file that reads window.api. In Electron the preload puts it there; in browser mode
 * (`npm run web`) ipc/web-transport.ts does, injected by the web server before the app's script.
 * Everything else in the renderer gets the typed client from here, through the store, so tests can
 * hand in a fake one.
 */

declare global {
  interface Window {
    api?: RendererApi;
  }
}

export type CreditbarClient = RendererApi;

/** window.api is absent: the page was opened without the app around it. */
export class MissingApiError extends Error {
  constructor() {
    super(
      'Creditbar cannot reach its background service (window.api is missing). Open it with `npm start` or `npm run web`, not as a plain page.',
    );
    this.name = 'MissingApiError';
  }
}

/** The typed client of the IPC contract; throws MissingApiError when the page has no window.api. */
export function connectClient(): CreditbarClient {
  const api = window.api;
  if (!api || typeof api.getSnapshot !== 'function') throw new MissingApiError();
  return api;
}

// Electron wraps handler errors as "Error invoking remote method 'x': Error: <message>"; the user
// needs only the message the main process wrote for them.
const REMOTE_PREFIX = /^Error invoking remote method '[^']+': (?:\w*Error: )?/;

/** The user-facing text of an error from a client call. */
export function errorMessage(error: unknown): string {
  const raw =
    error instanceof Error ? error.message : typeof error === 'string' ? error : 'Something went wrong.';
  const message = raw.replace(REMOTE_PREFIX, '').trim();
  return message.length > 0 ? message : 'Something went wrong.';
}
