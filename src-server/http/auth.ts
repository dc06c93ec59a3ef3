import type { FastifyRequest } from 'fastify';
import { hashToken, type TokenAuth } from '../db/accounts-repository';
import type { ServerStore } from '../db/store';
import { ApiError } from './api-error';

declare module 'fastify' {
  interface FastifyRequest {
    /** SHA-256 of the bearer token: the rate limiter's key (the token itself is never kept). */
    tokenHash: string;
    /** The token's scope and, for an ingest token, its one workspace (set by the auth hook). */
    tokenAuth: TokenAuth;
  }
  interface FastifyContextConfig {
    /** The scope a route needs; default read. */
    scope?: 'read' | 'ingest';
  }
}

const CHALLENGE = { 'www-authenticate': 'Bearer realm="creditbar"' };

/** A token's last use is written at most once a minute: `token list` shows minutes, and a busy
 * reporter must not turn every request into a write. */
const LAST_USED_EVERY_MS = 60_000;

/**
 * The onRequest hook of every authenticated route: sets request.accountId or answers 401, and
 * notes when the token was last used (never failing the request over it).
 */
export function authenticate(store: ServerStore, clock: () => number = Date.now) {
  const lastWritten = new Map<string, number>();
  const noteUse = (hash: string) => {
    const now = clock();
    const last = lastWritten.get(hash);
    if (last !== undefined && now - last < LAST_USED_EVERY_MS && now >= last) return;
    lastWritten.set(hash, now);
    try {
      store.accounts.markTokenUsed(hash, new Date(now).toISOString());
    } catch {
      lastWritten.delete(hash); // busy or read-only file: try again on the next request
    }
  };
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization;
    if (header === undefined || header.trim() === '') {
      throw new ApiError(
        401,
        'unauthorized',
        'Missing bearer token: send the header "Authorization: Bearer <token>".',
        CHALLENGE,
      );
    }
    const match = /^Bearer +(\S+) *$/i.exec(header);
    if (!match) {
      throw new ApiError(
        401,
        'unauthorized',
        'The Authorization header must read "Bearer <token>".',
        CHALLENGE,
      );
    }
    const hash = hashToken(match[1]!);
    // Looked up on every request (one indexed read): a revoked token is refused from the next one on.
    const auth = store.accounts.authForTokenHash(hash);
    if (auth === undefined) {
      throw new ApiError(
        401,
        'unauthorized',
        'The bearer token is not valid (mistyped or revoked): check it, or create one with "creditbar-server token --account NAME".',
        CHALLENGE,
      );
    }
    noteUse(hash);
    request.accountId = auth.accountId;
    request.tokenHash = hash;
    request.tokenAuth = auth;
  };
}

/**
 * The onRequest hook after authenticate: a read token may read but not ingest; an ingest token may
 * only POST events to its own workspace and gets a 403 that says so everywhere else. Runs before
 * the body is read, and answers the same whether the path's workspace exists or not.
 */
export async function authorizeScope(request: FastifyRequest): Promise<void> {
  const needs = request.routeOptions.config.scope ?? 'read';
  const { scope, workspace } = request.tokenAuth;
  if (scope === 'read') {
    if (needs === 'read') return;
    throw new ApiError(
      403,
      'forbidden',
      'This token is read-only (scope read): report usage with an ingest token of this workspace ("creditbar-server token --scope ingest --workspace ID").',
    );
  }
  const bound = workspace?.id ?? '';
  if (needs !== 'ingest') {
    throw new ApiError(
      403,
      'forbidden',
      `This token is write-only (scope ingest, workspace "${bound}"): it can only POST /v1/workspaces/${encodeURIComponent(bound)}/events; read with a read token ("creditbar-server token --scope read").`,
    );
  }
  const { id } = request.params as { id?: string };
  if (id !== bound) {
    throw new ApiError(
      403,
      'forbidden',
      `This token is write-only for workspace "${bound}": it cannot write to another workspace; create an ingest token for that one.`,
    );
  }
}
