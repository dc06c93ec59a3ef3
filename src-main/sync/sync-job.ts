import type { Catalog } from '../../src-shared/catalog/catalog';
import type { EvaluateOptions } from '../../src-shared/engine/evaluate';
import type { Millis } from '../../src-shared/time/instant';
import type { Cache } from '../cache/cache';
import type { CachedAccount } from '../db/repositories/accounts-repository';
import { createApiClient, type ApiClientOptions, type RetryNotice } from './api-client';
import type { LocalBalance } from './reconcile';
import { syncAccount, type SyncProgress, type SyncSummary } from './sync-account';

/**
 * One account's sync as data: everything it needs that can cross to a thread (structured clone),
 * read when the sync starts (the token, the lead's catalog, budgets and retry budget).
 */
export interface SyncJob {
  account: CachedAccount;
  token: string;
  api: Pick<ApiClientOptions, 'baseUrl' | 'timeoutMs' | 'retry' | 'deadline' | 'kept'>;
  catalog?: Catalog;
  overrides?: EvaluateOptions['overrides'];
  pageSize?: number;
}

/** What a sync calls back while it runs (functions: they stay on the side that runs it or are relayed). */
export interface SyncHooks {
  signal: AbortSignal;
  now?: () => Millis;
  /** Tests only (backoff without waiting, fixed jitter): a sync thread cannot call them. */
  sleep?: (ms: Millis, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  localBalance?: LocalBalance;
  onProgress?: (progress: SyncProgress) => void;
  onRetry?: (notice: RetryNotice) => void;
}

/** Runs a sync job over a cache connection: the account API client, then syncAccount. */
export function runSyncJob(cache: Cache, job: SyncJob, hooks: SyncHooks): Promise<SyncSummary> {
  const now = hooks.now ?? Date.now;
  const api = createApiClient({
    ...job.api,
    token: job.token,
    now,
    ...(hooks.sleep ? { sleep: hooks.sleep } : {}),
    ...(hooks.random ? { random: hooks.random } : {}),
    ...(hooks.onRetry ? { onRetry: hooks.onRetry } : {}),
  });
  return syncAccount(job.account, {
    cache,
    api,
    now,
    signal: hooks.signal,
    ...(job.catalog ? { catalog: job.catalog } : {}),
    ...(job.overrides ? { overrides: job.overrides } : {}),
    ...(job.pageSize ? { pageSize: job.pageSize } : {}),
    ...(hooks.localBalance ? { localBalance: hooks.localBalance } : {}),
    ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
  });
}

/** Runs sync jobs: in this thread over the app's connection, or in a sync thread (sync-thread.ts). */
export interface SyncRunner {
  run(job: SyncJob, hooks: SyncHooks): Promise<SyncSummary>;
  /** Stops a thread the runner holds (after cancelling what runs); nothing for the in-thread runner. */
  dispose(): Promise<void>;
  /** The next sync is planned in `inMs` (null: none is): a runner with a thread has it started by then. */
  prepare?(inMs: number | null): void;
}

/** The runner that syncs in this thread, over `cache`. */
export function inThreadRunner(cache: Cache): SyncRunner {
  return { run: (job, hooks) => runSyncJob(cache, job, hooks), dispose: async () => undefined };
}
