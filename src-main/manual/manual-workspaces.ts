import {
  catalogPlan,
  newestVersion,
  providerVersion,
  UnknownCatalogVersionError,
  type Catalog,
  type ProviderCatalog,
} from '../../src-shared/catalog/catalog';
import { EngineInputError } from '../../src-shared/engine/errors';
import { resolveWorkspace } from '../../src-shared/engine/resolve-workspace';
import {
  comparePoolKinds,
  type Member,
  type PoolConfig,
  type PoolKind,
  type Provider,
  type Workspace,
} from '../../src-shared/types/ledger';
import type { Millis } from '../../src-shared/time/instant';
import type { Cache } from '../cache/cache';
import { LOCAL_ACCOUNT_ID } from '../db/repositories/accounts-repository';
import type { CachedWorkspace } from '../db/repositories/workspaces-repository';
import { ManualInputError } from './manual-input-error';
import { MAX_CREDITS } from '../../src-shared/types/ledger';

/** What a lead gives to add a workspace by hand. */
export interface ManualWorkspaceInput {
  provider: Provider;
  plan: string;
  name: string;
  /** Default: the newest version of the provider's rules. */
  catalogVersion?: string;
  billingDay?: number;
  /** Default: made from the name. */
  id?: string;
  members?: Member[];
  /** Allowances the catalog does not publish (or that differ for this workspace), by pool. */
  allowances?: Partial<Record<PoolKind, number>>;
}

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** `Support studio` → `support-studio`, unique in the cache. */
function idFromName(name: string, taken: (id: string) => boolean): string {
  const base =
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'workspace';
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

function versionFor(catalog: Catalog, input: ManualWorkspaceInput): ProviderCatalog {
  if (input.catalogVersion === undefined) return newestVersion(catalog, input.provider);
  try {
    return providerVersion(catalog, input.provider, input.catalogVersion);
  } catch (err) {
    if (err instanceof UnknownCatalogVersionError)
      throw new ManualInputError(
        `${input.provider} has no catalog version "${input.catalogVersion}": choose one of ${err.known.join(', ')}.`,
        'catalogVersion',
      );
    throw err;
  }
}

/**
 * The workspace a lead described, checked against the catalog before anything is stored: the plan
 * fills in pools, allowances and the reset; what the catalog does not publish must be given.
 */
export function manualWorkspace(
  input: ManualWorkspaceInput,
  catalog: Catalog,
  taken: (id: string) => boolean,
): Workspace {
  const name = input.name.trim();
  if (name === '' || name.length > 80)
    throw new ManualInputError('Give the workspace a name of 1 to 80 characters.', 'name');
  const version = versionFor(catalog, input);
  const planName = input.plan.trim().toLowerCase();
  const plan = catalogPlan(version, planName);
  const allowances = Object.entries(input.allowances ?? {}) as [PoolKind, number][];
  for (const [pool, allowance] of allowances)
    if (!Number.isFinite(allowance) || allowance < 0 || allowance > MAX_CREDITS)
      throw new ManualInputError(
        `The ${pool} allowance must be a number of credits from 0 to 1,000,000,000.`,
        'allowance',
      );
  if (!plan && allowances.length === 0) {
    const known = Object.keys(version.plans);
    throw new ManualInputError(
      known.length > 0
        ? `${catalog.providers[input.provider].label} has no plan "${input.plan}" in catalog version ${version.id}: choose ${known.join(', ')}, or give the plan's allowance.`
        : `${catalog.providers[input.provider].label}'s catalog version ${version.id} lists no plans: give the plan's allowance.`,
      'plan',
    );
  }
  if (
    input.billingDay !== undefined &&
    !(Number.isInteger(input.billingDay) && input.billingDay >= 1 && input.billingDay <= 31)
  )
    throw new ManualInputError('The billing day must be a day of the month, 1 to 31.', 'billingDay');
  const id = input.id ?? idFromName(name, taken);
  if (!ID_PATTERN.test(id))
    throw new ManualInputError(
      `The id "${id}" must be lower-case letters, digits, dots, dashes or underscores (at most 64).`,
      'id',
    );
  if (taken(id)) throw new ManualInputError(`There is already a workspace "${id}" in this cache.`, 'id');
  const planPools = plan ? (Object.keys(plan.pools) as PoolKind[]) : [];
  const poolNames = [...new Set([...planPools, ...allowances.map(([pool]) => pool)])].sort(comparePoolKinds);
  const given = new Map(allowances);
  const pools: PoolConfig[] | undefined =
    allowances.length === 0
      ? undefined
      : poolNames.map((pool) => (given.has(pool) ? { pool, allowance: given.get(pool)! } : { pool }));
  const ws: Workspace = {
    id,
    name,
    provider: input.provider,
    plan: planName,
    catalogVersion: version.id,
    ...(input.billingDay !== undefined ? { billingDay: input.billingDay } : {}),
    ...(pools ? { pools } : {}),
    ...(input.members && input.members.length > 0 ? { members: input.members } : {}),
  };
  try {
    resolveWorkspace(ws, catalog);
  } catch (err) {
    if (!(err instanceof EngineInputError)) throw err;
    throw explain(err, ws, version);
  }
  return ws;
}

/** The engine's complaint about a workspace, said to the lead who is adding it. */
function explain(err: EngineInputError, ws: Workspace, version: ProviderCatalog): ManualInputError {
  if (err.location.field === 'billingDay')
    return new ManualInputError(
      `Plan ${ws.plan} resets on the billing date: give the billing day, the day of the month the plan was bought (1-31).`,
      'billingDay',
    );
  if (err.location.field === 'allowance') {
    const pool = /pool "(\w+)"/.exec(err.message)?.[1] ?? 'integration';
    const why = version.plansUnpublished ?? `The catalog has no ${pool} allowance for plan ${ws.plan}.`;
    return new ManualInputError(`${why} Give the ${pool} allowance of this workspace.`, 'allowance');
  }
  return new ManualInputError(err.message, err.location.field);
}

/** Adds a workspace by hand under the local account; returns it as cached. */
export function addManualWorkspace(
  cache: Cache,
  input: ManualWorkspaceInput,
  options: { catalog: Catalog; now: Millis },
): CachedWorkspace {
  const taken = (id: string) => cache.read.workspaces.byId(id) !== null;
  const ws = manualWorkspace(input, options.catalog, taken);
  cache.transaction(() => {
    if (!cache.read.accounts.get(LOCAL_ACCOUNT_ID))
      cache.write.accounts.upsert(
        { id: LOCAL_ACCOUNT_ID, label: 'On this computer', serverUrl: null },
        options.now,
      );
    cache.write.workspaces.upsert(LOCAL_ACCOUNT_ID, ws, options.now, 'manual');
  });
  return cache.read.workspaces.byId(ws.id)!;
}

/**
 * Removes a workspace kept on this computer (added by hand or imported) with its readings, usage
 * and alerts; returns it and how many alerts went. A synced workspace would come back with the next
 * sync: its account is removed instead.
 */
export function removeLocalWorkspace(cache: Cache, id: string): { removed: CachedWorkspace; alerts: number } {
  const found = cache.read.workspaces.byId(id);
  if (!found) throw new ManualInputError(`There is no workspace "${id}" in this cache.`, 'id');
  if (found.origin === 'sync')
    throw new ManualInputError(
      `Workspace "${id}" comes from an account API and would come back with the next sync: remove its account instead.`,
      'id',
    );
  const alerts = cache.transaction(() => {
    cache.write.workspaces.remove(found.key);
    return cache.alerts.removeOfWorkspace(found.accountId, id);
  });
  return { removed: found, alerts };
}
