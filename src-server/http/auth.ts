import type { FastifyRequest } from 'fastify';
import { hashToken } from '../db/accounts-repository';
import type { ServerStore } from '../db/store';
import { ApiError } from './api-error';

declare module 'fastify' {
  interface FastifyRequest {
    /** SHA-256 of the bearer token: the rate limiter's key (the token itself is never kept). */
    tokenHash: string;
  }
}

const CHALLENGE = { 'www-authenticate': 'Bearer realm="creditbar"' };

/** The onRequest hook of every authenticated route: sets request.accountId or answers 401. */
export function authenticate(store: ServerStore) {
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
    const accountId = store.accounts.accountForTokenHash(hash);
    if (accountId === undefined) {
      throw new ApiError(
        401,
        'unauthorized',
        'The bearer token is not valid: check it, or create one with "creditbar-server token --account NAME".',
        CHALLENGE,
      );
    }
    request.accountId = accountId;
    request.tokenHash = hash;
  };
}
