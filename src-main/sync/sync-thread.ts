import type { Worker } from 'node:worker_threads';
import type { Cache } from '../cache/cache';
import type { WorkerSpawner } from '../evaluator/worker-spawn';
import { createWriteGate, leftWrite } from '../db/write-gate';
import { recordSyncFailure } from './sync-account';
import { SyncError } from './sync-errors';
import type { SyncHooks, SyncJob, SyncRunner } from './sync-job';
import {
  fromWire,
  toWire,
  type SyncThreadReply,
  type SyncThreadRequest,
  type SyncWorkerData,
} from './sync-protocol';

/**
 * How long an idle sync thread is kept before it exits and gives its heap, its connection and its
 * page cache back: long enough for the next account of the same round, short beside the interval
 * between rounds (minutes).
 */
export const SYNC_THREAD_LINGER_MS = 10_000;

/**
 * How long before a planned sync its thread starts (SyncRunner.prepare), when it is not running:
 * a thread's start (isolate, its module graph with zod, the connection) took 0.2-0.6 s of a steady
 * sync's request to snapshot on 2 busy cores; started ahead, the sync finds it ready.
 */
export const SYNC_THREAD_WARM_AHEAD_MS = 5_000;

/** setTimeout's longest delay: a sync planned further away is prepared for by a later plan. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export interface SyncThreadOptions {
  /** The app's own connection: a sync the thread could not record (it stopped, or could not open the file) is recorded here. */
  cache: Pick<Cache, 'file' | 'write'>;
  data: SyncWorkerData;
  spawn: WorkerSpawner;
  /**
   * Asked when an idle thread's time is up: true keeps it for another while (the app: the next sync
   * is planned soon, as every minute while a pool is past 90 %), so a hot account does not start a
   * thread a minute. Default: never.
   */
  keepWhile?: () => boolean;
  /** The thread stopped while a sync ran (that sync was reported failed in one sentence). */
  onCrash?(error: SyncError): void;
  lingerMs?: number;
  /** Default SYNC_THREAD_WARM_AHEAD_MS. */
  warmAheadMs?: number;
  /** Heap the thread may use before it is stopped as out of memory (default 256 MB; a page is ~1 MB). */
  maxHeapMb?: number;
}

interface Running {
  job: SyncJob;
  hooks: SyncHooks;
  resolve: (summary: Extract<SyncThreadReply, { kind: 'done' }>['summary']) => void;
  reject: (err: unknown) => void;
  stopListening: () => void;
}

/**
 * Runs each sync in a worker thread (sync-worker.ts) with its own connection to the cache, so that
 * no page is fetched, parsed, validated or stored on the main thread. Progress, retries and the
 * reconciliation's question come back as messages and are handed to the hooks; errors come back
 * as the same classes and sentences. The thread starts with the first sync (or shortly before a
 * planned one: prepare) and exits once idle.
 * If it stops mid-sync, that sync fails with one sentence (what was committed stays: each chunk
 * is a transaction, the cursor moves with a page's last one) and the next sync starts a new one.
 * The thread reads the system clock: hooks.now, sleep and random (tests) are not carried over.
 */
export function createSyncThread(options: SyncThreadOptions): SyncRunner {
  const { cache } = options;
  let worker: Worker | null = null;
  let linger: NodeJS.Timeout | undefined;
  let warming: NodeJS.Timeout | undefined;
  let nextId = 1;
  let disposed = false;
  const running = new Map<number, Running>();

  const send = (w: Worker, message: SyncThreadRequest) => w.postMessage(message);

  /**
   * Records a failure the thread could not and returns what the sync rejects with. Called from the
   * Worker's message and exit handlers, where a throw would be uncaught and end the app: if even
   * recording fails (not as a cache failure, which recordSyncFailure says itself), the sync still
   * fails with its own sentence, the recording's error kept as its cause.
   */
  function recordFailure(job: SyncJob, err: unknown): unknown {
    try {
      return recordSyncFailure(cache, job.account, err, Date.now());
    } catch (recording) {
      if (err instanceof Error && err.cause === undefined) err.cause = recording;
      return err;
    }
  }

  function settle(id: number): Running | undefined {
    const r = running.get(id);
    running.delete(id);
    r?.stopListening();
    if (running.size === 0 && worker) idle(worker);
    return r;
  }

  /** No sync runs: the thread never keeps the process alive, and exits after a while. */
  function idle(w: Worker): void {
    w.unref();
    clearTimeout(linger);
    linger = setTimeout(() => {
      if (worker !== w || running.size > 0) return;
      if (options.keepWhile?.()) return idle(w);
      worker = null;
      void w.terminate();
    }, options.lingerMs ?? SYNC_THREAD_LINGER_MS);
    linger.unref();
  }

  function onReply(w: Worker, reply: SyncThreadReply): void {
    const r = running.get(reply.id);
    if (!r) return;
    switch (reply.kind) {
      case 'progress':
        r.hooks.onProgress?.(reply.progress);
        return;
      case 'retry':
        r.hooks.onRetry?.(reply.notice);
        return;
      case 'balance': {
        const answer = (m: Omit<Extract<SyncThreadRequest, { kind: 'balance' }>, 'kind' | 'id' | 'ask'>) =>
          send(w, { kind: 'balance', id: reply.id, ask: reply.ask, ...m });
        const local = r.hooks.localBalance;
        if (!local) answer({ error: toWire(new Error('no local balance was asked for')) });
        else
          local(reply.asOf, reply.workspaceIds).then(
            (balances) => answer({ balances }),
            (err: unknown) => answer({ error: toWire(err) }),
          );
        return;
      }
      case 'done':
        settle(reply.id)?.resolve(reply.summary);
        return;
      case 'failed': {
        const error = fromWire(reply.error);
        settle(reply.id)?.reject(reply.recorded ? error : recordFailure(r.job, error));
      }
    }
  }

  function start(): Worker {
    const w = options.spawn(options.data, {
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 256 },
    });
    let failure: Error | null = null;
    w.on('message', (reply: SyncThreadReply) => onReply(w, reply));
    w.on('error', (err) => {
      failure = err;
    });
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      // A thread stopped inside a write (a crash, or terminated) is out of it: its lock went with it.
      if (options.data.gate) leftWrite(createWriteGate(options.data.gate));
      clearTimeout(linger);
      const why = failure ? failure.message : `exit code ${code}`;
      for (const [id, r] of [...running]) {
        settle(id);
        const crash = new SyncError(
          'other',
          `the sync thread stopped (${why}) before the sync of "${r.job.account.label}" finished: what it had stored is kept, and the next sync starts again from there`,
        );
        try {
          options.onCrash?.(crash);
        } catch {
          // Telling of the crash (the app's log) failed: the sync still fails with its sentence below.
        }
        r.reject(recordFailure(r.job, crash));
      }
    });
    return w;
  }

  return {
    run(job, hooks) {
      if (disposed)
        return Promise.reject(new SyncError('cancelled', 'the sync was cancelled; nothing stored was lost'));
      clearTimeout(linger);
      const w = (worker ??= start());
      w.ref();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const cancel = () => send(w, { kind: 'cancel', id });
        hooks.signal.addEventListener('abort', cancel, { once: true });
        running.set(id, {
          job,
          hooks,
          resolve,
          reject,
          stopListening: () => hooks.signal.removeEventListener('abort', cancel),
        });
        send(w, { kind: 'sync', id, job, localBalance: hooks.localBalance !== undefined });
        if (hooks.signal.aborted) cancel();
      });
    },
    prepare(inMs) {
      clearTimeout(warming);
      const wait =
        inMs === null ? null : Math.max(0, inMs - (options.warmAheadMs ?? SYNC_THREAD_WARM_AHEAD_MS));
      if (disposed || wait === null || wait > LONGEST_TIMER_MS) return;
      // Started idle: it lingers (kept while the sync is near, keepWhile) and never holds the process open.
      warming = setTimeout(() => {
        if (disposed || worker) return;
        worker = start();
        idle(worker);
      }, wait);
      warming.unref();
    },
    async dispose() {
      disposed = true;
      clearTimeout(linger);
      clearTimeout(warming);
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
