// The sync thread's entry: an account's sync (page fetch, JSON parse, validation, chunked stores,
// maintenance, the drift records) off the app's main thread, over a connection of its own to the
// cache (WAL: the app's connection and the evaluator thread keep reading while it writes; its
// commits checkpoint the WAL here, with SQLite's default of 1,000 pages). The main thread hears
// only small messages: progress, retries, the reconciliation's question, the summary or the error.
import { parentPort, workerData } from 'node:worker_threads';
import type { PoolBalance } from '../../src-shared/engine/pool-balances';
import type { Cache } from '../cache/cache';
import { lowerThisThread, nameThisThread } from '../evaluator/own-thread';
import { openSyncConnection } from './sync-connection';
import { runSyncJob } from './sync-job';
import {
  fromWire,
  toWire,
  type SyncThreadReply,
  type SyncThreadRequest,
  type SyncWorkerData,
} from './sync-protocol';

/**
 * The sync thread's nice value on Linux: when the cores are busy, the app's main thread (nice 0)
 * gets a core before this one, so a timer or an IPC call of the UI is not kept waiting behind a
 * first sync's stores.
 */
const SYNC_THREAD_NICE = 10;
lowerThisThread(SYNC_THREAD_NICE);
nameThisThread('creditbar-sync');

const data = workerData as SyncWorkerData;
const port = parentPort!;
let cache: Cache | null = null;
const running = new Map<number, AbortController>();
const asked = new Map<number, { resolve: (b: readonly PoolBalance[]) => void; reject: (e: Error) => void }>();
let nextAsk = 1;

const post = (reply: SyncThreadReply) => port.postMessage(reply);

async function run(message: Extract<SyncThreadRequest, { kind: 'sync' }>): Promise<void> {
  const { id, job } = message;
  const controller = new AbortController();
  running.set(id, controller);
  try {
    try {
      // Opened once per thread (the app's connection created and migrated the file first).
      cache ??= openSyncConnection(data);
    } catch (err) {
      post({ kind: 'failed', id, error: toWire(err), recorded: false });
      return;
    }
    const summary = await runSyncJob(cache, job, {
      signal: controller.signal,
      onProgress: (progress) => post({ kind: 'progress', id, progress }),
      onRetry: (notice) => post({ kind: 'retry', id, notice }),
      ...(message.localBalance
        ? {
            localBalance: (asOf, workspaceIds) =>
              new Promise<readonly PoolBalance[]>((resolve, reject) => {
                const ask = nextAsk++;
                asked.set(ask, { resolve, reject });
                post({ kind: 'balance', id, ask, asOf, workspaceIds });
              }),
          }
        : {}),
    });
    post({ kind: 'done', id, summary });
  } catch (err) {
    // syncAccount recorded it in the cache's sync state already, as it does in the main thread.
    post({ kind: 'failed', id, error: toWire(err), recorded: true });
  } finally {
    running.delete(id);
  }
}

port.on('message', (message: SyncThreadRequest) => {
  if (message.kind === 'sync') void run(message);
  else if (message.kind === 'cancel') running.get(message.id)?.abort();
  else {
    const waiting = asked.get(message.ask);
    asked.delete(message.ask);
    if (message.error) waiting?.reject(fromWire(message.error));
    else waiting?.resolve(message.balances ?? []);
  }
});
