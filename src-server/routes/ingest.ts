import type { FastifyInstance } from 'fastify';
import {
  ingestBatchSchema,
  ingestInstantProblem,
  unknownEventField,
  type IngestResult,
} from '../../src-shared/api/ingest';
import { checkRecords } from '../../src-shared/engine/evaluate';
import { EngineInputError } from '../../src-shared/engine/errors';
import { resolveWorkspace } from '../../src-shared/engine/resolve-workspace';
import { describeIssue } from '../../src-shared/ledger/parse-ledger';
import { parseInstant, toIso } from '../../src-shared/time/instant';
import type { UsageEvent } from '../../src-shared/types/ledger';
import { ApiError } from '../http/api-error';
import { recordUsage } from '../record-usage';
import { workspaceOf, type RouteContext } from './context';

function invalid(message: string): ApiError {
  return new ApiError(422, 'invalid_body', `${message}; nothing was stored.`);
}

/** Validates a batch whole against the contract and the workspace; throws 422 naming the first bad event. */
function validBatch(
  body: unknown,
  ctx: RouteContext,
  workspace: ReturnType<typeof workspaceOf>['workspace'],
  now: number,
): UsageEvent[] {
  const unknown = unknownEventField(body);
  if (unknown !== null) throw invalid(unknown);
  const parsed = ingestBatchSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.path.length === 0) throw invalid('The body must be a JSON object {"events": [...]}');
    throw invalid(describeIssue(body, issue));
  }
  const events = parsed.data.events.map((e, i): UsageEvent => {
    if (e.workspaceId !== undefined && e.workspaceId !== workspace.id) {
      throw invalid(
        `events[${i}] (id "${e.id}"): workspaceId "${e.workspaceId}" is not the workspace of the path ("${workspace.id}")`,
      );
    }
    const problem = ingestInstantProblem(parseInstant(e.occurredAt), now);
    if (problem !== null) throw invalid(`events[${i}] (id "${e.id}"): occurredAt ${e.occurredAt} ${problem}`);
    return { ...e, workspaceId: workspace.id };
  });
  try {
    // The engine's own reference check: every event must name a pool the workspace has.
    checkRecords(new Map([[workspace.id, resolveWorkspace(workspace, ctx.catalog)]]), [], events);
  } catch (err) {
    if (err instanceof EngineInputError) throw invalid(err.message);
    throw err;
  }
  return events;
}

/**
 * POST /v1/workspaces/:id/events: a batch, all or nothing, idempotent by event id. Member ids the
 * workspace does not list are accepted and listed (unnamed) in the same transaction.
 */
export function ingestRoute(app: FastifyInstance, ctx: RouteContext): void {
  app.post(
    '/v1/workspaces/:id/events',
    { config: { scope: 'ingest' } },
    async (request): Promise<IngestResult> => {
      const stored = workspaceOf(ctx, request);
      const now = ctx.clock();
      const events = validBatch(request.body, ctx, stored.workspace, now);
      const { inserted, newMembers } = ctx.store.transaction(() =>
        recordUsage(ctx.store, stored.pk, events, {
          unknownMembers: { known: stored.workspace.members, at: toIso(now) },
        }),
      );
      return {
        workspaceId: stored.workspace.id,
        received: events.length,
        inserted,
        duplicates: events.length - inserted,
        newMembers,
      };
    },
  );
}
