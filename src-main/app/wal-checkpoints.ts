import type { Cache } from '../cache/cache';
import type { CacheEvaluatorClient } from '../evaluator/evaluator-client';

/** SQLite's default: a commit that leaves the WAL past this many pages checkpoints it itself. */
const SQLITE_AUTO_CHECKPOINT_PAGES = 1000;

/** Rows stored between two checkpoints a sync asks for: ~4 MB of WAL, about SQLite's 1,000 pages. */
export const CHECKPOINT_EVERY_ROWS = 20_000;

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
  let checkedAt = totalChanges.get() as number;

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
    /**
     * Asks for a checkpoint if the app changed at least `afterRows` rows since the last one (default:
     * any). After a checkpoint copied all of it, the app's next commit starts the WAL over, and
     * with synchronous = NORMAL SQLite syncs the WAL's header to disk in that commit, on this
     * thread: a sync stores its pages asking only every CHECKPOINT_EVERY_ROWS rows, so it pays that
     * as rarely as SQLite's own auto-checkpoint did (without its copy and two more syncs).
     */
    request(afterRows = 1): Promise<void> {
      if (!threaded || !cache.db.open) return Promise.resolve();
      if (running) {
        if (afterRows <= 1) again = true;
        return running;
      }
      if ((totalChanges.get() as number) - checkedAt < afterRows) return Promise.resolve();
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
