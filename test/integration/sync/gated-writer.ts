// A thread writing to a cache through the sync thread's yielding writes (db/write-gate.ts): on
// 'write' it says it is about to write, writes app state 'readingReminderDay', then says it wrote.
import { parentPort, workerData } from 'node:worker_threads';
import { openCache } from '../../../src-main/cache/cache';
import { createWriteGate, yieldingWrites } from '../../../src-main/db/write-gate';

const { file, gate } = workerData as { file: string; gate: SharedArrayBuffer };
const cache = yieldingWrites(openCache(file), createWriteGate(gate));
parentPort!.on('message', () => {
  parentPort!.postMessage('writing');
  cache.transaction(() => cache.write.appState.set('readingReminderDay', 'from the thread'));
  parentPort!.postMessage('written');
});
parentPort!.postMessage('ready');
