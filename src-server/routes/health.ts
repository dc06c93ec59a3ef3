import type { FastifyInstance } from 'fastify';
import type { Health } from '../../src-shared/api/health';
import { toIso } from '../../src-shared/time/instant';
import type { RouteContext } from './context';

/** GET /v1/health: no auth, never rate-limited or faulted, so readiness checks stay reliable. */
export function healthRoute(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/v1/health', async (): Promise<Health> => ({
    status: 'ok',
    version: ctx.version,
    apiVersion: 1,
    now: toIso(ctx.clock()),
  }));
}
