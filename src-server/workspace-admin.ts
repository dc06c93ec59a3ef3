import type { ApiWorkspace } from '../src-shared/api/workspaces';
import { INGEST_MAX_FIELD_LENGTH } from '../src-shared/api/ingest';
import { catalogPlan, providerVersion, type Catalog } from '../src-shared/catalog/catalog';
import { EngineInputError } from '../src-shared/engine/errors';
import type {
  Member,
  PoolConfig,
  PoolKind,
  Provider,
  ResetRule,
  Workspace,
} from '../src-shared/types/ledger';
import { AdminError, toApiWorkspace } from './admin';
import type { ServerStore } from './db/store';
import type { StoredWorkspace } from './db/workspaces-repository';

/** A workspace as a lead describes it on the command line; allowances the catalog knows may be left out. */
export interface WorkspaceSpec {
  id: string;
  name: string;
  provider: Provider;
  plan: string;
  /** Day of the month the platform bills and resets on (Base44); default the provider's reset. */
  billingDay?: number;
  /** Integration credits of one period, where the catalog does not know the plan (or to override it). */
  allowance?: number;
  /** Adds the message pool (Base44 message credits, Zite AI credits) with this allowance. */
  messageAllowance?: number;
  existingCustomer?: boolean;
  thresholds?: number[];
  members?: Member[];
}

/** What `workspace update` may change; a field left out keeps its stored value. */
export type WorkspaceChanges = Partial<Omit<WorkspaceSpec, 'id' | 'members' | 'thresholds'>> & {
  /** null goes back to the default thresholds. */
  thresholds?: number[] | null;
};

/** A workspace as `workspace list` shows it: its API form and what it holds. */
export interface WorkspaceSummary extends ApiWorkspace {
  unnamedMembers: { id: string; firstSeenAt: string }[];
  events: number;
  /** When the newest stored event happened (by arrival): tells a lead the collector is being fed. */
  lastEventAt: string | null;
  grants: number;
  ingestTokens: number;
}

function checkId(what: string, id: string): void {
  if (id.trim() === '' || id !== id.trim())
    throw new AdminError(`${what} "${id}" must be non-empty with no spaces around it`);
  if (id.length > INGEST_MAX_FIELD_LENGTH)
    throw new AdminError(`${what} is ${id.length} characters long: keep it to ${INGEST_MAX_FIELD_LENGTH}`);
}

/** Checks a member given on the command line (ids as ingest takes them). */
export function checkMember(m: Member): void {
  checkId('the member id', m.id);
  if (m.name.trim() === '') throw new AdminError(`member "${m.id}" needs a name`);
  if (m.budget !== undefined && !(m.budget > 0 && Number.isFinite(m.budget)))
    throw new AdminError(`the budget of member "${m.id}" must be a positive number of credits`);
}

/** The stored workspace of an account, or a sentence naming the id. */
export function findWorkspace(store: ServerStore, accountId: number, id: string): StoredWorkspace {
  const found = store.workspaces.find(accountId, id);
  if (!found) {
    const ids = store.workspaces.list(accountId).map((s) => `"${s.workspace.id}"`);
    throw new AdminError(
      `no workspace "${id}" in this account${ids.length > 0 ? ` (it has ${ids.join(', ')})` : ''}: check the workspace id`,
    );
  }
  return found;
}

/**
 * The catalog version a new plan is read with: the newest that publishes the plan's integration
 * allowance (Base44's current plans; Zite no longer publishes plan sizes, so its seed version), else
 * the newest, whose error then asks for --allowance.
 */
function versionFor(provider: Provider, plan: string, catalog: Catalog): string {
  const versions = catalog.providers[provider].versions;
  const known = [...versions]
    .reverse()
    .find((v) => typeof catalogPlan(v, plan)?.pools.integration === 'number');
  return (known ?? versions[versions.length - 1]!).id;
}

/**
 * The ledger form of a workspace from its plan and flags: pools the catalog plan has, plus the
 * message pool when given; each allowance from the flag, else what the workspace had (same plan),
 * else the catalog; a billing day makes every pool reset on that day.
 */
function ledgerWorkspace(
  base: Omit<Workspace, 'pools' | 'catalogVersion' | 'billingDay'>,
  flags: {
    allowance?: number | undefined;
    messageAllowance?: number | undefined;
    billingDay?: number | undefined;
  },
  stored: ApiWorkspace | undefined,
  catalog: Catalog,
): Workspace {
  const { provider, plan } = base;
  const samePlan = stored !== undefined && stored.provider === provider && stored.plan === plan;
  // A plan keeps the rules it was put on (none named: the seed's, as before); a new plan goes on
  // the newest rules that size it.
  const catalogVersion = samePlan ? stored.catalogVersion : versionFor(provider, plan, catalog);
  const billingDay = flags.billingDay ?? (stored?.provider === provider ? stored.billingDay : undefined);
  const planPools = Object.keys(
    catalogPlan(providerVersion(catalog, provider, catalogVersion), plan)?.pools ?? {},
  ) as PoolKind[];
  const kinds = new Set<PoolKind>(['integration', ...planPools]);
  if (flags.messageAllowance !== undefined || stored?.pools.some((p) => p.pool === 'message'))
    kinds.add('message');
  const pools = [...kinds].map((pool): PoolConfig => {
    const given = pool === 'integration' ? flags.allowance : flags.messageAllowance;
    const before = stored?.pools.find((p) => p.pool === pool);
    const allowance = given ?? (samePlan ? before?.allowance : undefined);
    const reset: ResetRule | undefined =
      flags.billingDay !== undefined
        ? { kind: 'anchor-day', day: flags.billingDay }
        : stored?.provider === provider
          ? before?.reset
          : undefined;
    return { pool, ...(allowance !== undefined ? { allowance } : {}), ...(reset ? { reset } : {}) };
  });
  return {
    ...base,
    ...(catalogVersion !== undefined ? { catalogVersion } : {}),
    ...(billingDay !== undefined ? { billingDay } : {}),
    pools,
  };
}

function checkSpec(spec: { provider: Provider; billingDay?: number | undefined; name?: string | undefined }) {
  if (spec.billingDay !== undefined && spec.provider === 'zite')
    throw new AdminError(
      'zite resets on the 1st of each month (UTC): --billing-day is for providers that reset on the billing date',
    );
  if (spec.name !== undefined && spec.name.trim() === '')
    throw new AdminError('the workspace needs a --name');
}

/** Resolves the ledger workspace as the API will list it; catalog errors become one sentence about a flag. */
function resolved(ws: Workspace, catalog: Catalog): ApiWorkspace {
  try {
    return toApiWorkspace(ws, catalog);
  } catch (err) {
    if (!(err instanceof EngineInputError)) throw err;
    const pool = /pool "(\w+)"/.exec(err.message)?.[1] ?? 'integration';
    const why = /\(([^)]*)\)/.exec(err.message)?.[1];
    if (err.location.field === 'allowance')
      throw new AdminError(
        `${why ?? `${ws.provider} plan "${ws.plan}" has no ${pool} allowance`}: give ${pool === 'message' ? '--message-allowance' : '--allowance'} N (the ${pool} credits of one period)`,
      );
    if (err.location.field === 'billingDay')
      throw new AdminError(
        `${ws.provider} plan "${ws.plan}" resets on the billing date: give --billing-day N (the day of the month the plan renews)`,
      );
    throw new AdminError(err.message);
  }
}

/** Adds a workspace to an account; refuses an id the account already has. */
export function addWorkspace(
  store: ServerStore,
  accountId: number,
  spec: WorkspaceSpec,
  catalog: Catalog,
): StoredWorkspace {
  checkId('the workspace id', spec.id);
  checkSpec(spec);
  for (const m of spec.members ?? []) checkMember(m);
  const ids = (spec.members ?? []).map((m) => m.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined) throw new AdminError(`member "${twice}" is given twice`);
  if (store.workspaces.find(accountId, spec.id))
    throw new AdminError(
      `this account already has a workspace "${spec.id}": change it with "workspace update", or pick another --id`,
    );
  const workspace = resolved(
    ledgerWorkspace(
      {
        id: spec.id,
        name: spec.name,
        provider: spec.provider,
        plan: spec.plan,
        ...(spec.existingCustomer !== undefined ? { existingCustomer: spec.existingCustomer } : {}),
        members: spec.members ?? [],
        ...(spec.thresholds ? { thresholds: spec.thresholds } : {}),
      },
      spec,
      undefined,
      catalog,
    ),
    catalog,
  );
  const pk = store.workspaces.upsert(accountId, workspace);
  store.changed(pk);
  return store.workspaces.find(accountId, spec.id)!;
}

/** Changes a workspace's name, plan, allowances, billing day, flags or thresholds; members and data stay. */
export function updateWorkspace(
  store: ServerStore,
  accountId: number,
  id: string,
  changes: WorkspaceChanges,
  catalog: Catalog,
): StoredWorkspace {
  const stored = findWorkspace(store, accountId, id);
  const before = stored.workspace;
  const provider = changes.provider ?? before.provider;
  const plan = changes.plan ?? before.plan;
  checkSpec({ provider, billingDay: changes.billingDay, name: changes.name });
  const thresholds = changes.thresholds === undefined ? before.thresholds : (changes.thresholds ?? undefined);
  const workspace = resolved(
    ledgerWorkspace(
      {
        id,
        name: changes.name ?? before.name,
        provider,
        plan,
        existingCustomer: changes.existingCustomer ?? before.existingCustomer,
        // Only the named ones: the repository keeps the unnamed members as they are.
        members: before.members.filter((m) => !stored.unnamedMembers.some((u) => u.id === m.id)),
        ...(thresholds ? { thresholds } : {}),
      },
      changes,
      before,
      catalog,
    ),
    catalog,
  );
  store.workspaces.upsert(accountId, workspace);
  store.changed(stored.pk);
  return store.workspaces.find(accountId, id)!;
}

/**
 * Removes a workspace with its grants, members and ingest tokens. One that holds events is refused
 * unless `withEvents`: the events go too, and a lead should not lose them by a slip.
 */
export function removeWorkspace(
  store: ServerStore,
  accountId: number,
  id: string,
  withEvents: boolean,
): { events: number; grants: number; ingestTokens: number } {
  const stored = findWorkspace(store, accountId, id);
  const events = store.eventsReader.count(stored.pk);
  if (events > 0 && !withEvents)
    throw new AdminError(
      `workspace "${id}" holds ${events.toLocaleString('en-US')} events: add --with-events to delete them with it (nothing was removed)`,
    );
  const grants = store.grants.list(stored.pk, id).length;
  const ingestTokens = store.accounts.listTokens(accountId).filter((t) => t.workspaceId === id).length;
  store.changed(stored.pk);
  store.workspaces.remove(stored.pk);
  return { events, grants, ingestTokens };
}

/** Every workspace of an account with what it holds. */
export function describeWorkspaces(store: ServerStore, accountId: number): WorkspaceSummary[] {
  const tokens = store.accounts.listTokens(accountId);
  return store.workspaces.list(accountId).map((s) => ({
    ...s.workspace,
    unnamedMembers: s.unnamedMembers,
    events: store.eventsReader.count(s.pk),
    lastEventAt: store.eventsReader.lastArrived(s.pk),
    grants: store.grants.list(s.pk, s.workspace.id).length,
    ingestTokens: tokens.filter((t) => t.workspaceId === s.workspace.id).length,
  }));
}

/** Adds a member or (re)names one, an unnamed one included; returns whether it was new. */
export function setMember(
  store: ServerStore,
  accountId: number,
  workspaceId: string,
  member: Member,
): { added: boolean; wasUnnamed: boolean } {
  checkMember(member);
  const stored = findWorkspace(store, accountId, workspaceId);
  const wasUnnamed = stored.unnamedMembers.some((u) => u.id === member.id);
  const added = store.workspaces.setMember(stored.pk, member);
  store.changed(stored.pk);
  return { added, wasUnnamed };
}

/** Takes a member off the list; its events stay (and count). Returns how many events it has. */
export function removeMember(
  store: ServerStore,
  accountId: number,
  workspaceId: string,
  memberId: string,
): { events: number } {
  const stored = findWorkspace(store, accountId, workspaceId);
  if (!store.workspaces.removeMember(stored.pk, memberId)) {
    throw new AdminError(
      `workspace "${workspaceId}" has no member "${memberId}": list them with "creditbar-server workspace list"`,
    );
  }
  store.changed(stored.pk);
  return { events: store.eventsReader.countOfMember(stored.pk, memberId) };
}
