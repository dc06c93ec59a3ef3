import type { Catalog } from '../src-shared/catalog/catalog';
import { LedgerError, validateLedger } from '../src-shared/ledger/parse-ledger';
import { toIso } from '../src-shared/time/instant';
import type { Grant, GrantKind, PoolKind } from '../src-shared/types/ledger';
import { AdminError } from './admin';
import type { ServerStore } from './db/store';
import { findWorkspace } from './workspace-admin';

/** A grant as a lead records it: what the platform added (or took) and when. */
export interface GrantSpec {
  /** Default: the kind and the instant, e.g. `top-up-20261125-120000`. */
  id?: string;
  pool: PoolKind;
  kind: GrantKind;
  credits: number;
  grantedAt: number;
  /** null: never expires. */
  expiresAt: number | null;
}

function compact(t: number): string {
  return toIso(t).slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

/**
 * Records a bonus, top-up or adjustment on a workspace's pool (where no API reports the platform's
 * top-ups). Checked as the engine would check it in a ledger; an id already used is refused rather
 * than replaced.
 */
export function addGrant(
  store: ServerStore,
  accountId: number,
  workspaceId: string,
  spec: GrantSpec,
  catalog: Catalog,
): Grant {
  const stored = findWorkspace(store, accountId, workspaceId);
  const ws = stored.workspace;
  if (!ws.pools.some((p) => p.pool === spec.pool))
    throw new AdminError(
      `workspace "${workspaceId}" has no ${spec.pool} pool (it has ${ws.pools.map((p) => p.pool).join(', ')}): check --pool`,
    );
  if (spec.kind !== 'adjustment' && !(spec.credits > 0))
    throw new AdminError(
      `a ${spec.kind} adds credits: --credits must be positive (record a correction as --kind adjustment)`,
    );
  if (spec.kind === 'adjustment' && spec.credits === 0)
    throw new AdminError('an adjustment of 0 credits changes nothing: give the signed difference');
  if (spec.expiresAt !== null && spec.expiresAt <= spec.grantedAt)
    throw new AdminError(
      `--expires (${toIso(spec.expiresAt)}) must be after --at (${toIso(spec.grantedAt)})`,
    );
  const existing = store.grants.list(stored.pk, workspaceId);
  let id = spec.id ?? `${spec.kind}-${compact(spec.grantedAt)}`;
  if (spec.id !== undefined && existing.some((g) => g.id === id))
    throw new AdminError(
      `workspace "${workspaceId}" already has a grant "${id}": remove it first (grant remove) or pick another --id`,
    );
  for (let n = 2; existing.some((g) => g.id === id); n++) id = `${spec.kind}-${compact(spec.grantedAt)}-${n}`;
  const grant: Grant = {
    id,
    workspaceId,
    pool: spec.pool,
    kind: spec.kind,
    credits: spec.credits,
    grantedAt: toIso(spec.grantedAt),
    expiresAt: spec.expiresAt === null ? null : toIso(spec.expiresAt),
  };
  try {
    // The engine's own rules for grants (bounds, shape), exactly as a ledger file would meet them.
    validateLedger({ version: 1, workspaces: [ws], grants: [grant], events: [] }, 'grant', catalog);
  } catch (err) {
    if (err instanceof LedgerError)
      throw new AdminError(err.message.replace(/^grant: grants\[0\] /, 'grant '));
    throw err;
  }
  store.grants.upsert(stored.pk, [grant]);
  store.changed(stored.pk);
  return grant;
}

/** The grants of a workspace, in the order they were recorded. */
export function listGrants(store: ServerStore, accountId: number, workspaceId: string): Grant[] {
  const stored = findWorkspace(store, accountId, workspaceId);
  return store.grants.list(stored.pk, workspaceId);
}

/** Removes a grant recorded by mistake. */
export function removeGrant(
  store: ServerStore,
  accountId: number,
  workspaceId: string,
  grantId: string,
): Grant {
  const stored = findWorkspace(store, accountId, workspaceId);
  const grant = store.grants.list(stored.pk, workspaceId).find((g) => g.id === grantId);
  if (!grant || !store.grants.remove(stored.pk, grantId))
    throw new AdminError(
      `workspace "${workspaceId}" has no grant "${grantId}": list them with "creditbar-server grant list --workspace ${workspaceId}"`,
    );
  store.changed(stored.pk);
  return grant;
}
