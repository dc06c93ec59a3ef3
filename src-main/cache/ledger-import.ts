import { POOL_ORDER, type Ledger } from '../../src-shared/types/ledger';
import type { Millis } from '../../src-shared/time/instant';
import { LOCAL_ACCOUNT_ID } from '../db/repositories/accounts-repository';
import type { Cache } from './cache';
import { storeEvents } from './store-events';
import { maintainCache, type MaintainOptions, type MaintainResult } from './maintain-cache';

/** Events written per transaction: bounds the time the write lock is held on a huge ledger. */
const IMPORT_BATCH = 20_000;

export interface ImportOptions extends Omit<MaintainOptions, 'now'> {
  /** The account that owns imported workspaces (default: the local account). */
  accountId?: string;
  now: Millis;
}

export interface ImportResult {
  workspaces: number;
  grants: number;
  /** Events new to the cache (ids already cached are skipped). */
  inserted: number;
  duplicates: number;
  maintenance: MaintainResult;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return map;
}

/**
 * Imports a validated ledger into the cache: workspaces and grants merged by id, events added
 * unless their id is already cached, then the cache maintained (closed periods summarised, old raw
 * events dropped). Workspaces already owned by another account are refused before anything is written.
 */
export function importLedger(cache: Cache, ledger: Ledger, options: ImportOptions): ImportResult {
  const accountId = options.accountId ?? LOCAL_ACCOUNT_ID;
  const keys = new Map<string, number>();
  cache.transaction(() => {
    if (!cache.read.accounts.get(accountId)) {
      cache.write.accounts.upsert(
        {
          id: accountId,
          label: accountId === LOCAL_ACCOUNT_ID ? 'Imported ledgers' : accountId,
          serverUrl: null,
        },
        options.now,
      );
    }
    for (const ws of ledger.workspaces) {
      const { key, configChanged } = cache.write.workspaces.upsert(accountId, ws, options.now, 'ledger');
      keys.set(ws.id, key);
      if (configChanged)
        for (const pool of POOL_ORDER) cache.write.poolState.markDirty(key, pool, Number.NEGATIVE_INFINITY);
    }
    for (const card of ledger.rateCards ?? []) {
      const from = cache.write.rateCards.upsert(accountId, card);
      if (from === null) continue;
      for (const w of cache.read.workspaces.ofAccount(accountId)) {
        if (w.workspace.provider === card.provider)
          for (const pool of POOL_ORDER) cache.write.poolState.markDirty(w.key, pool, from);
      }
    }
    // Readings merge by id: one already cached is kept as it is (a reading is never edited, only dismissed).
    for (const [workspaceId, readings] of groupBy(ledger.readings ?? [], (r) => r.workspaceId)) {
      const key = keys.get(workspaceId)!;
      for (const r of readings) {
        if (cache.read.readings.get(key, workspaceId, r.id)) continue;
        cache.write.readings.add(key, r, options.now);
        cache.write.poolState.markDirty(key, r.pool, Date.parse(r.at));
      }
    }
    const grantsBy = groupBy(ledger.grants, (g) => g.workspaceId);
    for (const [workspaceId, grants] of grantsBy) {
      const key = keys.get(workspaceId)!;
      for (const [pool, from] of cache.write.grants.merge(key, grants))
        cache.write.poolState.markDirty(key, pool, from);
    }
  });

  let inserted = 0;
  for (let i = 0; i < ledger.events.length; i += IMPORT_BATCH) {
    const batch = ledger.events.slice(i, i + IMPORT_BATCH);
    cache.transaction(() => {
      for (const [workspaceId, events] of groupBy(batch, (e) => e.workspaceId)) {
        inserted += storeEvents(cache, keys.get(workspaceId)!, events);
      }
    });
  }
  const maintenance = maintainCache(cache, options);
  return {
    workspaces: ledger.workspaces.length,
    grants: ledger.grants.length,
    inserted,
    duplicates: ledger.events.length - inserted,
    maintenance,
  };
}
