import { builtinCatalog, type Catalog } from '../catalog/catalog';
import {
  grantProblem,
  type Grant,
  type Ledger,
  type PoolKind,
  type RateCard,
  type Reading,
  type UsageEvent,
  type Workspace,
} from '../types/ledger';
import { parseInstant, type Millis } from '../time/instant';
import { distinctWorkspaceNames } from '../display/workspace-names';
import { periodAlerts, type Alert } from './alerts';
import { EngineInputError } from './errors';
import { markFirstEventCopies } from './first-copies';
import { forecastOf, type Forecast } from './forecast';
import { preparePoolReadings } from './observed-usage';
import type { PeriodResult } from './period-result';
import { preparePoolEvents, type PoolGrant } from './pool-events';
import { createPricer, type Pricer } from './pricing';
import {
  resolveWorkspace,
  type ResolvedPool,
  type ResolvedWorkspace,
  type WorkspaceOverrides,
} from './resolve-workspace';
import { simulatePool } from './simulate-pool';
import { poolBudgets } from './member-budgets';

export interface EvaluateOptions {
  asOf: Millis;
  catalog?: Catalog;
  /** Thresholds and budgets the lead set in the app, by workspace id; they win over the ledger's. */
  overrides?: Readonly<Record<string, WorkspaceOverrides>>;
  /** Walk at least from this instant, so that periods before the first record are reported too. */
  earliest?: Millis;
}

/** One pool of one workspace: every period walked up to asOf, the last one being current. */
export interface PoolEvaluation {
  workspace: Workspace;
  pool: PoolKind;
  /** Every period from the pool's first record to the one holding asOf, oldest first. */
  periods: PeriodResult[];
  current: PeriodResult;
  forecast: Forecast;
  alerts: Alert[];
}

export interface Evaluation {
  asOf: Millis;
  pools: PoolEvaluation[];
  /** Alerts of the periods current at asOf, by instant then key. */
  alerts: Alert[];
}

/** The records of one workspace, as the engine takes them. */
export interface WorkspaceInput {
  workspace: Workspace;
  grants: readonly Grant[];
  events: readonly UsageEvent[];
  rateCards?: readonly RateCard[];
  /** Balance readings that feed the pools as observed usage (a workspace with no other source). */
  readings?: readonly Reading[];
}

function sortAlerts(alerts: Alert[]): Alert[] {
  return alerts.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function toPoolGrant(g: Grant): PoolGrant {
  return {
    id: g.id,
    kind: g.kind,
    credits: g.credits,
    grantedAt: parseInstant(g.grantedAt),
    expiresAt: g.expiresAt ? parseInstant(g.expiresAt) : Number.POSITIVE_INFINITY,
  };
}

/** A workspace's records made ready to walk: events deduplicated and split by pool, one pricer. */
export interface PreparedWorkspace {
  resolved: ResolvedWorkspace;
  grants: readonly Grant[];
  eventsByPool: Map<PoolKind, readonly UsageEvent[]>;
  readings: readonly Reading[];
  price: Pricer;
}

/** Deduplicates a workspace's events (an exact copy of an id counts once; copies that differ are refused). */
export function prepareWorkspace(
  resolved: ResolvedWorkspace,
  grants: readonly Grant[],
  events: readonly UsageEvent[],
  rateCards: readonly RateCard[],
  catalog: Catalog,
  readings: readonly Reading[] = [],
): PreparedWorkspace {
  const { workspace } = resolved;
  const price = createPricer(
    catalog,
    workspace.provider,
    workspace.existingCustomer ?? false,
    rateCards,
    workspace.catalogVersion,
  );
  const first = markFirstEventCopies(workspace.id, events);
  return { resolved, grants, eventsByPool: splitByPool(resolved.pools, events, first), readings, price };
}

/** First copies by pool. The common case, one pool and no copies, takes the array as it is. */
function splitByPool(
  pools: readonly ResolvedPool[],
  events: readonly UsageEvent[],
  first: Uint8Array,
): Map<PoolKind, readonly UsageEvent[]> {
  if (pools.length === 1) {
    const only = pools[0]!.pool;
    let i = 0;
    while (i < events.length && first[i] === 1 && events[i]!.pool === only) i++;
    if (i === events.length) return new Map([[only, events]]);
  }
  const byPool = new Map<PoolKind, UsageEvent[]>(pools.map((p) => [p.pool, []]));
  for (let i = 0; i < events.length; i++) if (first[i] === 1) byPool.get(events[i]!.pool)?.push(events[i]!);
  return byPool;
}

/** Walks one pool of a prepared workspace up to asOf and returns every period, oldest first. */
export function walkPool(
  prepared: PreparedWorkspace,
  pool: ResolvedPool,
  asOf: Millis,
  earliest?: Millis,
): PeriodResult[] {
  const grants = prepared.grants
    .filter((g) => g.pool === pool.pool)
    .map(toPoolGrant)
    .filter((g) => g.grantedAt <= asOf)
    .sort((a, b) => a.grantedAt - b.grantedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return simulatePool({
    pool,
    thresholds: pool.thresholds,
    budgets: poolBudgets(prepared.resolved.budgets, pool.pool),
    events: preparePoolEvents(prepared.eventsByPool.get(pool.pool) ?? [], prepared.price, asOf),
    grants,
    readings: preparePoolReadings(prepared.readings, pool.pool, asOf),
    asOf,
    ...(earliest !== undefined ? { earliest } : {}),
  });
}

/** Evaluates one workspace whose records are already known to belong to it. */
export function evaluateResolved(
  resolved: ResolvedWorkspace,
  grants: readonly Grant[],
  events: readonly UsageEvent[],
  rateCards: readonly RateCard[],
  options: EvaluateOptions,
  readings: readonly Reading[] = [],
): PoolEvaluation[] {
  const prepared = prepareWorkspace(
    resolved,
    grants,
    events,
    rateCards,
    options.catalog ?? builtinCatalog,
    readings,
  );
  return resolved.pools.map((pool) =>
    poolEvaluationOf(resolved.workspace, pool.pool, walkPool(prepared, pool, options.asOf, options.earliest)),
  );
}

/** A pool's evaluation from its walked periods (oldest first, the last one current): forecast and alerts added. */
export function poolEvaluationOf(
  workspace: Workspace,
  pool: PoolKind,
  periods: PeriodResult[],
): PoolEvaluation {
  const current = periods[periods.length - 1]!;
  const forecast = forecastOf(current);
  return { workspace, pool, periods, current, forecast, alerts: periodAlerts(workspace, current, forecast) };
}

/**
 * An evaluation of these pools at asOf: their alerts by instant, then key. Two workspaces of one
 * name are named in their alerts as every surface tells them apart ("Studio (studio-a): ...").
 */
export function evaluationOf(asOf: Millis, pools: PoolEvaluation[]): Evaluation {
  const names = distinctWorkspaceNames(pools.map((p) => p.workspace));
  const named = pools.map((p) => {
    const name = names.get(p.workspace.id)!;
    return name === (p.workspace.name || p.workspace.id)
      ? p
      : { ...p, alerts: periodAlerts(p.workspace, p.current, p.forecast, name) };
  });
  return { asOf, pools: named, alerts: sortAlerts(named.flatMap((p) => p.alerts)) };
}

/** Evaluates one workspace's pools at asOf. */
export function evaluateWorkspace(input: WorkspaceInput, options: EvaluateOptions): PoolEvaluation[] {
  const catalog = options.catalog ?? builtinCatalog;
  const resolved = resolveWorkspace(input.workspace, catalog, options.overrides?.[input.workspace.id]);
  checkRecords(new Map([[input.workspace.id, resolved]]), input.grants, input.events, input.readings);
  return evaluateResolved(
    resolved,
    input.grants,
    input.events,
    input.rateCards ?? [],
    options,
    input.readings,
  );
}

/**
 * Checks that every grant, event and reading names a known workspace and one of its pools, and
 * fails on the first that does not, naming it by id and field.
 */
export function checkRecords(
  workspaces: ReadonlyMap<string, ResolvedWorkspace>,
  grants: readonly Grant[],
  events: readonly UsageEvent[],
  readings: readonly Reading[] = [],
): void {
  // A million events pass here: the record's name is only spelt out for the one that fails.
  const check = (
    array: 'grants' | 'events' | 'readings',
    records: readonly (Grant | UsageEvent | Reading)[],
  ) => {
    for (let index = 0; index < records.length; index++) {
      const r = records[index]!;
      const ws = workspaces.get(r.workspaceId);
      const field = !ws ? 'workspaceId' : hasPool(ws, r.pool) ? null : 'pool';
      if (field === null) continue;
      const record = `${array}[${index}] (id "${r.id}")`;
      throw new EngineInputError(
        field === 'workspaceId'
          ? `${record}: workspaceId "${r.workspaceId}" is not a workspace of the ledger`
          : `${record}: pool "${r.pool}" is not a pool of workspace "${r.workspaceId}"`,
        { record, field },
      );
    }
  };
  check('grants', grants);
  check('events', events);
  grants.forEach((g, index) => {
    const problem = grantProblem(g);
    if (!problem) return;
    const record = `grants[${index}] (id "${g.id}")`;
    throw new EngineInputError(`${record}: ${problem.field} is invalid: ${problem.message}`, {
      record,
      field: problem.field,
    });
  });
  check('readings', readings);
}

function hasPool(ws: ResolvedWorkspace, pool: PoolKind): boolean {
  for (const p of ws.pools) if (p.pool === pool) return true;
  return false;
}

/** Resolves every workspace of a ledger, failing on the first that cannot be resolved. */
export function resolveLedger(
  ledger: Ledger,
  catalog: Catalog,
  overrides?: EvaluateOptions['overrides'],
): Map<string, ResolvedWorkspace> {
  const resolved = new Map<string, ResolvedWorkspace>();
  ledger.workspaces.forEach((ws, i) => {
    if (resolved.has(ws.id)) {
      throw new EngineInputError(`workspaces[${i}] (id "${ws.id}"): the id is used by an earlier workspace`, {
        record: `workspaces[${i}] (id "${ws.id}")`,
        field: 'id',
      });
    }
    resolved.set(ws.id, resolveWorkspace(ws, catalog, overrides?.[ws.id]));
  });
  checkRecords(resolved, ledger.grants, ledger.events, ledger.readings);
  return resolved;
}

/**
 * A ledger's records by workspace, every workspace listed. Only for records checkRecords has passed:
 * with one workspace they all belong to it, and the array is taken as it is.
 */
export function byWorkspace<T extends { workspaceId: string }>(
  resolved: ReadonlyMap<string, ResolvedWorkspace>,
  records: readonly T[],
): Map<string, readonly T[]> {
  if (resolved.size === 1) return new Map([[resolved.keys().next().value!, records]]);
  const by = new Map<string, T[]>([...resolved.keys()].map((id) => [id, []]));
  for (const r of records) by.get(r.workspaceId)!.push(r);
  return by;
}

/**
 * The engine: every workspace and pool of a ledger at asOf. Pure and deterministic; events after
 * asOf do not exist yet. Throws EngineInputError, before evaluating anything, on bad references.
 */
export function evaluateLedger(ledger: Ledger, options: EvaluateOptions): Evaluation {
  const catalog = options.catalog ?? builtinCatalog;
  const resolved = resolveLedger(ledger, catalog, options.overrides);
  const grantsBy = byWorkspace(resolved, ledger.grants);
  const eventsBy = byWorkspace(resolved, ledger.events);
  const readingsBy = byWorkspace(resolved, ledger.readings ?? []);
  const pools: PoolEvaluation[] = [];
  for (const [id, ws] of resolved) {
    pools.push(
      ...evaluateResolved(
        ws,
        grantsBy.get(id)!,
        eventsBy.get(id)!,
        ledger.rateCards ?? [],
        { ...options, catalog },
        readingsBy.get(id)!,
      ),
    );
  }
  return evaluationOf(options.asOf, pools);
}
