import { z } from 'zod';
import {
  memberSchema,
  rateCardSchema,
  resetRuleSchema,
  grantSchema,
  usageEventSchema,
} from '../types/ledger-schema';
import { balanceSchema } from './balance';
import { apiErrorSchema } from './errors';
import { grantListSchema } from './grants';
import { healthSchema } from './health';
import { ingestBatchSchema, ingestEventSchema, ingestResultSchema } from './ingest';
import { poolStatusSchema } from './pool-status';
import { apiRoutes, type ApiRoute } from './routes';
import { usagePageSchema } from './usage';
import { apiPoolSchema, apiWorkspaceSchema, workspaceListSchema } from './workspaces';

/** Version of the contract in the OpenAPI file (the routes live under /v1). */
export const API_CONTRACT_VERSION = '1.0.0';

type JsonSchema = Record<string, unknown>;

/** Named schemas of the contract: each becomes a component and is referenced wherever it is used. */
const COMPONENTS: [string, z.ZodType][] = [
  ['Error', apiErrorSchema],
  ['Health', healthSchema],
  ['ResetRule', resetRuleSchema],
  ['Pool', apiPoolSchema],
  ['Member', memberSchema],
  ['Workspace', apiWorkspaceSchema],
  ['RateCard', rateCardSchema],
  ['WorkspaceList', workspaceListSchema],
  ['Grant', grantSchema],
  ['GrantList', grantListSchema],
  ['UsageEvent', usageEventSchema],
  ['UsagePage', usagePageSchema],
  ['PoolStatus', poolStatusSchema],
  ['Balance', balanceSchema],
  ['IngestEvent', ingestEventSchema],
  ['IngestBatch', ingestBatchSchema],
  ['IngestResult', ingestResultSchema],
];

const STATUS_TEXT: Record<number, string> = {
  400: 'A parameter is invalid; the message names it.',
  401: 'The bearer token is missing, not valid or revoked.',
  403: "The token's scope does not allow this route: a read token cannot ingest; an ingest token is write-only and may only POST events to its own workspace.",
  404: "No such workspace for this token (another account's workspace answers 404 too).",
  413: 'The body is larger than the server accepts; send smaller batches.',
  422: 'The body is JSON but not a valid batch; the message names the first bad event and field, and nothing was stored.',
  429: "This token sent too many requests; retry after the Retry-After header's seconds.",
  500: 'A fault on the server (or an injected one in fault mode); retry with backoff.',
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function stripMeta(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function componentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of COMPONENTS) registry.add(schema, { id });
  // `input` leaves objects open (no additionalProperties: false): clients must accept new fields.
  const { schemas } = z.toJSONSchema(registry, {
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
  }) as {
    schemas: Record<string, JsonSchema>;
  };
  return Object.fromEntries(COMPONENTS.map(([id]) => [id, stripMeta(schemas[id]!)]));
}

function componentName(schema: z.ZodType): string {
  const found = COMPONENTS.find(([, s]) => s === schema);
  if (!found) throw new Error('every request and response schema of a route must be a named component');
  return found[0];
}

function queryParameters(query: z.ZodObject): JsonSchema[] {
  return Object.entries(query.shape).map(([name, field]) => {
    const schema = stripMeta(z.toJSONSchema(field as z.ZodType, { io: 'input' }) as JsonSchema);
    const { description, ...rest } = schema;
    return {
      name,
      in: 'query',
      required: !(field as z.ZodType).safeParse(undefined).success,
      ...(description !== undefined ? { description } : {}),
      schema: rest,
    };
  });
}

function errorResponse(status: number): JsonSchema {
  return {
    description: STATUS_TEXT[status] ?? 'Error',
    ...(status === 429
      ? {
          headers: {
            'Retry-After': {
              description: 'Seconds to wait before retrying.',
              schema: { type: 'integer', minimum: 1 },
            },
          },
        }
      : {}),
    content: { 'application/json': { schema: ref('Error') } },
  };
}

function operation(route: ApiRoute): JsonSchema {
  const statuses = [...route.errors, ...(route.auth ? [401, 403, 429] : []), 500].sort((a, b) => a - b);
  const parameters: JsonSchema[] = [];
  if (route.path.includes('{id}')) {
    parameters.push({
      name: 'id',
      in: 'path',
      required: true,
      description: 'Workspace id.',
      schema: { type: 'string', minLength: 1 },
    });
  }
  if (route.query) parameters.push(...queryParameters(route.query));
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: route.description,
    ...(route.auth ? {} : { security: [] }),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref(componentName(route.body)) } },
          },
        }
      : {}),
    responses: {
      200: {
        description: 'OK',
        content: { 'application/json': { schema: ref(componentName(route.response)) } },
      },
      ...Object.fromEntries(statuses.map((s) => [String(s), errorResponse(s)])),
    },
  };
}

/** The OpenAPI 3.1 document of the account API, generated from the zod schemas of this folder. */
export function buildOpenApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of apiRoutes) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Creditbar account API',
      version: API_CONTRACT_VERSION,
      description:
        'Workspaces, grants, usage events and balances of an account on a no-code AI app platform, as the Creditbar desktop app syncs them. Generated from src-shared/api (zod) by `npm run openapi`; do not edit by hand. Every error has the shape {"error":{"code","message"}}; responses are compressed (gzip, deflate, br) when the client accepts it.',
    },
    servers: [{ url: 'http://127.0.0.1:8787', description: 'The reference server (npm run server)' }],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An account token: Authorization: Bearer <token>. A read token (`cb_…`) reads every route of its account and cannot ingest; an ingest token (`cb_ingest_…`) is bound to one workspace and may only POST its events (every other route answers 403). Tokens are issued, listed and revoked with `creditbar-server token`; a revoked token answers 401 from the next request on.',
        },
      },
      schemas: componentSchemas(),
    },
  };
}
