import type { Snapshot } from '../../src-shared/ipc/snapshot';
import type { Account } from '../../src-shared/settings/settings';
import { toIso } from '../../src-shared/time/instant';
import { CacheFailure } from '../db/cache-failure';
import type { SyncService } from '../sync/sync-service';
import { tokenProblem } from './account-tokens';
import { DEMO_ACCOUNT_ID, type DemoServer } from './demo-server';
import { modeNow, type RuntimeContext } from './runtime-context';
import { compose, publish } from './runtime-snapshot';
import type { SyncReason } from './scheduler';
import type { ViewRefresher } from './view-refresher';
import type { WalCheckpoints } from './wal-checkpoints';

/** What the sync loop and the tick drive: the sync, the evaluator thread's views, the WAL copies. */
export interface SyncLoopParts {
  syncService: SyncService;
  views: ViewRefresher;
  checkpoints: WalCheckpoints | null;
  republish: () => Snapshot;
  /** The same in three turns of the event loop (runtime-alerts.ts), where nothing waits for the snapshot. */
  republishInSteps: () => Promise<void>;
  /** A sync found the cache file damaged (SQLite's words). */
  cacheDamaged(damage: string): void;
}

/** The embedded demo server, started once (a failed start is tried again next time). */
export async function ensureDemo(rt: RuntimeContext): Promise<DemoServer> {
  const { state } = rt;
  if (state.demo) return state.demo;
  state.demoStarting ??= rt.deps.startDemo().then(
    (server) => {
      state.demo = server;
      rt.log.info('demo server started', { url: server.account.serverUrl });
      return server;
    },
    (err: unknown) => {
      state.demoStarting = null;
      throw err;
    },
  );
  return state.demoStarting;
}

export async function stopDemo(rt: RuntimeContext, syncService: SyncService): Promise<void> {
  const { state } = rt;
  const server = state.demo ?? (state.demoStarting ? await state.demoStarting.catch(() => null) : null);
  state.demo = null;
  state.demoStarting = null;
  if (!server) return;
  syncService.cancel(DEMO_ACCOUNT_ID);
  // It may be closed already (a test hook playing "server down"): closing twice is not an error.
  await server.close().catch(() => undefined);
  rt.log.info('demo server stopped');
}

/**
 * The minute tick. Between syncs the cached usage does not change, so the last evaluation stands
 * and only what depends on the clock is composed again (freshness, staleness alerts); the engine
 * runs again once a period has ended.
 */
export function tick(rt: RuntimeContext, parts: SyncLoopParts): void {
  const ended = rt.state.view?.evaluation.pools.some((p) => rt.now() >= p.current.end) ?? true;
  if (ended) void parts.views.refresh();
  else
    parts
      .republishInSteps()
      .catch((err: unknown) => rt.log.error('composing the snapshot at the tick failed', { error: err }));
  void parts.checkpoints?.request();
}

/** One sync of every shown account, one after the other; rejects when any failed (for the backoff). */
export async function syncAll(rt: RuntimeContext, parts: SyncLoopParts, reason: SyncReason): Promise<void> {
  const { cache, log, now, state } = rt;
  const { syncService, views, checkpoints } = parts;
  let accounts: Account[];
  try {
    accounts =
      modeNow(rt) === 'demo'
        ? [(await ensureDemo(rt)).account]
        : modeNow(rt) === 'accounts'
          ? rt.settings().accounts
          : [];
  } catch (err) {
    state.viewError = {
      message: `The demo server could not start: ${(err as Error).message}`,
      at: toIso(now()),
    };
    publish(rt, compose(rt));
    throw err;
  }
  if (accounts.length === 0 || state.disposed) return;
  state.syncing = true;
  publish(rt, compose(rt));
  const failures: Error[] = [];
  try {
    // An account removed while this pass runs: its sync is stopped (removeAccount) or never starts,
    // and that is no failure of the pass (no backoff, no "sync failed" for the accounts left).
    const removed = (account: Account) =>
      account.id !== DEMO_ACCOUNT_ID && !rt.settings().accounts.some((a) => a.id === account.id);
    for (const account of accounts) {
      if (removed(account)) continue;
      // No network attempt for an account whose token is gone: its sync line says why instead.
      const problem =
        account.id === DEMO_ACCOUNT_ID ? null : tokenProblem(account, rt.tokens.get(account.id));
      if (problem) {
        failures.push(new Error(problem));
        await rt.writes.soon(() =>
          cache.transaction(() => {
            cache.write.accounts.upsert(account, now());
            cache.write.syncState.accountFailed(account.id, 'auth', problem, now());
          }),
        );
        continue;
      }
      try {
        const summary = await syncService.sync(account);
        if (summary.errors.length > 0) failures.push(new Error(summary.errors[0]));
        log.info('synced', {
          account: account.id,
          reason,
          received: summary.received,
          ms: summary.finishedAt - summary.startedAt,
        });
      } catch (err) {
        if (removed(account)) {
          log.info('sync stopped: the account was removed', { account: account.id });
          continue;
        }
        failures.push(err as Error);
        log.warn('sync failed', { account: account.id, reason, error: (err as Error).message });
        if (err instanceof CacheFailure && err.kind === 'damaged') parts.cacheDamaged(err.detail || err.code);
      }
    }
  } finally {
    state.syncing = false;
    // The view is evaluated again only if the sync stored something since it was evaluated (the
    // reconciliation hands on a view first); a failed or empty sync only composes again.
    if (!state.disposed) {
      void checkpoints?.request();
      if (views.stale(state.view)) await views.refresh();
      else parts.republish();
    }
  }
  if (failures.length > 0) throw failures[0];
}
