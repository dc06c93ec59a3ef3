import type { FastifyRequest } from 'fastify';
import type { Catalog } from '../../src-shared/catalog/catalog';
import type { BalanceCache } from '../balance-cache';
import type { ServerStore } from '../db/store';
import type { StoredWorkspace } from '../db/workspaces-repository';
import { workspaceNotFound } from '../http/api-error';

/** What every route handler needs: the store, the server's clock, the catalog, its version, the balances held. */
export interface RouteContext {
  store: ServerStore;
  clock: () => number;
  catalog: Catalog;
  version: string;
  balances: BalanceCache;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The account of the request's bearer token (set by the auth hook). */
    accountId: number;
  }
}

/** The workspace named by the `:id` path parameter, if the token's account has it; else 404. */
export function workspaceOf(ctx: RouteContext, request: FastifyRequest): StoredWorkspace {
  const { id } = request.params as { id: string };
  const found = ctx.store.workspaces.find(request.accountId, id);
  if (!found) throw workspaceNotFound(id);
  return found;
}
