// The app's writes while the sync thread holds the cache's write lock mid-chunk (db/main-writes.ts):
// a real thread writing through the sync thread's gate, and the app's connection in this thread.
import { afterEach, describe, expect, it } from 'vitest';
import { openCache, type Cache } from '../../../src-main/cache/cache';
import { CacheBusyError, createWriteTurns, mainThreadWrites } from '../../../src-main/db/main-writes';
import { createWriteGate } from '../../../src-main/db/write-gate';
import { sourceWorker } from '../../../src-main/evaluator/worker-spawn';
import { tempDir } from '../../fixtures/temp-dir';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('a write of the app’s while the sync thread is inside a write of its own', () => {
  it('is refused at once with nothing written, waits off the event loop, and goes in once the thread commits', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.cleanup());
    const file = dir.file();
    const own: Cache = openCache(file);
    cleanups.push(() => own.close());
    const gate = createWriteGate();
    const app = mainThreadWrites(own, gate);
    const release = new Int32Array(new SharedArrayBuffer(4));
    const thread = sourceWorker(new URL('./holding-writer.ts', import.meta.url))({
      file,
      gate: gate.buffer,
      release: release.buffer,
    });
    cleanups.push(() => thread.terminate());
    const said = (word: string) => new Promise<void>((ok) => thread.on('message', (m) => m === word && ok()));
    await said('ready');
    app.write.appState.set('pausedUntil', 1);

    const holding = said('holding');
    const committed = said('committed');
    thread.postMessage('hold');
    await holding;
    // Inside the thread's transaction: the app's write does not wait for it.
    expect(() => app.write.appState.set('pausedUntil', 2)).toThrow(CacheBusyError);
    expect(own.read.appState.get('pausedUntil', null)).toBe(1);

    const turns = createWriteTurns(gate, { file, closed: () => false });
    let done = false;
    const later = turns
      .soon(() => app.write.appState.set('pausedUntil', 3))
      .then(() => {
        done = true;
      });
    await new Promise((ok) => setImmediate(ok));
    expect(done).toBe(false);

    Atomics.store(release, 0, 1);
    await committed;
    await later;
    expect(own.read.appState.get('pausedUntil', null)).toBe(3);
    expect(own.read.appState.get('readingReminderDay', null)).toBe('from the thread');
  });
});
