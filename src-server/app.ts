import { setTimeout as delay } from 'node:timers/promises';
import compress from '@fastify/compress';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { INGEST_MAX_EVENTS } from '../src-shared/api/ingest';
import { ApiError } from './http/api-error';
import { authenticate, authorizeScope } from './http/auth';
import { halfThenFail, type FaultInjector, type FaultKind } from './http/faults';
import type { RateLimiter } from './http/rate-limiter';
import { balanceRoute } from './routes/balance';
import type { RouteContext } from './routes/context';
import { healthRoute } from './routes/health';
import { ingestRoute } from './routes/ingest';
import { usageRoute } from './routes/usage';
import { workspaceRoutes } from './routes/workspaces';

/** Largest request body: a full ingest batch of verbose events fits with room to spare. */
export const BODY_LIMIT_BYTES = 32 * 1024 * 1024;

/** How long a client may take to send a whole request, headers and body (--request-timeout). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Bodies up to this size are compressed in one synchronous call (a 5,000-event page is ~0.8 MB). */
const COMPRESS_IN_ONE_CALL_BYTES = 16 * 1024 * 1024;

export interface AppOptions {
  context: RouteContext;
  /** Read on every request, so that the limit can be changed while the server runs. */
  rateLimiter: () => RateLimiter | null;
  faults: FaultInjector;
  logger?: boolean;
  /** Headers and body must arrive within this (default DEFAULT_REQUEST_TIMEOUT_MS); over it, 408 and closed. */
  requestTimeoutMs?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    fault: FaultKind;
  }
}

function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  return reply
    .code(error.status)
    .headers(error.headers)
    .type('application/json; charset=utf-8')
    .send(error.body());
}

/** Maps anything thrown to the one error shape; only real faults become 500. */
function toApiError(error: FastifyError, request: FastifyRequest): ApiError {
  if (error instanceof ApiError) return error;
  switch (error.statusCode) {
    case 413:
      return new ApiError(
        413,
        'invalid_body',
        `The body is larger than ${BODY_LIMIT_BYTES / 1024 / 1024} MB: send smaller batches (at most ${INGEST_MAX_EVENTS} events each).`,
      );
    case 415:
      return new ApiError(
        415,
        'invalid_body',
        'Send the body as JSON with the header "Content-Type: application/json".',
      );
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new ApiError(
      400,
      'invalid_body',
      `The body could not be read (${error.message}): send one JSON object.`,
    );
  }
  request.log.error({ err: error }, 'request failed');
  return new ApiError(
    500,
    'internal',
    'The server failed to answer this request: try again, and check the server log if it keeps failing.',
  );
}

/** The account API as a Fastify instance (not listening yet). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { context, faults } = options;
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    forceCloseConnections: true,
    // Fastify's default is 0 (never): a client trickling a body held its connection forever. Node
    // checks the deadline every connectionsCheckingInterval (30 s by default), so that follows it.
    requestTimeout,
    http: {
      headersTimeout: requestTimeout,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(requestTimeout / 4))),
    },
  });
  app.decorateRequest('accountId', 0);
  app.decorateRequest('tokenHash', '');
  app.decorateRequest('tokenAuth', null as never);
  app.decorateRequest('fault', 'none');
  // The API takes JSON only: any other body is a 415, not a string that fails validation later.
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((error: FastifyError, request, reply) => sendError(reply, toApiError(error, request)));
  app.setNotFoundHandler((request, reply) =>
    sendError(
      reply,
      new ApiError(
        404,
        'not_found',
        `No route ${request.method} ${request.url.split('?')[0]}: see src-shared/api/openapi.json for the API.`,
      ),
    ),
  );

  // gzip first, at level 3: on usage pages it still shrinks JSON ~10x, at about half of level 6's CPU
  // (levels 1-3 cost the same ~3 ms per 5,000-event page here; see test/bench/server-throughput.ts).
  // Every body is already whole in memory (handlers are synchronous), so it is compressed in one
  // call: the plugin's stream path for bodies over 8 KB (peek, copy, chunked writes through the
  // thread pool) cost a usage page more CPU than the compression itself and sends no content-length.
  await app.register(compress, {
    global: true,
    encodings: ['gzip', 'deflate', 'br'],
    threshold: 1024,
    syncThreshold: COMPRESS_IN_ONE_CALL_BYTES,
    zlibOptions: { level: 3 },
  });

  healthRoute(app, context);

  await app.register(async (api) => {
    // onRequest runs before the body is read: a refused caller's body (no valid token, or a token
    // without the scope) is never read, and the connection is closed after the answer instead of
    // being drained for whatever it still sends.
    const auth = authenticate(context.store, context.clock);
    api.addHook('onRequest', async (request, reply) => {
      try {
        await auth(request);
        await authorizeScope(request);
      } catch (err) {
        reply.header('connection', 'close');
        throw err;
      }
    });
    api.addHook('onRequest', async (request) => {
      const wait = options.rateLimiter()?.take(request.tokenHash) ?? 0;
      if (wait > 0) {
        throw new ApiError(429, 'rate_limited', `Too many requests for this token: retry after ${wait} s.`, {
          'retry-after': String(wait),
        });
      }
    });
    api.addHook('onRequest', async (request, reply) => {
      request.fault = faults.decide();
      if (request.fault !== 'none') reply.header('x-injected-fault', request.fault);
      // A cut body must stay a string for the onSend hook below: skip compression (which may stream).
      if (request.fault === 'cut') request.headers['x-no-compression'] = '1';
      if (request.fault === 'error') {
        throw new ApiError(
          500,
          'injected_fault',
          'Injected fault (the server runs in fault mode): retry with backoff.',
        );
      }
      if (request.fault === 'slow') await delay(faults.slowMs, undefined, { ref: false });
    });
    // Runs after compression (registered later), so the cut falls inside the bytes actually sent.
    api.addHook('onSend', async (request, reply, payload) => {
      if (request.fault !== 'cut' || payload === null || payload === undefined) return payload;
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload;
      reply.header('content-length', bytes.length);
      return halfThenFail(bytes);
    });
    workspaceRoutes(api, context);
    usageRoute(api, context);
    balanceRoute(api, context);
    ingestRoute(api, context);
  });
  return app;
}
