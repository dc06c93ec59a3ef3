import type { Catalog } from '../../src-shared/catalog/catalog';
import { poolBalancesOf, type PoolBalance } from '../../src-shared/engine/pool-balances';
import type { Drift } from '../../src-shared/ipc/snapshot';
import { toIso, type Millis } from '../../src-shared/time/instant';
import type { Cache } from '../cache/cache';
import { evaluateCache } from '../cache/evaluate-cache';
import type { DriftRecord } from '../db/repositories/drift-repository';
import type { AccountApi } from './api-client';

/** The local engine's pool balances of these workspaces at asOf (the app asks its evaluator thread). */
export type LocalBalance = (asOf: Millis, workspaceIds: readonly string[]) => Promise<readonly PoolBalance[]>;

export interface ReconcileOptions {
  asOf: Millis;
  workspaceIds: readonly string[];
  catalog?: Catalog;
  signal?: AbortSignal;
  /** Default: evaluateCache over this cache, in this thread. */
  localBalance?: LocalBalance;
}

/**
 * Compares the local engine's balance of every pool with the server's /balance at the same asOf
 * (so clock skew cannot show as drift) and records the result; a non-zero difference is drift.
 */
export async function reconcile(
  cache: Cache,
  api: AccountApi,
  options: ReconcileOptions,
): Promise<Map<string, DriftRecord[]>> {
  const out = new Map<string, DriftRecord[]>();
  if (options.workspaceIds.length === 0) return out;
  const local = options.localBalance
    ? await options.localBalance(options.asOf, options.workspaceIds)
    : poolBalancesOf(
        evaluateCache(cache, {
          asOf: options.asOf,
          workspaceIds: options.workspaceIds,
          ...(options.catalog ? { catalog: options.catalog } : {}),
        }),
      );
  for (const workspaceId of options.workspaceIds) {
    const server = await api.balance(workspaceId, options.asOf, options.signal);
    const key = cache.read.workspaces.byId(workspaceId)!.key;
    const records: DriftRecord[] = [];
    for (const mine of local.filter((p) => p.workspaceId === workspaceId)) {
      const theirs = server.pools.find((p) => p.pool === mine.pool);
      if (!theirs) continue;
      records.push({
        pool: mine.pool,
        checkedAt: cache.now(),
        asOf: options.asOf,
        localUsed: mine.used,
        serverUsed: theirs.used,
        localRemaining: mine.remaining,
        serverRemaining: theirs.remaining,
      });
    }
    cache.transaction(() => records.forEach((r) => cache.write.drift.put(key, r)));
    out.set(workspaceId, records);
  }
  return out;
}

/** A pool's last reconciliation as the snapshot shows it (null difference is never sent: 0 means in step). */
export function snapshotDrift(d: DriftRecord): Drift {
  return {
    localRemaining: d.localRemaining,
    serverRemaining: d.serverRemaining,
    difference: driftOf(d),
    checkedAt: toIso(d.checkedAt),
  };
}

/** Local remaining minus the server's, 0 when they agree to the hundred-millionth. */
export function driftOf(d: Pick<DriftRecord, 'localRemaining' | 'serverRemaining'>): number {
  const diff = Math.round((d.localRemaining - d.serverRemaining) * 1e8) / 1e8;
  return diff === 0 ? 0 : diff;
}
