// A thread writing to a cache as the sync thread does (db/write-gate.ts yieldingWrites): on 'hold'
// it opens a transaction, writes app state 'readingReminderDay', says 'holding' and keeps the lock
// until the shared flag `release` turns 1 (as a starved thread keeps it mid-chunk), then commits
// and says 'committed'.
import { parentPort, workerData } from 'node:worker_threads';
import { openCache } from '../../../src-main/cache/cache';
import { createWriteGate, yieldingWrites } from '../../../src-main/db/write-gate';

const { file, gate, release } = workerData as {
  file: string;
  gate: SharedArrayBuffer;
  release: SharedArrayBuffer;
};
const cache = yieldingWrites(openCache(file), createWriteGate(gate));
const flag = new Int32Array(release);
parentPort!.on('message', () => {
  cache.transaction(() => {
    cache.write.appState.set('readingReminderDay', 'from the thread');
    parentPort!.postMessage('holding');
    while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 50);
  });
  parentPort!.postMessage('committed');
});
parentPort!.postMessage('ready');
