import type { Catalog } from '../../src-shared/catalog/catalog';
import { cacheDamageFoundText } from '../../src-shared/display/cache-damage';
import type { Snapshot } from '../../src-shared/ipc/snapshot';
import type { Settings } from '../../src-shared/settings/settings';
import { toIso } from '../../src-shared/time/instant';
import { createDeliveryService, type DeliveryDeps, type DeliveryService } from '../delivery/delivery-service';
import { createDigestService } from '../digest/digest-service';
import type { NotificationContent } from '../alerts/notification-text';
import type { SnoozeSpan } from '../alerts/snooze';
import type { Cache } from '../cache/cache';
import { markCacheDamaged, type DeferredCacheCheck } from '../cache/open-app-cache';
import { cacheFailureOf } from '../db/cache-failure';
import type { DispatchLog } from '../ipc/dispatch-invoke';
import type { InvokeHandlers } from '../ipc/invoke-handlers';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import type { UpdateService } from '../updates/update-service';
import { createSyncService, type SyncServiceDeps } from '../sync/sync-service';
import { createWriteGate } from '../db/write-gate';
import { mainThreadWrites } from '../db/main-writes';
import { cacheDamageKnown, checkCacheInThread } from './cache-check';
import { addNotice } from './notices';
import { sayRoundedSettings } from './rounded-settings-notice';
import { DEMO_ACCOUNT_ID, type DemoServer, type StartDemoServer } from './demo-server';
import { settingsOverrides } from './engine-view';
import { createRuntimeContext, modeNow, shownAccountIds } from './runtime-context';
import { republish as republishSnapshot, republishInSteps } from './runtime-alerts';
import { createRuntimeHandlers, pauseAlerts, recheckTokens } from './runtime-handlers';
import { compose, publish } from './runtime-snapshot';
import { stopDemo, syncAll, tick, type SyncLoopParts } from './runtime-sync';
import { SyncScheduler, type SchedulerClock, type SyncReason } from './scheduler';
import { syncPolicyOf } from './sync-policy';
import { createViewRefresher } from './view-refresher';
import { createWalCheckpoints } from './wal-checkpoints';
import type { EvaluatorMemory } from '../evaluator/evaluator-protocol';
import type { WorkerSpawner } from '../evaluator/worker-spawn';
import { sharesFile, startEvaluator, startSyncThread, syncsInThread } from './runtime-threads';

export { modeOf } from './runtime-context';

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
  /**
   * The cache's quick_check, left by openAppCache after a clean shutdown: run in the evaluator
   * thread once the first snapshot is out.
   */
  checkCache?: DeferredCacheCheck | null;
  /**
   * The sync thread: how to start it (default: from source through tsx; the Electron app passes
   * its built entry), or false to sync in this thread. Syncs run here anyway for a cache with no
   * file to share and for a runtime on an injected clock, sleep or random (tests). Tests also
   * shorten how long an idle thread lingers and start it further ahead of a planned sync.
   */
  syncThread?: { spawn?: WorkerSpawner; lingerMs?: number; warmAheadMs?: number } | false;
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

const DEFAULT_TICK_MS = 60_000;

/**
 * Wires the runtime's parts (runtime-context, -snapshot, -alerts, -sync, -handlers) around one
 * context object that holds the state they share.
 */
export function createAppRuntime(given: AppRuntimeDeps): AppRuntime {
  // The app's connection never waits on the write lock (db/main-writes.ts): a write that finds it
  // held is put off until it is free; with a sync thread, the gate says when the thread's chunk is in.
  const gate = syncsInThread(given) ? createWriteGate() : null;
  const deps = sharesFile(given.cache) ? { ...given, cache: mainThreadWrites(given.cache, gate) } : given;
  const rt = createRuntimeContext(deps, gate);
  const { cache, log, clock, now, timeZone, catalog, settings, listeners, state } = rt;
  sayRoundedSettings(deps, now(), rt.writes);

  // The demo's token lives only as long as its server: never in the secret store.
  const secrets: SecretStore = {
    get: async (id) => (id === DEMO_ACCOUNT_ID ? (state.demo?.token ?? null) : deps.secrets.get(id)),
    set: (id, token) => deps.secrets.set(id, token),
    delete: (id) => deps.secrets.delete(id),
  };
  const syncRunner = gate
    ? startSyncThread(deps, gate, log, () => (state.nextSyncAt === null ? null : state.nextSyncAt - now()))
    : undefined;
  const syncService = createSyncService({
    cache,
    secrets,
    ...(syncRunner ? { runner: syncRunner } : {}),
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
    // A damaged page under the delivery log is the damaged cache, said as such.
    onFailure: (err) => void damageFound(err),
    // A channel's state changed (delivered, failing): Settings re-reads it when a snapshot arrives.
    onChange: () => {
      if (!state.disposed && state.current) publish(rt, compose(rt));
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

  /** Composes the snapshot from the current engine view, raises due alerts and publishes it. */
  const alertServices = { delivery, digest, damaged: damageFound };
  const republish = () => republishSnapshot(rt, alertServices);

  function notice(key: string, message: string, options?: { standing?: boolean }): void {
    const at = toIso(now());
    // At once when the cache can be written, else once it is free (never waiting on the lock here).
    void rt.writes
      .soon(() => addNotice(cache, { key, message, at }, options) && state.current && republish())
      .catch((err: unknown) => log.error('the notice could not be kept', { key, error: err }));
  }

  let cacheCheckAsked = false;
  /** Once the first snapshot is out (a view or its error): the cache check openAppCache put off. */
  function checkCacheOnce(): void {
    if (cacheCheckAsked || !deps.checkCache) return;
    cacheCheckAsked = true;
    void checkCacheInThread(evaluator, deps.checkCache, {
      log,
      damaged: (damage) => cacheDamageKnown({ state, log, notice, republish }, damage),
      disposed: () => state.disposed,
    });
  }

  /** SQLite refused a read or write as damaged: marked for the next start as the check's finding is, and said the same way. */
  function foundDamage(damage: string): void {
    if (state.disposed || state.cacheDamage !== null) return;
    try {
      markCacheDamaged(cache.file, damage);
    } catch (err) {
      log.error('the damaged cache could not be marked for the next start', { error: err });
    }
    log.warn('the cache was found damaged; it is moved aside at the next start', { damage });
    cacheDamageKnown({ state, log, notice, republish }, damage);
  }

  /**
   * Whether `err` is SQLite finding the file damaged, whoever read it (the evaluator thread, the
   * alert pass, a channel's delivery): then it is the one damaged-cache state, told in the banner's
   * sentence rather than in that part's own words.
   */
  function damageFound(err: unknown): boolean {
    const failure = cacheFailureOf(err, cache.file);
    if (failure?.kind !== 'damaged') return false;
    foundDamage(failure.detail || failure.code);
    return true;
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
    source: () => ({ accountIds: shownAccountIds(rt), settings: settings(), catalog: catalog() }),
    async onView(next) {
      if (state.disposed) return;
      state.view = next;
      state.viewError = null;
      // In steps: a new view of many workspaces is the runtime's longest work on this thread.
      await republishInSteps(rt, alertServices);
      checkCacheOnce();
    },
    onError(err) {
      if (state.disposed) return;
      // Keep the last good view on screen and say why it did not move.
      log.error('evaluating the cache failed', { error: err });
      // A damaged page read by the thread is the damaged cache: the banner's sentence, not a second one.
      const damage = damageFound(err) ? state.cacheDamage : null;
      state.viewError = {
        message:
          damage !== null
            ? cacheDamageFoundText(damage)
            : `Creditbar could not evaluate the cached usage: ${err.message}`,
        at: toIso(now()),
      };
      republish();
      // A damaged cache may be why: the check runs after an error as after a view.
      checkCacheOnce();
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

  const loop: SyncLoopParts = {
    syncService,
    views,
    checkpoints,
    republish,
    republishInSteps: () => republishInSteps(rt, alertServices),
    cacheDamaged: foundDamage,
  };
  const scheduler = new SyncScheduler({
    clock,
    policy: () => syncPolicyOf(state.current ?? compose(rt), settings()),
    runSync: (reason) => syncAll(rt, loop, reason),
    ...(deps.random ? { random: deps.random } : {}),
    onPlan: (at) => {
      state.nextSyncAt = at;
      // The sync thread (exited when idle) starts shortly before the planned sync, not in its time.
      syncRunner?.prepare?.(at === null ? null : at - now());
    },
  });

  const handlers = createRuntimeHandlers(rt, { scheduler, syncService, delivery, republish, refresh });

  /** Resolves once no alert pass put off by the cache's write lock waits (runtime-alerts.ts). */
  async function deferredAlertPasses(): Promise<void> {
    while (state.deferredAlertPass) await state.deferredAlertPass;
  }

  let ticker: NodeJS.Timeout | null = null;
  let startup: Promise<void> = Promise.resolve();
  let unwatchSettings: (() => void) | null = null;

  return {
    handlers,
    snapshot: () => state.current ?? refresh(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    settings,
    requestSync: (reason = 'manual') => scheduler.requestSync(reason),
    addNotice: notice,
    pauseAlerts: (span) => pauseAlerts(rt, republish, span),
    onResume: () => void scheduler.onResume(),
    start() {
      const firstView = views.refresh();
      void recheckTokens(rt, republish);
      unwatchSettings = deps.settings.onChange(() => {
        // Thresholds and budgets change the walk: evaluated again, off this thread.
        void views.refresh();
        scheduler.reschedule();
        void recheckTokens(rt, republish);
      });
      ticker = setInterval(() => tick(rt, loop), deps.tickMs ?? DEFAULT_TICK_MS);
      delivery.start();
      // The startup sync waits for the first view: the cached numbers are what the lead sees first,
      // and starting the sync thread beside the evaluator's first load shares two cores between
      // them (a year's cache: first snapshot with numbers 1.26 s instead of ~0.5 s).
      startup = firstView.finally(() => {
        if (!state.disposed) scheduler.start();
      });
      log.info('runtime started', { mode: modeNow(rt), timeZone });
    },
    async whenIdle() {
      await startup;
      await scheduler.whenIdle();
      await views.whenIdle();
      await deferredAlertPasses();
    },
    evaluatorMemory: (options) => evaluator.memory(options),
    demoServer: () => state.demo,
    // An alert pass the sync's lock put off is run before it resolves: watch --once delivers it.
    syncOnce: () => syncAll(rt, loop, 'manual').finally(deferredAlertPasses),
    delivery,
    async dispose() {
      state.disposed = true;
      if (ticker) clearInterval(ticker);
      unwatchSettings?.();
      scheduler.stop();
      syncService.cancelAll();
      await delivery.stop();
      await syncService.dispose();
      await scheduler.whenIdle();
      await views.whenIdle();
      await checkpoints?.whenIdle();
      checkpoints?.stop();
      await evaluator.dispose();
      await stopDemo(rt, syncService);
    },
  };
}
