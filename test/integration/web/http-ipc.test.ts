import { request as httpRequest } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPusher } from '../../../src-main/ipc/push-to-renderer';
import {
  createHttpIpc,
  type EventSourceLike,
  type FetchLike,
  type StreamEvent,
} from '../../../src-renderer/ipc/http-ipc';
import { createRendererApi } from '../../../src-shared/ipc/create-renderer-api';
import { login, parseSseFrames, startWebFixture, type WebFixture } from './web-fixture';

/**
 * Just enough EventSource for Node 20 (which has none): one GET with the session cookie, frames
 * dispatched by event name, `connected` once the server's retry line (sent after it registered the
 * client) has arrived. The browser's EventSource does the same with the cookie sent for it.
 */
class NodeEventSource implements EventSourceLike {
  readyState = 0;
  readonly connected: Promise<void>;
  private readonly listeners = new Map<string, Set<(event: StreamEvent) => void>>();
  private readonly req;

  constructor(url: string, cookie: string) {
    let markConnected!: () => void;
    this.connected = new Promise((resolve) => (markConnected = resolve));
    this.req = httpRequest(url, { headers: { cookie }, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        this.readyState = 2;
        this.emit('error', {});
        res.resume();
        return;
      }
      this.readyState = 1;
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const parsed = parseSseFrames(buffer + chunk);
        buffer = parsed.rest;
        for (const frame of parsed.frames) {
          if (frame.retry !== undefined) markConnected();
          if (frame.data !== undefined) this.emit(frame.event ?? 'message', { data: frame.data });
        }
      });
      res.on('error', () => undefined);
    });
    this.req.on('error', () => undefined);
    this.req.end();
  }

  addEventListener(type: string, listener: (event: StreamEvent) => void): void {
    this.listeners.set(type, (this.listeners.get(type) ?? new Set()).add(listener));
  }

  removeEventListener(type: string, listener: (event: StreamEvent) => void): void {
    this.listeners.get(type)?.delete(listener);
  }

  close(): void {
    this.readyState = 2;
    this.req.destroy();
  }

  private emit(type: string, event: StreamEvent): void {
    this.listeners.get(type)?.forEach((listener) => listener(event));
  }
}

describe('the renderer transport (createHttpIpc) against the real server', () => {
  let web: WebFixture;
  let cookie: string;
  let sources: NodeEventSource[];

  /** Node's fetch keeps no cookie jar: add the session cookie the browser would send. */
  const fetchWithCookie: FetchLike = (url, init) =>
    fetch(url, { ...init, headers: { ...init.headers, cookie } });

  const connect = (options: { fetch?: FetchLike; baseUrl?: string } = {}) => {
    const ipc = createHttpIpc({
      fetch: options.fetch ?? fetchWithCookie,
      openEvents: (url) => {
        const source = new NodeEventSource(url, cookie);
        sources.push(source);
        return source;
      },
      baseUrl: options.baseUrl ?? web.server.origin,
    });
    return { ipc, api: createRendererApi(ipc) };
  };

  beforeAll(async () => {
    web = await startWebFixture();
    cookie = await login(web);
  });
  afterAll(() => web.stop());
  beforeEach(() => {
    sources = [];
    web.calls.length = 0;
  });
  afterEach(() => sources.forEach((source) => source.close()));

  it('invokes through createRendererApi and gets the handler values', async () => {
    const { api } = connect();
    await expect(api.snoozeAlerts({ for: '1h' })).resolves.toEqual({
      pausedUntil: '2026-11-21T07:00:00.000Z',
    });
    await expect(api.syncNow()).resolves.toEqual({ started: true });
    await expect(api.getHistoryMonths()).resolves.toEqual(['2026-11', '2026-10']);
    expect(web.calls).toEqual([
      { name: 'snoozeAlerts', input: { for: '1h' } },
      { name: 'syncNow', input: undefined },
    ]);
  });

  it('rethrows a refused payload with the field named, as in Electron', async () => {
    const { api } = connect();
    const error = await api.getHistory({ period: '2026-13' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('InvalidInputError');
    expect((error as Error).message).toBe('Invalid input for history:get: period: expected YYYY-MM');
    await expect(api.getHistory({ period: '2026-10' })).rejects.toThrow('No data for 2026-10.');
    expect(web.calls).toEqual([{ name: 'getHistory', input: { period: '2026-10' } }]);
  });

  it('rethrows the refusal of a page without the session', async () => {
    const { api } = connect({ fetch: (url, init) => fetch(url, init) });
    await expect(api.syncNow()).rejects.toThrow(
      'Refused sync:now: this page has no valid session; open the URL `npm run web` printed.',
    );
    expect(web.calls).toEqual([]);
  });

  it('rejects an answer that is not an InvokeResult with its HTTP status', async () => {
    const { api } = connect({ baseUrl: `${web.server.origin}/elsewhere` });
    await expect(api.syncNow()).rejects.toThrow(/answered HTTP 405 without a result/);
  });

  it('rejects with one sentence when the background service is gone', async () => {
    const gone = await startWebFixture();
    await gone.stop();
    const { api } = connect({ baseUrl: gone.server.origin });
    await expect(api.syncNow()).rejects.toThrow(
      /^Creditbar cannot reach its background service: check that `npm run web` is still running\.$/,
    );
  });

  it('delivers pushes by channel over one shared event stream, and stops after unsubscribe', async () => {
    const { api } = connect();
    const workspaces: unknown[] = [];
    const snapshots: unknown[] = [];
    const offWorkspace = api.onOpenWorkspace((payload) => workspaces.push(payload));
    const offSnapshot = api.onSnapshot((payload) => snapshots.push(payload));
    expect(sources).toHaveLength(1);
    await sources[0]!.connected;

    const push = createPusher(() => web.server.clients());
    const seen = (list: unknown[], count: number) =>
      expect.poll(() => list.length, { interval: 5, timeout: 5_000 }).toBe(count);
    push('onOpenWorkspace', { workspaceId: 'acme' });
    await seen(workspaces, 1);
    expect(workspaces).toEqual([{ workspaceId: 'acme' }]);

    offWorkspace();
    // Pushed in order on one stream: once the snapshot is in, the workspace push would have been too.
    push('onOpenWorkspace', { workspaceId: 'globex' });
    push('onSnapshot', { asOf: '2026-11-20T10:00:00Z' } as never);
    await seen(snapshots, 1);
    expect(workspaces).toEqual([{ workspaceId: 'acme' }]);
    expect(snapshots).toEqual([{ asOf: '2026-11-20T10:00:00Z' }]);
    offSnapshot();
  });

  it('leaves the server with no client once the transport closes its stream', async () => {
    const { ipc, api } = connect();
    api.onSnapshot(() => undefined);
    await sources[0]!.connected;
    expect([...web.server.clients()]).toHaveLength(1);
    ipc.close();
    await expect.poll(() => [...web.server.clients()].length, { interval: 5, timeout: 5_000 }).toBe(0);
  });
});

/** A stand-in EventSource for the dispatch rules that need no server: frames are emitted by hand. */
function scriptedSource() {
  const listeners = new Map<string, Set<(event: StreamEvent) => void>>();
  const source: EventSourceLike & { emit(type: string, data?: unknown): void; closed: boolean } = {
    readyState: 1,
    closed: false,
    addEventListener: (type, listener) =>
      void listeners.set(type, (listeners.get(type) ?? new Set()).add(listener)),
    removeEventListener: (type, listener) => void listeners.get(type)?.delete(listener),
    close() {
      this.closed = true;
    },
    emit: (type, data) => listeners.get(type)?.forEach((listener) => listener({ data })),
  };
  return { source, listeners };
}

describe('createHttpIpc event dispatch', () => {
  const setup = () => {
    const { source, listeners } = scriptedSource();
    const errors: string[] = [];
    const opened: string[] = [];
    const ipc = createHttpIpc({
      fetch: () => Promise.reject(new Error('no calls here')),
      openEvents: (url) => {
        opened.push(url);
        return source;
      },
      reportError: (message) => errors.push(message),
    });
    return { ipc, source, listeners, errors, opened };
  };

  it('opens the stream lazily, once, at /api/events', () => {
    const { ipc, opened } = setup();
    expect(opened).toEqual([]);
    ipc.on('a', () => undefined);
    ipc.on('b', () => undefined);
    ipc.on('a', () => undefined);
    expect(opened).toEqual(['/api/events']);
  });

  it('hands listeners the payload only, skips an unreadable frame and survives a throwing listener', () => {
    const { ipc, source, errors } = setup();
    const got: unknown[][] = [];
    ipc.on('snapshot:changed', () => {
      throw new Error('subscriber bug');
    });
    ipc.on('snapshot:changed', (event, payload) => got.push([event, payload]));
    source.emit('snapshot:changed', '{"asOf":"x"}');
    source.emit('snapshot:changed', '{not json');
    expect(got).toEqual([[null, { asOf: 'x' }]]);
    expect(errors).toEqual([
      'A snapshot:changed subscriber failed.',
      'Creditbar received an unreadable snapshot:changed update and skipped it.',
    ]);
  });

  it('removes the stream listener with the last subscriber of a channel, and reports a refused stream', () => {
    const { ipc, source, listeners, errors } = setup();
    const one = () => undefined;
    const two = () => undefined;
    ipc.on('ui:open-workspace', one);
    ipc.on('ui:open-workspace', two);
    ipc.removeListener('ui:open-workspace', one);
    expect(listeners.get('ui:open-workspace')?.size).toBe(1);
    ipc.removeListener('ui:open-workspace', two);
    expect(listeners.get('ui:open-workspace')?.size).toBe(0);

    source.emit('error');
    expect(errors).toEqual([]);
    (source as { readyState: number }).readyState = 2;
    source.emit('error');
    expect(errors).toEqual([
      'Creditbar stopped receiving live updates: reload the page from the URL `npm run web` printed.',
    ]);
    ipc.close();
    expect(source.closed).toBe(true);
  });
});
