import { builtinCatalog, type Catalog } from '../../src-shared/catalog/catalog';
import type { Snapshot, SyncStatus } from '../../src-shared/ipc/snapshot';
import type { Account, Settings } from '../../src-shared/settings/settings';
import { toIso, type Millis } from '../../src-shared/time/instant';
import { runAlertPass } from '../alerts/alert-loop';
import { notificationStatus } from '../alerts/notification-status';
import { createDeliveryService, type DeliveryDeps, type DeliveryService } from '../delivery/delivery-service';
import { createDigestService } from '../digest/digest-service';
import { lifecycleCandidates } from '../alerts/lifecycle-candidates';
import type { NotificationContent } from '../alerts/notification-text';
import { snoozeUntil, type SnoozeSpan } from '../alerts/snooze';
import type { Cache } from '../cache/cache';
import type { DispatchLog } from '../ipc/dispatch-invoke';
import type { InvokeHandlers } from '../ipc/invoke-handlers';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import type { UpdateService } from '../updates/update-service';
import { createSyncService, type SyncServiceDeps } from '../sync/sync-service';
import { warmHttpClient } from '../sync/warm-http-client';
import { accountSyncFacts, appAlertCandidates } from './app-alert-candidates';
import { thresholdTextOf } from './threshold-overrides';
import { accountStatus, createTokenStates, syncBlockedReason, tokenProblem } from './account-tokens';
import { createAlertHandlers } from './alert-handlers';
import { createAppHandlers } from './app-handlers';
import { LOCAL_ACCOUNT_ID } from '../db/repositories/accounts-repository';
import { createChannelHandlers } from './channel-handlers';
import { readingReminderPass } from './reading-reminder-pass';
import { composeSnapshot } from './compose-snapshot';
import { addNotice, dismissNotice, listNotices } from './notices';
import { sayRoundedSettings } from './rounded-settings-notice';
import { DEMO_ACCOUNT_ID, type DemoServer, type StartDemoServer } from './demo-server';
import { previousPeriodOf, settingsOverrides, workspaceFacts, type EngineView } from './engine-view';
import { SyncScheduler, systemClock, type SchedulerClock, type SyncReason } from './scheduler';
import { syncPolicyOf } from './sync-policy';
import { createViewRefresher } from './view-refresher';
import { createWalCheckpoints } from './wal-checkpoints';
import {
  createEvaluatorClient,
  createInProcessEvaluator,
  type CacheEvaluatorClient,
} from '../evaluator/evaluator-client';
import type { EvaluatorMemory } from '../evaluator/evaluator-protocol';
import { sourceWorker, type WorkerSpawner } from '../evaluator/worker-spawn';

/** The app's logger: dispatch refusals and failures, plus lifecycle lines. Never handed a token. */
export interface AppLog extends DispatchLog {
  info(message: string, context?: Record<string, unknown>): void;
}

export interface AppRuntimeDeps {
  /** The open cache; the caller opened it and closes it after dispose(). */
  cache: Cache;
  settings: SettingsStore;
  secrets: SecretStore;
  /** Starts the embedded demo server (in-process reference server with its simulator). */
  startDemo: StartDemoServer;
  /** Shows one desktop notification (Electron) or reports it (browser mode, tests). */
  notify(content: NotificationContent): void;
  log: AppLog;
  clock?: SchedulerClock;
  timeZone?: string;
  locale?: string;
  catalog?: () => Catalog;
  random?: () => number;
  /** How often countdowns, staleness and time-driven alerts are refreshed (default 60 s). */
  tickMs?: number;
  /** The release updater (the desktop app only). */
  updates?: UpdateService;
  /** The running version (package.json's), for Settings. */
  appVersion?: string;
  /** Sync tuning (tests shorten timeouts and retries). */
  sync?: Partial<Pick<SyncServiceDeps, 'timeoutMs' | 'retry' | 'pageSize' | 'sleep' | 'budgetMs'>>;
  /** Channel delivery tuning and transports (tests shorten backoffs). */
  delivery?: Partial<Pick<DeliveryDeps, 'post' | 'runShell' | 'random' | 'tuning'>>;
  /**
   * The evaluator thread: how to start it (default: from source through tsx; the Electron app
   * passes its built entry) and better-sqlite3's binding for it (Electron's build).
   */
  evaluator?: { spawn?: WorkerSpawner; nativeBinding?: string };
}

/**
 * The app without its windows: cache, sync, engine, scheduler and alert loop, answering every call
 * of the IPC contract. Plain Node: the Electron shell and the browser mode each put a transport and
 * their own surface (tray, notifications) around the same runtime.
 */
export interface AppRuntime {
  handlers: InvokeHandlers;
  snapshot(): Snapshot;
  /** Called with every new snapshot (after a sync, a settings change, a tick); returns the unsubscribe. */
  subscribe(listener: (snapshot: Snapshot) => void): () => void;
  settings(): Settings;
  /** Syncs now unless one runs; returns whether one started. */
  requestSync(reason?: SyncReason): boolean;
  /**
   * Tells the lead something about the app itself (kept in the cache until dismissed). A standing
   * notice, said at every start, stays away once dismissed.
   */
  addNotice(key: string, message: string, options?: { standing?: boolean }): void;
  pauseAlerts(span: SnoozeSpan): { pausedUntil: string | null };
  /** The machine woke from sleep. */
  onResume(): void;
  start(): void;
  /** Resolves when no sync runs and no evaluation is running or waiting. */
  whenIdle(): Promise<void>;
  /** What the evaluator thread holds (heap, columns); null when it is not running. For benches and logs. */
  evaluatorMemory(options?: { collect?: boolean }): Promise<EvaluatorMemory | null>;
  /** The running demo server, if any (the browser mode's test hook closes it to play "server down"). */
  demoServer(): DemoServer | null;
  /** Syncs every shown account once and runs the alert pass (creditbar watch --once); rejects when a sync failed. */
  syncOnce(): Promise<void>;
  /** Alert channels: what the alert pass routes there, sent at least once (creditbar watch flushes it). */
  readonly delivery: DeliveryService;
  /** Stops timers, cancels a running sync and closes the demo server. */
  dispose(): Promise<void>;
}

/** Alerts the alert centre lists (newest first). */
const ALERT_LIST_LIMIT = 200;
const DEFAULT_TICK_MS = 60_000;

/** The evaluator thread's entry, run from source (browser mode, the CLI and tests run through tsx). */
const EVALUATOR_SOURCE = new URL('../evaluator/evaluator-worker.ts', import.meta.url);

/** Whether the cache is a file another connection (the evaluator thread's) can open. */
const sharesFile = (cache: Cache) => cache.file !== ':memory:' && cache.file !== '';

/** The engine over the cache in its own thread, or in this one for a cache with no file to share. */
function startEvaluator(deps: AppRuntimeDeps, onCrash: (err: Error) => void): CacheEvaluatorClient {
  const { cache } = deps;
  if (!sharesFile(cache)) return createInProcessEvaluator(cache);
  const nativeBinding = deps.evaluator?.nativeBinding;
  return createEvaluatorClient({
    data: { file: cache.file, ...(nativeBinding ? { nativeBinding } : {}) },
    spawn: deps.evaluator?.spawn ?? sourceWorker(EVALUATOR_SOURCE),
    onCrash,
  });
}

/**
 * Which accounts the app shows: real accounts (or workspaces kept on this computer) win over the
 * demo; none of them is onboarding.
 */
export function modeOf(
  settings: Pick<Settings, 'accounts' | 'demo'>,
  localWorkspaces = false,
): Snapshot['mode'] {
  if (settings.accounts.length > 0 || localWorkspaces) return 'accounts';
  return settings.demo ? 'demo' : 'onboarding';
}

export function createAppRuntime(deps: AppRuntimeDeps): AppRuntime {
  const { cache, log } = deps;
  const clock = deps.clock ?? systemClock;
  const now = (): Millis => clock.now();
  const timeZone = deps.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const catalog = deps.catalog ?? (() => builtinCatalog);
  const listeners = new Set<(s: Snapshot) => void>();

  let demo: DemoServer | null = null;
  let demoStarting: Promise<DemoServer> | null = null;
  let syncing = false;
  let nextSyncAt: number | null = null;
  let view: EngineView | null = null;
  let viewError: { message: string; at: string } | null = null;
  let current: Snapshot | null = null;
  let disposed = false;
  let httpWarmed = false;
  /** Stale data raises an alert only after a sync of this run failed, never at start-up. */
  const runStartedAt = now();

  const settings = () => deps.settings.get();
  sayRoundedSettings(deps, now());
  // Workspaces added by hand (or imported) live under the local account, shown beside real accounts.
  const hasLocalWorkspaces = () => cache.read.workspaces.list().some((w) => w.accountId === LOCAL_ACCOUNT_ID);
  const mode = () => modeOf(settings(), hasLocalWorkspaces());
  const shownAccountIds = (): string[] => {
    const s = settings();
    const m = modeOf(s, hasLocalWorkspaces());
    if (m === 'demo') return [DEMO_ACCOUNT_ID];
    return m === 'accounts' ? [...s.accounts.map((a) => a.id), LOCAL_ACCOUNT_ID] : [];
  };

  // The demo's token lives only as long as its server: never in the secret store.
  const secrets: SecretStore = {
    get: async (id) => (id === DEMO_ACCOUNT_ID ? (demo?.token ?? null) : deps.secrets.get(id)),
    set: (id, token) => deps.secrets.set(id, token),
    delete: (id) => deps.secrets.delete(id),
  };
  const syncService = createSyncService({
    cache,
    secrets,
    now,
    catalog,
    // Closed periods are summarised with the lead's budgets and thresholds, as the cards show them.
    overrides: () => settingsOverrides(cache.read.workspaces.list(), settings(), catalog()),
    // The local side of each reconciliation comes from the evaluator thread, with a new view first.
    localBalance: (asOf, workspaceIds) => views.reconcileAt(asOf, workspaceIds),
    // A server that answers but fails is retried for the lead's budget, not a fixed count.
    budgetMs: () => settings().syncBudgetMinutes * 60_000,
    // Each stored page: the evaluator thread copies the WAL into the file, not this thread's commits.
    onProgress: () => void checkpoints?.request(),
    ...(deps.random ? { random: deps.random } : {}),
    ...deps.sync,
  });

  const delivery = createDeliveryService({
    cache,
    settings,
    secrets: deps.secrets,
    clock,
    log,
    ...deps.delivery,
    // A channel's state changed (delivered, failing): Settings re-reads it when a snapshot arrives.
    onChange: () => {
      if (!disposed && current) publish(compose());
    },
  });

  const digest = createDigestService({
    cache,
    settings,
    delivery,
    notify: (content) => deps.notify(content),
    now,
    timeZone,
    ...(deps.locale ? { locale: deps.locale } : {}),
    log,
  });

  async function ensureDemo(): Promise<DemoServer> {
    if (demo) return demo;
    demoStarting ??= deps.startDemo().then(
      (server) => {
        demo = server;
        log.info('demo server started', { url: server.account.serverUrl });
        return server;
      },
      (err: unknown) => {
        demoStarting = null;
        throw err;
      },
    );
    return demoStarting;
  }

  async function stopDemo(): Promise<void> {
    const server = demo ?? (demoStarting ? await demoStarting.catch(() => null) : null);
    demo = null;
    demoStarting = null;
    if (!server) return;
    syncService.cancel(DEMO_ACCOUNT_ID);
    // It may be closed already (a test hook playing "server down"): closing twice is not an error.
    await server.close().catch(() => undefined);
    log.info('demo server stopped');
  }

  /** The sync line of the snapshot, from the cache's account states (so it survives a restart). */
  function syncStatus(): SyncStatus {
    let lastSuccessAt: number | null = null;
    let lastError: SyncStatus['lastError'] = viewError;
    let offline = false;
    for (const id of shownAccountIds()) {
      const state = cache.read.syncState.account(id);
      if (state.lastSuccessAt !== null) lastSuccessAt = Math.max(lastSuccessAt ?? 0, state.lastSuccessAt);
      const failing =
        state.lastErrorAt !== null &&
        state.lastError !== null &&
        state.lastErrorAt >= (state.lastSuccessAt ?? Number.NEGATIVE_INFINITY);
      if (failing && state.lastErrorKind !== 'cancelled') {
        lastError ??= { message: state.lastError!, at: toIso(state.lastErrorAt!) };
        if (state.lastErrorKind === 'offline') offline = true;
      }
    }
    return {
      running: syncing,
      lastSuccessAt: lastSuccessAt === null ? null : toIso(lastSuccessAt),
      lastError,
      nextSyncAt: nextSyncAt === null ? null : toIso(nextSyncAt),
      offline,
    };
  }

  const pausedUntil = () => cache.read.appState.get('pausedUntil', null);

  const tokens = createTokenStates(deps.secrets);

  /** Re-reads which accounts have a token; publishes when that changed. */
  async function recheckTokens(): Promise<void> {
    try {
      if (await tokens.check(settings().accounts)) republish();
    } catch (err) {
      log.error('reading the stored tokens failed', { error: err });
    }
  }

  /** What the snapshot says about the app itself: notices, and whether each account can sync. */
  function appFacts(): Pick<Snapshot, 'notices' | 'accounts'> {
    return {
      notices: listNotices(cache),
      ...(mode() === 'accounts'
        ? { accounts: settings().accounts.map((a) => accountStatus(a, tokens.get(a.id))) }
        : {}),
    };
  }

  function compose(): Snapshot {
    return { ...composeCards(), ...appFacts() };
  }

  function composeCards(): Snapshot {
    return composeSnapshot({
      now: now(),
      mode: mode(),
      settings: settings(),
      catalog: catalog(),
      workspaces: workspaceFacts(cache, view, shownAccountIds()),
      sync: syncStatus(),
      alerts: cache.alerts.list({ limit: ALERT_LIST_LIMIT }),
      pausedUntil: pausedUntil(),
      notifications: notificationStatus(settings(), pausedUntil(), now(), timeZone),
      openAlerts: cache.alerts.unacknowledged(),
    });
  }

  function publish(snapshot: Snapshot): void {
    current = snapshot;
    for (const listener of listeners) {
      try {
        listener(snapshot);
      } catch (err) {
        log.error('snapshot listener failed', { error: err });
      }
    }
  }

  /**
   * Raises due alerts and routes them to the alert channels in one transaction (a raised key is
   * never left unrouted by a crash), then shows the desktop notifications: recorded before shown.
   */
  function alertPass(snapshot: Snapshot): boolean {
    if (!view) return false;
    const shown: NotificationContent[] = [];
    const text = { now: now(), timeZone, ...(deps.locale ? { locale: deps.locale } : {}) };
    const result = cache.transaction(() => {
      const pass = runPass(snapshot, view!, (content) => shown.push(content));
      delivery.routeAlerts(pass.raised, snapshot.workspaces, text);
      return pass;
    });
    for (const content of shown) deps.notify(content);
    return result.raised.length > 0 || result.shown.length > 0;
  }

  function runPass(snapshot: Snapshot, view: EngineView, notify: (content: NotificationContent) => void) {
    return runAlertPass(
      {
        store: cache.alerts,
        notify,
        now,
        timeZone,
        ...(deps.locale ? { locale: deps.locale } : {}),
      },
      {
        candidates: [
          ...appAlertCandidates(view.evaluation.alerts, snapshot.workspaces, {
            style: { locale: deps.locale ?? 'en-US', timeZone },
            thresholdText: thresholdTextOf(snapshot.workspaces, deps.locale),
            accounts: accountSyncFacts(cache, shownAccountIds()),
            runStartedAt,
            now: now(),
          }),
          ...lifecycleCandidates({
            workspaces: snapshot.workspaces,
            raised: (key) => cache.alerts.has(key),
            previous: previousPeriodOf(view.evaluation),
            watchedSince: (accountId) => cache.read.accounts.createdAt(accountId),
            now: now(),
            ...(deps.locale ? { locale: deps.locale } : {}),
          }),
        ],
        workspaces: snapshot.workspaces,
        settings: settings(),
        pausedUntil: pausedUntil(),
      },
    );
  }

  /** Composes the snapshot from the current engine view, raises due alerts and publishes it. */
  function republish(): Snapshot {
    let snapshot = compose();
    if (alertPass(snapshot))
      snapshot = {
        ...snapshot,
        alerts: cache.alerts.list({ limit: ALERT_LIST_LIMIT }),
        openAlerts: cache.alerts.unacknowledged(),
      };
    try {
      readingReminderPass({
        cache,
        snapshot,
        settings: settings(),
        pausedUntil: pausedUntil(),
        now: now(),
        timeZone,
        notify: deps.notify,
      });
    } catch (err) {
      log.error('the reading reminder failed', { error: err });
    }
    try {
      if (view) digest.check(snapshot);
    } catch (err) {
      // A digest that cannot be built must not keep the snapshot from the screen.
      log.error('the digest failed', { error: err });
    }
    publish(snapshot);
    return snapshot;
  }

  /**
   * The minute tick. Between syncs the cached usage does not change, so the last evaluation stands
   * and only what depends on the clock is composed again (freshness, staleness alerts); the engine
   * runs again once a period has ended.
   */
  function tick(): void {
    const ended = view?.evaluation.pools.some((p) => now() >= p.current.end) ?? true;
    if (ended) void views.refresh();
    else republish();
    void checkpoints?.request();
  }

  const evaluator = startEvaluator(deps, (err) =>
    // A crash in the thread: reported here; the last view stays on screen and the next
    // evaluation starts a new thread (the one that was waiting is retried at once).
    log.error('the evaluator thread crashed', { error: err }),
  );
  const checkpoints = sharesFile(cache) ? createWalCheckpoints(cache, evaluator, log) : null;
  const views = createViewRefresher({
    cache,
    evaluator,
    now,
    source: () => ({ accountIds: shownAccountIds(), settings: settings(), catalog: catalog() }),
    onView(next) {
      if (disposed) return;
      view = next;
      viewError = null;
      republish();
      // Once the first snapshot is out: Node's HTTP client is compiled now rather than inside the
      // first sync (a one-time block of its own).
      if (!httpWarmed) {
        httpWarmed = true;
        setImmediate(warmHttpClient);
      }
    },
    onError(err) {
      if (disposed) return;
      // Keep the last good view on screen and say why it did not move.
      log.error('evaluating the cache failed', { error: err });
      viewError = {
        message: `Creditbar could not evaluate the cached usage: ${err.message}`,
        at: toIso(now()),
      };
      republish();
    },
    log,
  });

  /**
   * Asks the evaluator thread for a new view (it is published when it arrives) and answers with
   * the snapshot composed from the view at hand meanwhile.
   */
  function refresh(): Snapshot {
    void views.refresh();
    return republish();
  }

  /** One sync of every shown account, one after the other; rejects when any failed (for the backoff). */
  async function syncAll(reason: SyncReason): Promise<void> {
    let accounts: Account[];
    try {
      accounts =
        mode() === 'demo' ? [(await ensureDemo()).account] : mode() === 'accounts' ? settings().accounts : [];
    } catch (err) {
      viewError = { message: `The demo server could not start: ${(err as Error).message}`, at: toIso(now()) };
      publish(compose());
      throw err;
    }
    if (accounts.length === 0 || disposed) return;
    syncing = true;
    publish(compose());
    const failures: Error[] = [];
    try {
      for (const account of accounts) {
        // No network attempt for an account whose token is gone: its sync line says why instead.
        const problem = account.id === DEMO_ACCOUNT_ID ? null : tokenProblem(account, tokens.get(account.id));
        if (problem) {
          failures.push(new Error(problem));
          cache.transaction(() => {
            cache.write.accounts.upsert(account, now());
            cache.write.syncState.accountFailed(account.id, 'auth', problem, now());
          });
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
          failures.push(err as Error);
          log.warn('sync failed', { account: account.id, reason, error: (err as Error).message });
        }
      }
    } finally {
      syncing = false;
      // The view is evaluated again only if the sync stored something since it was evaluated (the
      // reconciliation hands on a view first); a failed or empty sync only composes again.
      if (!disposed) {
        void checkpoints?.request();
        if (views.stale(view)) await views.refresh();
        else republish();
      }
    }
    if (failures.length > 0) throw failures[0];
  }

  const scheduler = new SyncScheduler({
    clock,
    policy: () => syncPolicyOf(current ?? compose(), settings()),
    runSync: syncAll,
    ...(deps.random ? { random: deps.random } : {}),
    onPlan: (at) => {
      nextSyncAt = at;
    },
  });

  /** Syncs as soon as the running sync (if any) is done: account changes must not wait an interval. */
  const syncSoon = (reason: SyncReason) => {
    if (!scheduler.requestSync(reason)) void scheduler.whenIdle().then(() => scheduler.requestSync(reason));
  };

  function pauseAlerts(span: SnoozeSpan): { pausedUntil: string | null } {
    const until = snoozeUntil(span, now(), timeZone);
    cache.write.appState.set('pausedUntil', until);
    republish();
    return { pausedUntil: until === null ? null : toIso(until) };
  }

  const handlers = createAppHandlers({
    cache,
    now,
    settings: deps.settings,
    secrets: deps.secrets,
    catalog,
    shownAccountIds,
    snapshot: () => current ?? refresh(),
    requestSync: (reason) => scheduler.requestSync(reason),
    syncBlockedReason: () =>
      mode() === 'accounts' ? syncBlockedReason(settings().accounts, tokens.all()) : null,
    tokensChanged: recheckTokens,
    dismissNotice: (key) => {
      const dismissed = dismissNotice(cache, key);
      if (dismissed) republish();
      return dismissed;
    },
    syncSoon,
    pauseAlerts,
    ensureDemo,
    stopDemo,
    refresh,
    updates: deps.updates ?? null,
    alerts: createAlertHandlers({
      cache,
      republish,
      accountLabel: (id) => cache.read.accounts.get(id)?.label ?? null,
    }),
    appVersion: deps.appVersion ?? 'unknown',
    channels: createChannelHandlers({ cache, settings: deps.settings, secrets: deps.secrets, now }, delivery),
  });

  let ticker: NodeJS.Timeout | null = null;
  let unwatchSettings: (() => void) | null = null;

  return {
    handlers,
    snapshot: () => current ?? refresh(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    settings,
    requestSync: (reason = 'manual') => scheduler.requestSync(reason),
    addNotice(key, message, options) {
      if (addNotice(cache, { key, message, at: toIso(now()) }, options) && current) republish();
    },
    pauseAlerts,
    onResume: () => void scheduler.onResume(),
    start() {
      void views.refresh();
      void recheckTokens();
      unwatchSettings = deps.settings.onChange(() => {
        // Thresholds and budgets change the walk: evaluated again, off this thread.
        void views.refresh();
        scheduler.reschedule();
        void recheckTokens();
      });
      ticker = setInterval(tick, deps.tickMs ?? DEFAULT_TICK_MS);
      delivery.start();
      scheduler.start();
      log.info('runtime started', { mode: mode(), timeZone });
    },
    async whenIdle() {
      await scheduler.whenIdle();
      await views.whenIdle();
    },
    evaluatorMemory: (options) => evaluator.memory(options),
    demoServer: () => demo,
    syncOnce: () => syncAll('manual'),
    delivery,
    async dispose() {
      disposed = true;
      if (ticker) clearInterval(ticker);
      unwatchSettings?.();
      scheduler.stop();
      syncService.cancelAll();
      await delivery.stop();
      await scheduler.whenIdle();
      await views.whenIdle();
      await checkpoints?.whenIdle();
      checkpoints?.stop();
      await evaluator.dispose();
      await stopDemo();
    },
  };
}
