import type { UpdatePhase, UpdateStatus, UpdateUnsupportedReason } from '../../src-shared/ipc/update-status';
import type { SchedulerClock } from '../app/scheduler';
import {
  decideUpdateCheck,
  downloadAutomatically,
  updateErrorView,
  updateStatus,
  type NetworkState,
  type UpdateTrigger,
} from './update-policy';

/** The release updater (electron-updater in the app, see updater-electron.ts); tests give a fake. */
export interface Updater {
  readonly currentVersion: string;
  /** Why this copy cannot update itself, or null when it can. */
  readonly unsupported: UpdateUnsupportedReason | null;
  /** Asks the release server; resolves the newer version, or null when this one is the latest. */
  check(): Promise<{ version: string; bytes: number | null } | null>;
  download(onProgress: (percent: number) => void): Promise<void>;
  /** Quits, installs the downloaded update and starts the new version. */
  install(): void;
}

/** When checks last ran, kept across restarts (the cache's app_state in the app). */
export interface UpdateMemory {
  get(): { lastCheckAt: number | null; lastAttemptAt: number | null };
  set(value: { lastCheckAt: number | null; lastAttemptAt: number | null }): void;
}

export interface UpdateServiceDeps {
  updater: Updater;
  /** The network right now (online from Electron's net module, metered from network-cost.ts). */
  network(): Promise<NetworkState>;
  /** The "check for updates automatically" setting. */
  enabled(): boolean;
  memory: UpdateMemory;
  clock: SchedulerClock;
  log: {
    info(message: string, context?: Record<string, unknown>): void;
    warn(message: string, context?: Record<string, unknown>): void;
  };
  /** The first automatic check waits this long after start, so it never competes with the first sync. */
  startDelayMs?: number;
  /** How often an automatic check is considered (it runs only when due, see decideUpdateCheck). */
  tickMs?: number;
}

export interface UpdateService {
  status(): UpdateStatus;
  onChange(listener: (status: UpdateStatus) => void): () => void;
  start(): void;
  /** An automatic check may be due: a wake from sleep, the setting switched on. */
  poke(trigger: Exclude<UpdateTrigger, 'manual'>): void;
  /** The lead's "Check now". */
  checkNow(): Promise<UpdateStatus>;
  /** Downloads an update found on a metered connection (the lead's "Download"). */
  download(): Promise<UpdateStatus>;
  /** Restarts into the downloaded update. */
  install(): void;
  /** Resolves when no check or download is running. */
  whenIdle(): Promise<void>;
  dispose(): void;
}

const MINUTE = 60_000;

/** Phases an automatic decision must not overwrite: something is running or waiting for the lead. */
const HELD: ReadonlySet<UpdatePhase['kind']> = new Set(['checking', 'downloading', 'available', 'ready']);

/** Checks for new releases by the rules of update-policy.ts, downloads, and says where it stands. */
export function createUpdateService(deps: UpdateServiceDeps): UpdateService {
  const { updater, clock, log } = deps;
  const listeners = new Set<(status: UpdateStatus) => void>();
  let phase: UpdatePhase = updater.unsupported
    ? { kind: 'unsupported', reason: updater.unsupported }
    : { kind: 'idle' };
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  let timer: unknown = null;
  let disposed = false;

  const status = () => updateStatus(phase, updater.currentVersion, deps.memory.get().lastCheckAt);
  const set = (next: UpdatePhase) => {
    phase = next;
    const current = status();
    for (const listener of listeners) listener(current);
  };
  const remember = (patch: Partial<ReturnType<UpdateMemory['get']>>) =>
    deps.memory.set({ ...deps.memory.get(), ...patch });

  async function download(version: string): Promise<void> {
    set({ kind: 'downloading', version, percent: 0 });
    try {
      await updater.download((percent) => {
        // Progress arrives many times a second: a whole percent more is news, less is not.
        if (phase.kind === 'downloading' && Math.floor(percent) > Math.floor(phase.percent))
          set({ kind: 'downloading', version, percent });
      });
      set({ kind: 'ready', version });
      log.info('update downloaded', { version });
    } catch (err) {
      const view = updateErrorView(err);
      log.warn('update download failed', { version, error: view.message });
      set({ kind: 'error', message: view.message });
    }
  }

  async function consider(trigger: UpdateTrigger): Promise<void> {
    const memory = deps.memory.get();
    const base = {
      trigger,
      enabled: deps.enabled(),
      unsupported: updater.unsupported,
      now: clock.now(),
      lastCheckAt: memory.lastCheckAt,
      lastAttemptAt: memory.lastAttemptAt,
      busy: busy || phase.kind === 'ready',
    };
    // Decide on everything but the network first: probing it is a child process, not worth it
    // every hour when no check is due.
    const early = decideUpdateCheck({ ...base, network: { online: true, metered: false } });
    if (!early.check) {
      if (early.reason === 'disabled' && !HELD.has(phase.kind)) set({ kind: 'skipped', reason: 'disabled' });
      return;
    }
    busy = true;
    try {
      const network = await deps.network();
      const decision = decideUpdateCheck({ ...base, network });
      if (!decision.check) {
        if ((decision.reason === 'offline' || decision.reason === 'metered') && !HELD.has(phase.kind))
          set({ kind: 'skipped', reason: decision.reason });
        log.info('update check skipped', { trigger, reason: decision.reason });
        return;
      }
      set({ kind: 'checking' });
      remember({ lastAttemptAt: clock.now() });
      let found: Awaited<ReturnType<Updater['check']>>;
      try {
        found = await updater.check();
      } catch (err) {
        const view = updateErrorView(err);
        if (view.answered) remember({ lastCheckAt: clock.now() });
        log.warn('update check failed', { trigger, error: view.message });
        set({ kind: 'error', message: view.message });
        return;
      }
      remember({ lastCheckAt: clock.now() });
      log.info('update check answered', { trigger, version: found?.version ?? updater.currentVersion });
      if (!found) set({ kind: 'up-to-date' });
      else if (downloadAutomatically(network)) await download(found.version);
      else set({ kind: 'available', version: found.version, bytes: found.bytes });
    } finally {
      busy = false;
    }
  }

  /** One check or download at a time, in order; the chain never rejects (failures are logged). */
  const enqueue = (task: () => Promise<void>): Promise<void> => {
    running = running.then(task).catch((err: unknown) => {
      busy = false;
      log.warn('updater failed', { error: (err as Error).message });
    });
    return running;
  };
  const run = (trigger: UpdateTrigger): Promise<void> =>
    disposed ? running : enqueue(() => consider(trigger));

  const schedule = (ms: number, trigger: Exclude<UpdateTrigger, 'manual'>) => {
    timer = clock.setTimeout(() => {
      timer = null;
      void run(trigger).finally(() => {
        if (!disposed) schedule(deps.tickMs ?? 60 * MINUTE, 'timer');
      });
    }, ms);
  };

  return {
    status,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (updater.unsupported || timer !== null) return;
      schedule(deps.startDelayMs ?? MINUTE, 'start');
    },
    poke: (trigger) => void run(trigger),
    async checkNow() {
      await run('manual');
      return status();
    },
    async download() {
      const current = phase;
      if (current.kind !== 'available') return status();
      await enqueue(() => download(current.version));
      return status();
    },
    install() {
      if (phase.kind !== 'ready') throw new Error('No update has been downloaded yet.');
      log.info('restarting to install the update', { version: phase.version });
      updater.install();
    },
    whenIdle: () => running,
    dispose() {
      disposed = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      listeners.clear();
    },
  };
}
