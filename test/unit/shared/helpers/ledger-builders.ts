import { evaluateLedger, type EvaluateOptions } from '../../../../src-shared/engine/evaluate';
import {
  evaluationJson,
  type AlertJson,
  type EvaluationJson,
  type PoolStatusJson,
} from '../../../../src-shared/engine/status-json';
import type {
  Grant,
  Ledger,
  PoolKind,
  RateCard,
  ResetRule,
  UsageEvent,
  Workspace,
} from '../../../../src-shared/types/ledger';

/** The workspace id every builder uses unless a case names another. */
export const WS = 'acme';

/** Epoch milliseconds of an ISO instant; a typo fails the test instead of silently testing NaN. */
export function ms(iso: string): number {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`not an instant: ${iso}`);
  return t;
}

/** The ISO form the engine prints (`2026-03-01T00:00:00.000Z`). */
export function iso(t: number | string): string {
  return new Date(typeof t === 'string' ? ms(t) : t).toISOString();
}

/** `iso` moved by whole minutes (negative to go back). */
export function plusMinutes(start: string, minutes: number): string {
  return iso(ms(start) + minutes * 60_000);
}

/**
 * A custom-provider workspace with one integration pool of `allowance` credits (100 by default) and
 * a calendar-month reset, so that balance cases carry their prices on the events.
 */
export function workspace(over: Partial<Workspace> = {}): Workspace {
  return {
    id: WS,
    name: 'Acme',
    provider: 'custom',
    plan: 'custom',
    pools: [{ pool: 'integration', allowance: 100 }],
    ...over,
  };
}

/** Shorthand for a workspace's one integration pool. */
export function pool(
  allowance: number,
  reset?: ResetRule,
  extra: { overage?: boolean } = {},
): Workspace['pools'] {
  return [{ pool: 'integration', allowance, ...(reset ? { reset } : {}), ...extra }];
}

let sequence = 0;

/** A usage event of WS's integration pool by member `ana`; the id is unique unless given. */
export function event(over: Partial<UsageEvent> & { occurredAt: string }): UsageEvent {
  sequence += 1;
  return {
    id: `e${sequence}`,
    workspaceId: WS,
    pool: 'integration',
    memberId: 'ana',
    action: 'integration:twilio',
    ...over,
  };
}

/** An event the provider priced: `credits` wins over every rate card. */
export function charge(occurredAt: string, credits: number, over: Partial<UsageEvent> = {}): UsageEvent {
  return event({ occurredAt, credits, ...over });
}

/** A never-expiring bonus of WS's integration pool unless told otherwise. */
export function grant(over: Partial<Grant> & { credits: number; grantedAt: string }): Grant {
  sequence += 1;
  return {
    id: `g${sequence}`,
    workspaceId: WS,
    pool: 'integration',
    kind: 'bonus',
    expiresAt: null,
    ...over,
  };
}

export interface LedgerParts {
  workspaces?: Workspace[];
  grants?: Grant[];
  events?: UsageEvent[];
  rateCards?: RateCard[];
}

/** A version-1 ledger; one default workspace (see `workspace`) when none is given. */
export function ledger(parts: LedgerParts = {}): Ledger {
  return {
    version: 1,
    workspaces: parts.workspaces ?? [workspace()],
    grants: parts.grants ?? [],
    events: parts.events ?? [],
    ...(parts.rateCards ? { rateCards: parts.rateCards } : {}),
  };
}

/** The evaluation in the documented CLI JSON shape. */
export function evaluate(
  l: Ledger,
  asOf: string,
  options: Omit<EvaluateOptions, 'asOf'> = {},
): EvaluationJson {
  return evaluationJson(evaluateLedger(l, { ...options, asOf: ms(asOf) }));
}

/** One pool of the evaluation at asOf (WS's integration pool by default). */
export function poolAt(
  l: Ledger,
  asOf: string,
  which: { workspaceId?: string; pool?: PoolKind } = {},
): PoolStatusJson {
  const workspaceId = which.workspaceId ?? WS;
  const kind = which.pool ?? 'integration';
  const found = evaluate(l, asOf).pools.find((p) => p.workspaceId === workspaceId && p.pool === kind);
  if (!found) throw new Error(`no pool ${workspaceId}/${kind} in the evaluation`);
  return found;
}

/** The alerts of the evaluation at asOf, optionally of one kind. */
export function alertsAt(l: Ledger, asOf: string, kind?: AlertJson['kind']): AlertJson[] {
  const all = evaluate(l, asOf).alerts;
  return kind ? all.filter((a) => a.kind === kind) : all;
}
