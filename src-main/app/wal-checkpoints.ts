import type { Cache } from '../cache/cache';
import type { CacheEvaluatorClient } from '../evaluator/evaluator-client';

/** SQLite's default: a commit that leaves the WAL past this many pages checkpoints it itself. */
const SQLITE_AUTO_CHECKPOINT_PAGES = 1000;

/**
 * Moves the cache's WAL checkpoints off the main thread: the app's connection stops checkpointing
 * inside its commits (one in ~40 of a first sync's commits copied ~4 MB into the file and synced
 * it to disk there, 30 to 400 ms), and the evaluator thread checkpoints over its own connection
 * when asked. Requests made while one runs are merged into one more after it. While the thread
 * cannot checkpoint (it crashed, or failed), the app's connection checkpoints itself again, so the
 * WAL never grows unbounded; the next checkpoint the thread makes hands it back.
 */
export function createWalCheckpoints(
  cache: Pick<Cache, 'db'>,
  evaluator: Pick<CacheEvaluatorClient, 'checkpoint'>,
  log: { warn(message: string, context?: Record<string, unknown>): void },
) {
  let running: Promise<void> | null = null;
  let again = false;
  /** Whether a thread checkpoints for us at all (not for a cache without a file to share). */
  let threaded = true;
  let selfPages = -1;
  // Rows this connection changed so far: no change since the last checkpoint, nothing to ask for
  // (and no thread started for it while the app has nothing to evaluate).
  const totalChanges = cache.db.prepare('SELECT total_changes()').pluck();
  let checkedAt = -1;

  /** The app's connection checkpoints inside its commits (SQLite's default) or never (0). */
  const autoCheckpoint = (pages: number) => {
    if (pages === selfPages || !cache.db.open) return;
    cache.db.pragma(`wal_autocheckpoint = ${pages}`);
    selfPages = pages;
  };
  autoCheckpoint(0);

  async function run(): Promise<void> {
    do {
      again = false;
      checkedAt = totalChanges.get() as number;
      try {
        const done = await evaluator.checkpoint();
        if (done === null) threaded = false;
        autoCheckpoint(done === null ? SQLITE_AUTO_CHECKPOINT_PAGES : 0);
      } catch (err) {
        log.warn('the evaluator thread could not checkpoint the cache; the app does it meanwhile', {
          error: (err as Error).message,
        });
        autoCheckpoint(SQLITE_AUTO_CHECKPOINT_PAGES);
        return;
      }
    } while (again && threaded && cache.db.open);
  }

  return {
    /** Asks for a checkpoint if the app wrote since the last one (after a page of usage is stored, a sync, a tick). */
    request(): Promise<void> {
      if (!threaded || !cache.db.open) return Promise.resolve();
      if (running) {
        again = true;
        return running;
      }
      if (totalChanges.get() === checkedAt) return Promise.resolve();
      running = run().finally(() => {
        running = null;
      });
      return running;
    },
    /** Resolves when no checkpoint runs. */
    async whenIdle(): Promise<void> {
      while (running) await running;
    },
    /** Hands checkpointing back to the app's connection for good (before the thread goes away). */
    stop(): void {
      threaded = false;
      autoCheckpoint(SQLITE_AUTO_CHECKPOINT_PAGES);
    },
  };
}

export type WalCheckpoints = ReturnType<typeof createWalCheckpoints>;
