import type { IpcRendererLike } from '../../src-shared/ipc/create-renderer-api';
import type { InvokeResult } from '../../src-shared/ipc/invoke-result';

/** The part of fetch the transport uses (the browser's, or Node's in tests). */
export type FetchLike = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; credentials: 'same-origin' },
) => Promise<{ status: number; json(): Promise<unknown> }>;

/** A named event from the stream (`data` is the JSON line the server wrote). */
export interface StreamEvent {
  data?: unknown;
}

/** The part of an EventSource the transport uses. */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: StreamEvent) => void): void;
  removeEventListener(type: string, listener: (event: StreamEvent) => void): void;
  close(): void;
}

export interface HttpIpcDeps {
  fetch: FetchLike;
  openEvents: (url: string) => EventSourceLike;
  /** Prefix for the API paths: '' in the page (same origin), the server's origin in Node tests. */
  baseUrl?: string;
  /** Where failures of the live stream are reported; console.error unless given. */
  reportError?: (message: string, error: unknown) => void;
}

/** ipcRenderer over HTTP, for browser mode; `close` ends the event stream (tests, page teardown). */
export interface HttpIpc extends IpcRendererLike {
  close(): void;
}

type Listener = (event: unknown, payload: unknown) => void;

const UNREACHABLE =
  'Creditbar cannot reach its background service: check that `npm run web` is still running.';
const EVENTSOURCE_CLOSED = 2;

/**
 * The browser transport's ipcRenderer: invoke is a POST to /api/invoke/<channel> answered with an
 * InvokeResult (createRendererApi unwraps it as in Electron), and pushes arrive as named events on
 * one shared EventSource('/api/events'), opened with the first subscription.
 */
export function createHttpIpc(deps: HttpIpcDeps): HttpIpc {
  const base = deps.baseUrl ?? '';
  const reportError = deps.reportError ?? ((message, error) => console.error(message, error));
  const listeners = new Map<string, Set<Listener>>();
  const dispatchers = new Map<string, (event: StreamEvent) => void>();
  let source: EventSourceLike | undefined;

  const events = (): EventSourceLike => {
    if (source) return source;
    const opened = deps.openEvents(`${base}/api/events`);
    // EventSource reconnects by itself after a drop; it gives up only when refused (a stale session).
    opened.addEventListener('error', (event) => {
      if (opened.readyState === EVENTSOURCE_CLOSED) {
        reportError(
          'Creditbar stopped receiving live updates: reload the page from the URL `npm run web` printed.',
          event,
        );
      }
    });
    return (source = opened);
  };

  return {
    async invoke(channel, ...args) {
      let response: Awaited<ReturnType<FetchLike>>;
      try {
        response = await deps.fetch(`${base}/api/invoke/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          // JSON has no undefined: a call without input sends {} and the server sees payload undefined.
          body: JSON.stringify({ payload: args[0] }),
          credentials: 'same-origin',
        });
      } catch (error) {
        throw new Error(UNREACHABLE, { cause: error });
      }
      const body = await response.json().catch(() => undefined);
      if (!isInvokeResult(body)) {
        throw new Error(
          `Creditbar's background service answered HTTP ${response.status} without a result: reload the page from the URL \`npm run web\` printed.`,
        );
      }
      return body;
    },

    on(channel, listener) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        const dispatch = (event: StreamEvent) => deliver(channel, event.data);
        dispatchers.set(channel, dispatch);
        events().addEventListener(channel, dispatch);
      }
      set.add(listener);
    },

    removeListener(channel, listener) {
      const set = listeners.get(channel);
      if (!set?.delete(listener) || set.size > 0) return;
      listeners.delete(channel);
      const dispatch = dispatchers.get(channel);
      dispatchers.delete(channel);
      if (dispatch) source?.removeEventListener(channel, dispatch);
    },

    close() {
      source?.close();
      source = undefined;
      listeners.clear();
      dispatchers.clear();
    },
  };

  function deliver(channel: string, data: unknown): void {
    let payload: unknown;
    try {
      payload = JSON.parse(String(data));
    } catch (error) {
      reportError(`Creditbar received an unreadable ${channel} update and skipped it.`, error);
      return;
    }
    for (const listener of [...(listeners.get(channel) ?? [])]) {
      try {
        listener(null, payload);
      } catch (error) {
        // One failing subscriber must not starve the others, as with Electron's ipcRenderer.
        reportError(`A ${channel} subscriber failed.`, error);
      }
    }
  }
}

function isInvokeResult(value: unknown): value is InvokeResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}
