import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { join, resolve } from 'node:path';
import type { DispatchLog } from '../../../src-main/ipc/dispatch-invoke';
import type { InvokeHandlers } from '../../../src-main/ipc/invoke-handlers';
import { startWebServer, type WebServer, type WebServerOptions } from '../../../src-main/web/web-server';
import { extractCsp } from '../../../src-main/web/static-files';
import { tempDir } from '../../fixtures/temp-dir';

/** The CSP of the real renderer page: the fake index.html below carries the same tag. */
export const RENDERER_CSP = extractCsp(
  readFileSync(resolve(import.meta.dirname, '../../../src-renderer/index.html'), 'utf8'),
)!;

export const SECRET = 'outside-the-renderer-folder';

/** A built renderer in miniature, like out/renderer after `electron-vite build`, plus a file beside it. */
export function fakeRendererDir(root: string): string {
  const dir = join(root, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="en">
  <head>
    <meta
      http-equiv="Content-Security-Policy"
      content="${RENDERER_CSP}"
    />
    <title>Creditbar</title>
    <script type="module" crossorigin src="./assets/index-abc123.js"></script>
    <link rel="stylesheet" crossorigin href="./assets/index-abc123.css">
  </head>
  <body><div id="root"></div></body>
</html>
`,
  );
  writeFileSync(join(dir, 'assets/index-abc123.js'), 'console.log("app");\n');
  writeFileSync(join(dir, 'assets/index-abc123.css'), 'body { margin: 0; }\n');
  writeFileSync(join(dir, 'assets/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
  writeFileSync(join(dir, 'assets/notes.txt'), 'not a kind the renderer ships\n');
  writeFileSync(join(dir, 'web-transport.js'), 'console.log("transport");\n');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  writeFileSync(join(root, 'secret.js'), SECRET);
  symlinkSync(join(root, 'secret.js'), join(dir, 'assets/escape.js'));
  return dir;
}

/** A test double of the app's handlers: the transport is under test, so only a few calls answer. */
export function handlerDouble() {
  const calls: { name: string; input: unknown }[] = [];
  const notHere = (name: string) => (): never => {
    throw new Error(`${name} is not part of this test.`);
  };
  const handlers: InvokeHandlers = {
    getSnapshot: notHere('getSnapshot'),
    syncNow: () => {
      calls.push({ name: 'syncNow', input: undefined });
      return { started: true };
    },
    getHistoryMonths: () => ['2026-11', '2026-10'],
    getHistory: (input) => {
      calls.push({ name: 'getHistory', input });
      throw new Error(`No data for ${input.period}.`);
    },
    exportHistory: notHere('exportHistory'),
    getSettings: notHere('getSettings'),
    updateSettings: notHere('updateSettings'),
    addAccount: notHere('addAccount'),
    removeAccount: notHere('removeAccount'),
    setAccountToken: notHere('setAccountToken'),
    dismissNotice: notHere('dismissNotice'),
    testConnection: notHere('testConnection'),
    startDemo: notHere('startDemo'),
    snoozeAlerts: (input) => {
      calls.push({ name: 'snoozeAlerts', input });
      return { pausedUntil: input.for === 'off' ? null : '2026-11-21T07:00:00.000Z' };
    },
    getUpdateStatus: notHere('getUpdateStatus'),
    checkForUpdates: notHere('checkForUpdates'),
    downloadUpdate: notHere('downloadUpdate'),
    installUpdate: notHere('installUpdate'),
    hidePopover: notHere('hidePopover'),
    listChannels: () => [],
    addChannel: notHere('addChannel'),
    updateChannel: notHere('updateChannel'),
    removeChannel: notHere('removeChannel'),
    testChannel: notHere('testChannel'),
    getCatalog: notHere('getCatalog'),
    addManualWorkspace: notHere('addManualWorkspace'),
    removeWorkspace: notHere('removeWorkspace'),
    recordReading: notHere('recordReading'),
    answerReading: notHere('answerReading'),
    listReadings: notHere('listReadings'),
    previewCsvImport: notHere('previewCsvImport'),
    importCsv: notHere('importCsv'),
    acknowledgeAlerts: notHere('acknowledgeAlerts'),
    accountRemoval: notHere('accountRemoval'),
  };
  return { handlers, calls };
}

/** A log that keeps what dispatch and the server report, so tests can read it. */
export function memoryLog(): DispatchLog & {
  entries: { level: string; message: string; context: Record<string, unknown> }[];
} {
  const entries: { level: string; message: string; context: Record<string, unknown> }[] = [];
  return {
    entries,
    warn: (message, context) => void entries.push({ level: 'warn', message, context }),
    error: (message, context) => void entries.push({ level: 'error', message, context }),
  };
}

export interface WebFixture {
  server: WebServer;
  port: number;
  calls: ReturnType<typeof handlerDouble>['calls'];
  log: ReturnType<typeof memoryLog>;
  stop(): Promise<void>;
}

/** A real browser-mode server on a free loopback port over a miniature renderer folder. */
export async function startWebFixture(options: Partial<WebServerOptions> = {}): Promise<WebFixture> {
  const temp = tempDir('creditbar-web-');
  const { handlers, calls } = handlerDouble();
  const log = memoryLog();
  let server: WebServer;
  try {
    server = await startWebServer({ handlers, rendererDir: fakeRendererDir(temp.dir), log, ...options });
  } catch (error) {
    temp.cleanup();
    throw error;
  }
  return {
    server,
    port: Number(new URL(server.origin).port),
    calls,
    log,
    stop: async () => {
      await server.close();
      temp.cleanup();
    },
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json(): unknown;
}

/**
 * One request over node:http, which sends the path and headers exactly as given (fetch would
 * normalise `..` and refuses to set Host), so the guards see what a hostile client could send.
 */
export function send(
  fixture: { port: number },
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: fixture.port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolvePromise({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Swaps the printed URL's token for the session cookie, as the browser does on arrival; returns `name=value`. */
export async function login(fixture: WebFixture): Promise<string> {
  const url = new URL(fixture.server.url);
  const res = await send(fixture, { path: `${url.pathname}${url.search}` });
  const cookie = [res.headers['set-cookie'] ?? []].flat()[0];
  if (res.status !== 303 || !cookie) throw new Error(`Login failed: ${res.status}`);
  return cookie.split(';')[0]!;
}

/** POST /api/invoke/<channel> with {"payload": ...} (or a raw body) and the given headers. */
export function invoke(
  fixture: { port: number },
  channel: string,
  options: { cookie?: string; payload?: unknown; body?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return send(fixture, {
    method: 'POST',
    path: `/api/invoke/${encodeURIComponent(channel)}`,
    headers: {
      'content-type': 'application/json',
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
    body: options.body ?? JSON.stringify({ payload: options.payload }),
  });
}

/** One parsed Server-Sent Events frame: a named event, a retry line, or a comment. */
export interface SseFrame {
  event?: string;
  data?: string;
  retry?: number;
  comment?: string;
}

/** Parses complete frames (separated by a blank line) off the front of a buffer; returns the rest. */
export function parseSseFrames(buffer: string): { frames: SseFrame[]; rest: string } {
  const frames: SseFrame[] = [];
  let rest = buffer;
  for (let end = rest.indexOf('\n\n'); end >= 0; end = rest.indexOf('\n\n')) {
    const frame: SseFrame = {};
    for (const line of rest.slice(0, end).split('\n')) {
      if (line.startsWith(':')) frame.comment = line.slice(1).trim();
      else if (line.startsWith('event: ')) frame.event = line.slice('event: '.length);
      else if (line.startsWith('data: '))
        frame.data = frame.data === undefined ? line.slice(6) : `${frame.data}\n${line.slice(6)}`;
      else if (line.startsWith('retry: ')) frame.retry = Number(line.slice('retry: '.length));
    }
    frames.push(frame);
    rest = rest.slice(end + 2);
  }
  return { frames, rest };
}

/** An open GET /api/events read frame by frame: wait for a frame, or for the server to end the stream. */
export interface SseStream {
  status: number;
  headers: IncomingHttpHeaders;
  frames: SseFrame[];
  /** Resolves with the first frame (already received or yet to come) that matches. */
  next(match: (frame: SseFrame) => boolean): Promise<SseFrame>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** Drops the connection from the client side, as a closed tab does. */
  destroy(): void;
}

export function openEvents(fixture: { port: number }, headers: Record<string, string>): Promise<SseStream> {
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: fixture.port, path: '/api/events', headers, agent: false },
      (res: IncomingMessage) => {
        const frames: SseFrame[] = [];
        const waiters: { match: (frame: SseFrame) => boolean; resolve: (frame: SseFrame) => void }[] = [];
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          const parsed = parseSseFrames(buffer + chunk);
          buffer = parsed.rest;
          for (const frame of parsed.frames) {
            frames.push(frame);
            for (const waiter of [...waiters]) {
              if (!waiter.match(frame)) continue;
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(frame);
            }
          }
        });
        const ended = new Promise<void>((resolveEnd) => res.on('end', resolveEnd));
        // destroy() below aborts the response on purpose; that is the test's doing, not a failure.
        res.on('error', () => undefined);
        resolvePromise({
          status: res.statusCode ?? 0,
          headers: res.headers,
          frames,
          ended,
          next: (match) => {
            const seen = frames.find(match);
            return seen
              ? Promise.resolve(seen)
              : new Promise((resolveFrame) => waiters.push({ match, resolve: resolveFrame }));
          },
          destroy: () => req.destroy(),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}
