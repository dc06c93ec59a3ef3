import type { FastifyInstance } from 'fastify';
import type { GrantList } from '../../src-shared/api/grants';
import type { WorkspaceList } from '../../src-shared/api/workspaces';
import { workspaceOf, type RouteContext } from './context';

/** GET /v1/workspaces and GET /v1/workspaces/:id/grants. */
export function workspaceRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/v1/workspaces', async (request): Promise<WorkspaceList> => ({
    workspaces: ctx.store.workspaces.list(request.accountId).map((s) => s.workspace),
    rateCards: ctx.store.rateCards.list(request.accountId),
  }));

  app.get('/v1/workspaces/:id/grants', async (request): Promise<GrantList> => {
    const { pk, workspace } = workspaceOf(ctx, request);
    return { workspaceId: workspace.id, grants: ctx.store.grants.list(pk, workspace.id) };
  });
}
