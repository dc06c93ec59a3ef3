/** Timers and time, injected so tests drive the scheduler with a fake clock. */
export interface SchedulerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock and timers. */
export const systemClock: SchedulerClock = {
  now: Date.now,
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** What the scheduler needs to know about the app, read again before every decision. */
export interface SyncPolicy {
  /** The interval from settings (syncIntervalMinutes), in ms. */
  intervalMs: number;
  /** Some pool is at or above 90 %: sync faster, the lead is watching it run down. */
  hot: boolean;
  /** The soonest known period end among all pools (epoch ms), or null. */
  nextResetAt: number | null;
}

export interface SchedulerTuning {
  /** Interval while a pool is hot (never longer than the settings interval). */
  fastIntervalMs: number;
  /** First retry after an error; doubles with each further error. */
  backoffBaseMs: number;
  /** Longest wait between retries (or the interval, when that is longer). */
  backoffMaxMs: number;
  /** A sync this long after a known reset, so the server has rolled the period over. */
  resetGraceMs: number;
  /** Backoff jitter, as a fraction (0.1 = ±10 %), so many clients do not retry in step. */
  jitter: number;
}

export const DEFAULT_TUNING: SchedulerTuning = {
  fastIntervalMs: 60_000,
  backoffBaseMs: 30_000,
  backoffMaxMs: 30 * 60_000,
  resetGraceMs: 5_000,
  jitter: 0.1,
};

export type SyncReason =
  'start' | 'manual' | 'resume' | 'interval' | 'fast' | 'backoff' | 'reset' | 'settings';

export interface PlannedSync {
  /** Epoch ms. */
  at: number;
  reason: SyncReason;
}

/**
 * When to sync next. Pure: the policy (interval, hot pool, next reset), the number of consecutive
 * failures, when the last attempt ended (null before the first), now, and a random number in [0, 1)
 * for the backoff jitter. Intervals count from the end of the last attempt, never before now.
 */
export function planNextSync(
  policy: SyncPolicy,
  failures: number,
  lastFinishedAt: number | null,
  now: number,
  random: number,
  tuning: SchedulerTuning = DEFAULT_TUNING,
): PlannedSync {
  const base = policy.hot ? Math.min(tuning.fastIntervalMs, policy.intervalMs) : policy.intervalMs;
  let delay = base;
  let reason: SyncReason = policy.hot ? 'fast' : 'interval';
  if (failures > 0) {
    const backoff = Math.min(
      tuning.backoffBaseMs * 2 ** Math.min(failures - 1, 30),
      Math.max(tuning.backoffMaxMs, base),
    );
    delay = Math.round(backoff * (1 + tuning.jitter * (2 * random - 1)));
    reason = 'backoff';
  }
  const planned: PlannedSync = { at: Math.max(now, (lastFinishedAt ?? now) + delay), reason };
  if (policy.nextResetAt !== null && policy.nextResetAt > now) {
    const afterReset = policy.nextResetAt + tuning.resetGraceMs;
    if (afterReset < planned.at) return { at: afterReset, reason: 'reset' };
  }
  return planned;
}

export interface SchedulerDeps {
  clock: SchedulerClock;
  /** One sync; rejects when it failed (the sync service records the error itself). */
  runSync(reason: SyncReason): Promise<void>;
  policy(): SyncPolicy;
  random?: () => number;
  tuning?: Partial<SchedulerTuning>;
  /** Told whenever the next planned sync changes (for the snapshot's sync.nextSyncAt). */
  onPlan?(nextAt: number | null, reason: SyncReason | null): void;
}

/**
 * Adaptive refresh: the settings interval, faster while a pool is hot, exponential backoff after
 * errors, a sync just after a known reset, on start, on resume from sleep and on demand; never two
 * at once (a request while one runs is refused, the running one already brings fresh data).
 */
export class SyncScheduler {
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private failures = 0;
  private lastFinishedAt: number | null = null;
  private stopped = true;
  private planned: PlannedSync | null = null;
  private readonly tuning: SchedulerTuning;

  constructor(private readonly deps: SchedulerDeps) {
    this.tuning = { ...DEFAULT_TUNING, ...deps.tuning };
  }

  /** Starts with an immediate sync. */
  start(): void {
    this.stopped = false;
    this.requestSync('start');
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.plan(null);
  }

  /** Syncs now unless one is running; returns whether a sync started. */
  requestSync(reason: SyncReason = 'manual'): boolean {
    if (this.stopped || this.running) return false;
    this.clearTimer();
    this.plan(null);
    this.running = this.run(reason);
    return true;
  }

  /** The machine woke up: timers did not run while it slept, and the data is probably old. */
  onResume(): boolean {
    return this.requestSync('resume');
  }

  /** Settings or pools changed (interval, a pool turned hot, a new reset instant): plan again. */
  reschedule(): void {
    if (!this.stopped && !this.running) this.schedule();
  }

  /** Resolves when no sync is running (tests and shutdown wait on it). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  get state(): { running: boolean; failures: number; nextAt: number | null; nextReason: SyncReason | null } {
    return {
      running: this.running !== null,
      failures: this.failures,
      nextAt: this.planned?.at ?? null,
      nextReason: this.planned?.reason ?? null,
    };
  }

  private async run(reason: SyncReason): Promise<void> {
    try {
      await this.deps.runSync(reason);
      this.failures = 0;
    } catch {
      this.failures++;
    } finally {
      this.lastFinishedAt = this.deps.clock.now();
      this.running = null;
      if (!this.stopped) this.schedule();
    }
  }

  private schedule(): void {
    this.clearTimer();
    const now = this.deps.clock.now();
    const next = planNextSync(
      this.deps.policy(),
      this.failures,
      this.lastFinishedAt,
      now,
      (this.deps.random ?? Math.random)(),
      this.tuning,
    );
    this.plan(next);
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = null;
      this.requestSync(next.reason);
    }, next.at - now);
  }

  private plan(planned: PlannedSync | null): void {
    this.planned = planned;
    this.deps.onPlan?.(planned?.at ?? null, planned?.reason ?? null);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
