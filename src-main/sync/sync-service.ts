import type { Catalog } from '../../src-shared/catalog/catalog';
import type { EvaluateOptions } from '../../src-shared/engine/evaluate';
import type { Account } from '../../src-shared/settings/settings';
import type { Millis } from '../../src-shared/time/instant';
import type { Cache } from '../cache/cache';
import type { SecretStore } from '../secrets/secret-store';
import type { RetryNotice } from './api-client';
import type { RetryPolicy } from './backoff';
import type { LocalBalance } from './reconcile';
import type { SyncProgress, SyncSummary } from './sync-account';
import { SyncError } from './sync-errors';
import { inThreadRunner, type SyncJob, type SyncRunner } from './sync-job';

export interface SyncServiceDeps {
  cache: Cache;
  secrets: SecretStore;
  now?: () => Millis;
  sleep?: (ms: Millis, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /**
   * How long one sync may keep retrying a server that answers but fails (read at each sync, from
   * Settings); without it every request has the fixed retry count.
   */
  budgetMs?: () => Millis;
  pageSize?: number;
  /** Read at each sync, so catalog and settings changes apply to the next one. */
  catalog?: () => Catalog;
  overrides?: () => EvaluateOptions['overrides'];
  /** The local side of each reconciliation (the app's evaluator thread). */
  localBalance?: LocalBalance;
  onProgress?: (accountId: string, progress: SyncProgress) => void;
  onRetry?: (accountId: string, notice: RetryNotice) => void;
  /** Where each sync runs (default: in this thread, over `cache`; the app: its sync thread). */
  runner?: SyncRunner;
}

/** Runs syncs of accounts, one at a time per account, each cancellable. */
export interface SyncService {
  /** Syncs an account; while one runs for it, returns that same run instead of starting another. */
  sync(account: Account, options?: { signal?: AbortSignal }): Promise<SyncSummary>;
  isRunning(accountId: string): boolean;
  /** Cancels the account's running sync (it rejects with a `cancelled` SyncError; nothing stored is lost). */
  cancel(accountId: string): void;
  cancelAll(): void;
  /** Cancels the account's running sync and waits until it has stopped (failed or not). */
  stop(accountId: string): Promise<void>;
  /** Cancels what runs, waits for it to stop, and stops the sync thread if one runs. */
  dispose(): Promise<void>;
}

export function createSyncService(deps: SyncServiceDeps): SyncService {
  const running = new Map<string, { promise: Promise<SyncSummary>; controller: AbortController }>();
  const now = deps.now ?? Date.now;

  const runner = deps.runner ?? inThreadRunner(deps.cache);

  async function run(account: Account, signal: AbortSignal): Promise<SyncSummary> {
    const token = await deps.secrets.get(account.id);
    if (!token)
      throw new SyncError('auth', `no token is stored for account "${account.label}": add it in Settings`);
    const catalog = deps.catalog?.();
    const overrides = deps.overrides?.();
    const job: SyncJob = {
      account: { id: account.id, label: account.label, serverUrl: account.serverUrl },
      token,
      api: {
        baseUrl: account.serverUrl,
        ...(deps.budgetMs ? { deadline: now() + deps.budgetMs() } : {}),
        ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
        ...(deps.retry ? { retry: deps.retry } : {}),
        // An account that never synced has no "last synced data" to keep showing.
        ...(deps.cache.read.syncState.account(account.id).lastSuccessAt === null
          ? { kept: 'nothing has synced yet; the next sync tries again' }
          : {}),
      },
      ...(catalog ? { catalog } : {}),
      ...(overrides ? { overrides } : {}),
      ...(deps.pageSize ? { pageSize: deps.pageSize } : {}),
    };
    return runner.run(job, {
      signal,
      now,
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      ...(deps.random ? { random: deps.random } : {}),
      ...(deps.localBalance ? { localBalance: deps.localBalance } : {}),
      ...(deps.onProgress ? { onProgress: (p: SyncProgress) => deps.onProgress!(account.id, p) } : {}),
      ...(deps.onRetry ? { onRetry: (n: RetryNotice) => deps.onRetry!(account.id, n) } : {}),
    });
  }

  return {
    sync(account, options = {}) {
      const existing = running.get(account.id);
      if (existing) return existing.promise;
      const controller = new AbortController();
      const signal = options.signal
        ? AbortSignal.any([options.signal, controller.signal])
        : controller.signal;
      const promise = run(account, signal).finally(() => running.delete(account.id));
      running.set(account.id, { promise, controller });
      return promise;
    },
    isRunning: (accountId) => running.has(accountId),
    cancel: (accountId) => running.get(accountId)?.controller.abort(),
    cancelAll: () => running.forEach((r) => r.controller.abort()),
    async stop(accountId) {
      const r = running.get(accountId);
      if (!r) return;
      r.controller.abort();
      await r.promise.catch(() => undefined);
    },
    async dispose() {
      running.forEach((r) => r.controller.abort());
      await Promise.allSettled([...running.values()].map((r) => r.promise));
      await runner.dispose();
    },
  };
}
