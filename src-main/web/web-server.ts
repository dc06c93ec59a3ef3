// Browser mode's HTTP transport: the IPC contract over loopback HTTP for a built renderer in a
// browser, with the same dispatchInvoke core as Electron's ipcMain wrapper. Plain Node, no electron.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { invokeContract } from '../../src-shared/ipc/contract';
import type { DispatchLog } from '../ipc/dispatch-invoke';
import { rateLimitWarnings } from '../logging/rate-limited-log';
import type { InvokeHandlers } from '../ipc/invoke-handlers';
import type { PushTarget } from '../ipc/push-to-renderer';
import { handleInvoke } from './invoke-route';
import {
  checkWebSender,
  hasSession,
  isAllowedHost,
  sameSecret,
  sessionCookieName,
  type GuardConfig,
} from './request-guards';
import { openSseClient, type SseClient } from './sse-client';
import { contentTypeOf, prepareIndexHtml, resolveStaticFile } from './static-files';

export interface WebServerOptions {
  handlers: InvokeHandlers;
  /** The built renderer (out/renderer): index.html, web-transport.js and assets/. */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The session secret in the printed URL; 32 random bytes as hex unless given (at least 16 of [A-Za-z0-9_-]). */
  token?: string;
  log?: DispatchLog;
  /** Between SSE heartbeat comments; 15 s unless a test needs it sooner. */
  heartbeatMs?: number;
}

export interface WebServer {
  /** What to open: http://127.0.0.1:PORT/?token=... (the token works once: it is swapped for a session cookie of its own value). */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  token: string;
  /** The open event streams, one per browser tab: push targets like the Electron windows (see createPusher). */
  clients(): Iterable<PushTarget>;
  /** Ends every event stream and stops listening; resolves once the server is closed. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
/** A usage CSV travels as text in one call: up to 32 MB (the contract's own limit on it). */
const LARGE_BODY_CHANNELS = new Set([
  invokeContract.previewCsvImport.channel,
  invokeContract.importCsv.channel,
]);
const MAX_CSV_BODY_BYTES = 33 * 1024 * 1024;
const SSE_RETRY_MS = 2000;
const SSE_MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

const NEEDS_LINK =
  'Creditbar needs its session link: open the URL that `npm run web` printed in the terminal (it carries the access token).\n';

const LINK_USED =
  'This Creditbar link has been used already: it works once, in the browser that opened it first. To open Creditbar elsewhere, restart `creditbar web` (npm run web) for a new link.\n';

const consoleLog: DispatchLog = {
  warn: (message, context) => console.warn(message, context),
  error: (message, context) => console.error(message, context),
};

/**
 * Serves the built renderer and the IPC contract on 127.0.0.1 only. The printed URL's token is used
 * once: it is swapped for an HttpOnly, SameSite=Strict cookie with a random value of its own, which
 * every API call and the page itself need; the Host and Origin checks keep DNS-rebinding and
 * cross-site pages out even though the port is guessable. Refused callers' bodies are never read
 * and their refusals are logged at most a few times a minute.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  if (!/^[A-Za-z0-9_-]{16,}$/.test(token)) {
    throw new Error('The browser-mode token must be at least 16 characters of A-Z, a-z, 0-9, _ and -.');
  }
  const log = options.log ?? consoleLog;
  const indexFile = join(options.rendererDir, 'index.html');
  const readIndex = () => {
    try {
      return prepareIndexHtml(readFileSync(indexFile, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new Error(
          `No built renderer at ${options.rendererDir}: run \`npx electron-vite build\` first.`,
        );
      }
      throw error;
    }
  };
  // Fail at start, not on the first page load, when the build is missing or lacks its CSP.
  const { csp } = readIndex();

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${options.port} on 127.0.0.1 is in use (EADDRINUSE): stop what uses it or pick another port.`,
              { cause: error },
            )
          : error,
      );
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', fail);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const guard: GuardConfig = { port, token, cookieName: sessionCookieName(port), session: null };
  // Refusals are logged, but at most a few a minute each: a flood must not rotate useful lines out.
  const refusalLog = rateLimitWarnings(log, { maxPerWindow: 10, windowMs: 60_000 });
  const streams = new Set<SseClient>();

  const context: RouteContext = {
    options,
    log: refusalLog,
    guard,
    csp,
    readIndex,
    open: (res) =>
      streams.add(
        openSseClient(res, {
          heartbeatMs: options.heartbeatMs ?? 15_000,
          retryMs: SSE_RETRY_MS,
          maxBufferedBytes: SSE_MAX_BUFFERED_BYTES,
          log,
          onClose: (client) => streams.delete(client),
        }),
      ),
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res, context).catch((error: unknown) => {
      log.error('Browser-mode request failed', { method: req.method, path: pathOf(req.url), error });
      if (res.headersSent) res.destroy();
      else
        sendText(
          res,
          500,
          'Creditbar hit an internal error; the terminal running `npm run web` has the details.\n',
        );
    });
  });

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    clients: () => [...streams],
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        for (const stream of [...streams]) stream.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      })),
  };
}

interface RouteContext {
  options: WebServerOptions;
  log: DispatchLog;
  guard: GuardConfig;
  csp: string;
  readIndex: () => { html: string; csp: string };
  open: (res: ServerResponse) => void;
}

async function route(req: IncomingMessage, res: ServerResponse, context: RouteContext): Promise<void> {
  const { guard } = context;
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Content-Security-Policy', context.csp);
  // A meta CSP cannot forbid framing (frame-ancestors), so say it here.
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');

  if (!isAllowedHost(req.headers.host, guard.port)) {
    return sendText(
      res,
      421,
      `Creditbar answers only as 127.0.0.1:${guard.port} or localhost:${guard.port}.\n`,
    );
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  const path = url.pathname;

  if (path.startsWith('/api/')) {
    const verdict = checkWebSender(req.headers, guard);
    if (path.startsWith('/api/invoke/')) {
      if (req.method !== 'POST') return sendMethodNotAllowed(res, 'POST');
      const channel = channelOf(path.slice('/api/invoke/'.length));
      return handleInvoke(req, res, channel, verdict, {
        handlers: context.options.handlers,
        log: context.log,
        maxBodyBytes: LARGE_BODY_CHANNELS.has(channel) ? MAX_CSV_BODY_BYTES : MAX_BODY_BYTES,
      });
    }
    if (path === '/api/events') {
      if (req.method !== 'GET') return sendMethodNotAllowed(res, 'GET');
      if (!verdict.trusted) {
        context.log.warn('Event stream refused: untrusted sender', { reason: verdict.reason });
        res.setHeader('Connection', 'close');
        return sendText(res, hasSession(req.headers, guard) ? 403 : 401, `Refused: ${verdict.reason}\n`);
      }
      return context.open(res);
    }
    return sendText(res, 404, 'Creditbar has no such API route.\n');
  }

  if (req.method !== 'GET') return sendMethodNotAllowed(res, 'GET');
  if (path === '/' || path === '/index.html') {
    const offered = url.searchParams.get('token');
    if (path === '/' && offered !== null && sameSecret(offered, guard.token)) {
      // The browser that swapped it reloads or reopens the link: it already holds the session.
      if (hasSession(req.headers, guard)) return redirectHome(res);
      // The link works once, and the cookie gets a value of its own: a URL seen in a history, a
      // screenshot or a process list is worth nothing once the page has opened.
      if (guard.session !== null) return sendText(res, 410, LINK_USED);
      guard.session = randomBytes(32).toString('hex');
      res.setHeader('Set-Cookie', `${guard.cookieName}=${guard.session}; HttpOnly; SameSite=Strict; Path=/`);
      return redirectHome(res);
    }
    if (offered !== null || !hasSession(req.headers, guard)) return sendText(res, 401, NEEDS_LINK);
    const page = context.readIndex();
    res.setHeader('Content-Security-Policy', page.csp);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(page.html);
    return;
  }

  // Scripts, styles, fonts and images: no data in them, so no cookie needed; never outside rendererDir.
  const file = resolveStaticFile(context.options.rendererDir, path);
  if (!file) return sendText(res, 404, 'Not found.\n');
  const body = await readFile(file);
  res.writeHead(200, {
    'Content-Type': contentTypeOf(file)!,
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
  });
  res.end(body);
}

/** The channel named by the path; a malformed escape is kept raw, and dispatch then finds no such channel. */
function channelOf(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

function pathOf(rawUrl: string | undefined): string {
  return (rawUrl ?? '').split('?')[0]!;
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function redirectHome(res: ServerResponse): void {
  res.writeHead(303, { Location: '/', 'Cache-Control': 'no-store' });
  res.end();
}

function sendMethodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('Allow', allow);
  sendText(res, 405, `Use ${allow} here.\n`);
}
