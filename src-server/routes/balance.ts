import type { FastifyInstance } from 'fastify';
import { balanceQuerySchema, type Balance } from '../../src-shared/api/balance';
import { parseInstant, toIso } from '../../src-shared/time/instant';
import { evaluateStored } from '../evaluate-stored';
import { parseQuery } from '../http/parse-query';
import { workspaceOf, type RouteContext } from './context';

/** GET /v1/workspaces/:id/balance: the src-shared engine over the stored records, as the app runs it. */
export function balanceRoute(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/v1/workspaces/:id/balance', async (request): Promise<Balance> => {
    const query = parseQuery(balanceQuerySchema, request.query);
    const stored = workspaceOf(ctx, request);
    const asOf = query.asOf === undefined ? ctx.clock() : parseInstant(query.asOf);
    return {
      workspaceId: stored.workspace.id,
      asOf: toIso(asOf),
      pools: evaluateStored(ctx.store, request.accountId, stored, asOf, ctx.catalog),
    };
  });
}
