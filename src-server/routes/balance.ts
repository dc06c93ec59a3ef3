import type { FastifyInstance } from 'fastify';
import { asOfOutOfRange, balanceQuerySchema, type Balance } from '../../src-shared/api/balance';
import { parseInstant, toIso } from '../../src-shared/time/instant';
import { ApiError } from '../http/api-error';
import { parseQuery } from '../http/parse-query';
import { workspaceOf, type RouteContext } from './context';

/**
 * GET /v1/workspaces/:id/balance: the src-shared engine over the stored records, as the app runs it,
 * walked incrementally over the events held since the workspace's last revision (see balance-cache).
 */
export function balanceRoute(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/v1/workspaces/:id/balance', async (request): Promise<Balance> => {
    const query = parseQuery(balanceQuerySchema, request.query);
    const now = ctx.clock();
    // Bounded before any work: the engine's cost no longer grows with asOf, but reading and walking
    // decades of empty periods for a guess nobody can use is still not worth a request's time.
    const outOfRange = query.asOf === undefined ? null : asOfOutOfRange(query.asOf, now);
    if (outOfRange) throw new ApiError(400, 'invalid_parameter', outOfRange);
    const stored = workspaceOf(ctx, request);
    const asOf = query.asOf === undefined ? now : parseInstant(query.asOf);
    return {
      workspaceId: stored.workspace.id,
      asOf: toIso(asOf),
      pools: ctx.balances.balance(request.accountId, stored, asOf),
    };
  });
}
