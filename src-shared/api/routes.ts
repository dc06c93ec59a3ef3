import type { z } from 'zod';
import { balanceQuerySchema, balanceSchema } from './balance';
import { grantListSchema } from './grants';
import { healthSchema } from './health';
import { ingestBatchSchema, ingestResultSchema } from './ingest';
import { usagePageSchema, usageQuerySchema } from './usage';
import { workspaceListSchema } from './workspaces';

import { API_PREFIX, apiPaths } from './paths';

export { API_PREFIX, apiPaths };

/** One route of the contract: what the OpenAPI file documents and what the server implements. */
export interface ApiRoute {
  method: 'get' | 'post';
  /** OpenAPI path template (`{id}` is the workspace id). */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  auth: boolean;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  /** Error statuses this route can answer with besides 401 (auth routes), 429 and 5xx. */
  errors: number[];
}

const WORKSPACE = `${API_PREFIX}/workspaces/{id}`;

/** The contract, route by route. */
export const apiRoutes: readonly ApiRoute[] = [
  {
    method: 'get',
    path: `${API_PREFIX}/health`,
    operationId: 'getHealth',
    summary: 'Health check',
    description: "Needs no token. `now` is the server's clock, so a client can tell its own clock's skew.",
    auth: false,
    response: healthSchema,
    errors: [],
  },
  {
    method: 'get',
    path: `${API_PREFIX}/workspaces`,
    operationId: 'listWorkspaces',
    summary: "The account's workspaces",
    description:
      "Every workspace of the token's account with its plan, pools (allowance and reset rule resolved), members and thresholds, plus the rate cards that price their events.",
    auth: true,
    response: workspaceListSchema,
    errors: [],
  },
  {
    method: 'get',
    path: `${WORKSPACE}/grants`,
    operationId: 'listGrants',
    summary: "A workspace's grants",
    description:
      'Bonuses, top-ups and adjustments of the workspace. A workspace of another account answers 404.',
    auth: true,
    response: grantListSchema,
    errors: [404],
  },
  {
    method: 'get',
    path: `${WORKSPACE}/usage`,
    operationId: 'listUsage',
    summary: 'Page through usage events',
    description:
      'Events in a stable order (the order the server stored them). Following nextCursor from the start returns every event exactly once; resuming later from the last nextCursor returns only events stored since, including ones that arrived after that page. A cursor from another workspace or another server database answers 400 `cursor_expired`: start again without a cursor (events are idempotent by id).',
    auth: true,
    query: usageQuerySchema,
    response: usagePageSchema,
    errors: [400, 404],
  },
  {
    method: 'get',
    path: `${WORKSPACE}/balance`,
    operationId: 'getBalance',
    summary: "The server's balance of a workspace",
    description:
      "The credit engine (the same src-shared engine the app runs) over the workspace's stored records at asOf: one entry per pool, in the shape of `creditbar evaluate --json`.",
    auth: true,
    query: balanceQuerySchema,
    response: balanceSchema,
    errors: [400, 404],
  },
  {
    method: 'post',
    path: `${WORKSPACE}/events`,
    operationId: 'ingestEvents',
    summary: 'Ingest usage events',
    description:
      'A batch of usage events, idempotent by event id (an id already stored is skipped, never counted twice). Needs an ingest token of this workspace (a read token answers 403). The batch is validated whole: one bad event rejects it all with 422 naming that event and field, and nothing is stored.',
    auth: true,
    body: ingestBatchSchema,
    response: ingestResultSchema,
    errors: [400, 404, 413, 422],
  },
];
