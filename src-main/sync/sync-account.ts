import {
  builtinCatalog,
  providerVersion,
  UnknownCatalogVersionError,
  type Catalog,
} from '../../src-shared/catalog/catalog';
import type { ApiWorkspace } from '../../src-shared/api/workspaces';
import type { EvaluateOptions } from '../../src-shared/engine/evaluate';
import { POOL_ORDER, type UsageEvent } from '../../src-shared/types/ledger';
import type { Millis } from '../../src-shared/time/instant';
import type { Cache } from '../cache/cache';
import { maintainCache, type MaintainResult } from '../cache/maintain-cache';
import { cacheFailureOf } from '../db/cache-failure';
import type { CachedAccount } from '../db/repositories/accounts-repository';
import type { DriftRecord } from '../db/repositories/drift-repository';
import type { AccountApi } from './api-client';
import { reconcile, type LocalBalance } from './reconcile';
import { storePage } from './store-page';
import { SyncError } from './sync-errors';

/** Events asked for per page: the contract's maximum, so a month is few round trips. */
export const DEFAULT_PAGE_SIZE = 5000;

/** Progress of a running sync, for a progress line or the UI. */
export interface SyncProgress {
  workspaceId: string;
  /** Events received for this workspace in this sync so far. */
  received: number;
  pages: number;
  /** Events received over all workspaces in this sync. */
  total: number;
}

export interface SyncDeps {
  cache: Cache;
  api: AccountApi;
  now: () => Millis;
  catalog?: Catalog;
  overrides?: EvaluateOptions['overrides'];
  pageSize?: number;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  /** Compare with the server's /balance after pulling (default true). */
  reconcile?: boolean;
  /** The local side of the reconciliation (default: evaluateCache in this thread). */
  localBalance?: LocalBalance;
  /** Keep every raw event (no retention). */
  keepRaw?: boolean;
}

export interface WorkspaceSyncResult {
  workspaceId: string;
  received: number;
  inserted: number;
  pages: number;
  /** The workspace could not be pulled (malformed page, gone from the server ...); the rest went on. */
  error: string | null;
  drift: DriftRecord[];
}

export interface SyncSummary {
  accountId: string;
  startedAt: Millis;
  finishedAt: Millis;
  workspaces: WorkspaceSyncResult[];
  received: number;
  inserted: number;
  pages: number;
  /** Server clock minus ours (ms), from the health check. */
  serverOffsetMs: number;
  maintenance: MaintainResult;
  /** Workspaces that failed; the sync as a whole failed when this is not empty. */
  errors: string[];
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new SyncError('cancelled', 'the sync was cancelled; nothing stored was lost');
}

/** A page must hold only events of the workspace it was asked for; else it is rejected whole. */
function checkPage(workspaceId: string, events: readonly UsageEvent[]): void {
  const stray = events.findIndex((e) => e.workspaceId !== workspaceId);
  if (stray >= 0) {
    const e = events[stray]!;
    throw new SyncError(
      'malformed',
      `the server sent a malformed usage page for workspace "${workspaceId}" (events[${stray}] (id "${e.id}") belongs to workspace "${e.workspaceId}"): it was rejected whole and nothing stored changed`,
    );
  }
}

/**
 * Pulls one workspace's usage from its stored cursor. Each page is written in chunks (storePage),
 * the last one together with the cursor that follows the page, so a crash loses nothing and a page
 * is never counted twice; if the stored cursor moved meanwhile (another sync), the page is dropped.
 * The next page is requested before the current one is written, so the server prepares it while
 * we store: nothing is committed out of order, a prefetched page is simply dropped on failure.
 */
async function pullUsage(
  deps: SyncDeps,
  key: number,
  workspaceId: string,
  progress: { total: number },
): Promise<Omit<WorkspaceSyncResult, 'drift' | 'error'>> {
  const { cache, api } = deps;
  const limit = deps.pageSize ?? DEFAULT_PAGE_SIZE;
  const local = new AbortController();
  const signal = deps.signal ? AbortSignal.any([deps.signal, local.signal]) : local.signal;
  const fetchPage = (from: string | null) => {
    const request = api.usage(workspaceId, { cursor: from, limit }, signal);
    request.catch(() => undefined); // awaited below; a dropped prefetch must not surface as unhandled
    return request;
  };
  let cursor = cache.read.syncState.workspace(key).cursor;
  const result = { workspaceId, received: 0, inserted: 0, pages: 0 };
  let restarted = false;
  let next = fetchPage(cursor);
  try {
    for (;;) {
      checkCancelled(deps.signal);
      let page;
      try {
        page = await next;
      } catch (err) {
        // The server no longer knows our cursor (its database was reset): start over; ids make it idempotent.
        if (err instanceof SyncError && err.code === 'cursor_expired' && cursor !== null && !restarted) {
          restarted = true;
          const expected = cursor;
          if (!cache.transaction(() => cache.write.syncState.advanceCursor(key, expected, null, 0)))
            throw conflict(workspaceId);
          cursor = null;
          next = fetchPage(cursor);
          continue;
        }
        throw err;
      }
      checkPage(workspaceId, page.events);
      if (page.hasMore) {
        if (page.events.length === 0 && page.nextCursor === cursor) {
          throw new SyncError(
            'malformed',
            `the server says more usage of workspace "${workspaceId}" is waiting but sends none and keeps the same cursor: try again later`,
          );
        }
        next = fetchPage(page.nextCursor);
      }
      const inserted = await storePage(cache, key, cursor, page, () => conflict(workspaceId));
      cursor = page.nextCursor;
      result.pages++;
      result.received += page.events.length;
      result.inserted += inserted;
      progress.total += page.events.length;
      deps.onProgress?.({
        workspaceId,
        received: result.received,
        pages: result.pages,
        total: progress.total,
      });
      if (!page.hasMore) return result;
    }
  } finally {
    local.abort();
  }
}

/**
 * Why a listed workspace cannot be priced here, or null: the account puts its plan on a catalog
 * version this Creditbar does not know (a newer release's). It is left as cached, and said.
 */
function unknownRules(ws: ApiWorkspace, catalog: Catalog): string | null {
  try {
    providerVersion(catalog, ws.provider, ws.catalogVersion);
    return null;
  } catch (err) {
    if (!(err instanceof UnknownCatalogVersionError)) throw err;
    return `workspace "${ws.id}" is on ${catalog.providers[ws.provider].label}'s rules "${err.versionId}", which this Creditbar does not know (it knows ${err.known.join(', ')}): update Creditbar to sync it`;
  }
}

function conflict(workspaceId: string): SyncError {
  return new SyncError(
    'conflict',
    `another sync of this cache moved the cursor of workspace "${workspaceId}" meanwhile: this page was dropped; sync again once it finishes`,
  );
}

/**
 * One sync of one account into the cache: health (and the server's clock), workspaces and rate
 * cards, each workspace's grants, then its usage pages from the stored cursor; then the cache is
 * maintained and every pool reconciled with the server's /balance. Account-wide failures (offline,
 * refused token, cancelled) throw a SyncError; a workspace whose pages are malformed is recorded
 * and the others still sync.
 */
export async function syncAccount(account: CachedAccount, deps: SyncDeps): Promise<SyncSummary> {
  const { cache, api, now, signal } = deps;
  const startedAt = now();
  cache.transaction(() => {
    cache.write.accounts.upsert(account, startedAt);
    cache.write.syncState.accountAttempted(account.id, startedAt);
  });
  try {
    const health = await api.health(signal);
    cache.write.syncState.serverOffset(account.id, health.offsetMs);
    checkCancelled(signal);
    const list = await api.workspaces(signal);
    const results: WorkspaceSyncResult[] = [];
    const known = list.workspaces.filter((ws) => {
      const error = unknownRules(ws, deps.catalog ?? builtinCatalog);
      if (error !== null)
        results.push({ workspaceId: ws.id, received: 0, inserted: 0, pages: 0, error, drift: [] });
      return error === null;
    });
    const keys = cache.transaction(() => {
      for (const card of list.rateCards) {
        const from = cache.write.rateCards.upsert(account.id, card);
        if (from === null) continue;
        for (const w of cache.read.workspaces.ofAccount(account.id)) {
          if (w.workspace.provider === card.provider)
            for (const pool of POOL_ORDER) cache.write.poolState.markDirty(w.key, pool, from);
        }
      }
      return known.map((ws) => {
        const { key, configChanged } = cache.write.workspaces.upsert(account.id, ws, startedAt, 'sync');
        if (configChanged)
          for (const pool of POOL_ORDER) cache.write.poolState.markDirty(key, pool, Number.NEGATIVE_INFINITY);
        return { key, id: ws.id };
      });
    });
    const progress = { total: 0 };
    for (const { key, id } of keys) {
      checkCancelled(signal);
      try {
        const grants = await api.grants(id, signal);
        cache.transaction(() => {
          for (const [pool, from] of cache.write.grants.replaceAll(key, grants.grants))
            cache.write.poolState.markDirty(key, pool, from);
        });
        const pulled = await pullUsage(deps, key, id, progress);
        cache.write.syncState.workspaceSucceeded(key, now());
        results.push({ ...pulled, error: null, drift: [] });
      } catch (err) {
        if (!(err instanceof SyncError) || (err.kind !== 'malformed' && err.kind !== 'other')) throw err;
        cache.write.syncState.workspaceFailed(key, err.message, now());
        results.push({ workspaceId: id, received: 0, inserted: 0, pages: 0, error: err.message, drift: [] });
      }
    }
    const maintenance = maintainCache(cache, {
      now: now(),
      ...(deps.catalog ? { catalog: deps.catalog } : {}),
      ...(deps.overrides ? { overrides: deps.overrides } : {}),
      ...(deps.keepRaw ? { keepRaw: true } : {}),
    });
    if (deps.reconcile !== false) {
      const synced = results.filter((r) => r.error === null).map((r) => r.workspaceId);
      // Compared at the server's instant when this sync began: everything that happened before it
      // was pulled, and usage that keeps arriving meanwhile is left out on both sides (not drift).
      const drift = await reconcile(cache, api, {
        asOf: startedAt + health.offsetMs,
        workspaceIds: synced,
        ...(deps.catalog ? { catalog: deps.catalog } : {}),
        ...(signal ? { signal } : {}),
        ...(deps.localBalance ? { localBalance: deps.localBalance } : {}),
      });
      for (const r of results) r.drift = drift.get(r.workspaceId) ?? [];
    }
    const errors = results.filter((r) => r.error !== null).map((r) => r.error!);
    const finishedAt = now();
    if (errors.length === 0) cache.write.syncState.accountSucceeded(account.id, finishedAt);
    else cache.write.syncState.accountFailed(account.id, 'malformed', errors[0]!, finishedAt);
    return {
      accountId: account.id,
      startedAt,
      finishedAt,
      workspaces: results,
      received: results.reduce((s, r) => s + r.received, 0),
      inserted: results.reduce((s, r) => s + r.inserted, 0),
      pages: results.reduce((s, r) => s + r.pages, 0),
      serverOffsetMs: health.offsetMs,
      maintenance,
      errors,
    };
  } catch (err) {
    throw recordSyncFailure(cache, account.id, err, now());
  }
}

/**
 * Records a failed sync of an account for the UI and returns what to throw. A failure of the cache
 * file (full, read-only, damaged) is said in one sentence; recording it may fail for the same
 * reason, and must not hide it. Internal errors are recorded too, and thrown as they are, stack
 * and all. Given the account (not just its id), its row is stored first, as a sync's first step
 * does: a sync that failed before that step (its thread crashed or could not open the cache on an
 * account's first sync) is then recorded where the sync line reads it, not refused by the key.
 */
export function recordSyncFailure(
  cache: Pick<Cache, 'file' | 'write'>,
  account: string | CachedAccount,
  err: unknown,
  at: Millis,
): unknown {
  const failure = cacheFailureOf(err, cache.file);
  const kind = err instanceof SyncError ? err.kind : failure?.kind === 'damaged' ? 'cache-damaged' : 'other';
  try {
    if (typeof account !== 'string') cache.write.accounts.upsert(account, at);
    const accountId = typeof account === 'string' ? account : account.id;
    cache.write.syncState.accountFailed(accountId, kind, (failure ?? (err as Error)).message, at);
  } catch (recording) {
    if (!cacheFailureOf(recording, cache.file)) throw recording;
  }
  return failure ?? err;
}
