import { statSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { createWalCheckpoints } from '../../../src-main/app/wal-checkpoints';
import { openCache, type Cache } from '../../../src-main/cache/cache';
import { createEvaluatorClient } from '../../../src-main/evaluator/evaluator-client';
import { sourceWorker } from '../../../src-main/evaluator/worker-spawn';
import { tempDir } from '../../fixtures/temp-dir';

// The WAL checkpoints of the app's cache, moved into the evaluator thread (a real worker over a real
// cache file): the app's own commits no longer copy the WAL into the file, the thread does.

const evaluatorThread = sourceWorker(
  new URL('../../../src-main/evaluator/evaluator-worker.ts', import.meta.url),
);
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function setup() {
  const dir = tempDir();
  const cache = openCache(dir.file());
  cleanups.push(
    () => dir.cleanup(),
    () => cache.close(),
  );
  const evaluator = createEvaluatorClient({
    data: { file: cache.file },
    spawn: evaluatorThread,
    onCrash: () => undefined,
  });
  cleanups.push(() => evaluator.dispose());
  const warnings: string[] = [];
  const checkpoints = createWalCheckpoints(cache, evaluator, { warn: (m) => void warnings.push(m) });
  cache.db.exec('CREATE TABLE filler (x BLOB)');
  return { cache, evaluator, checkpoints, warnings };
}

/** ~6 MB written by the app's connection in one commit: ~1,500 WAL pages, past SQLite's 1,000. */
function write(cache: Cache): void {
  cache.db.exec(
    'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000) INSERT INTO filler SELECT randomblob(1000) FROM n',
  );
}
const walBytes = (cache: Cache) => statSync(`${cache.file}-wal`).size;
const autoCheckpoint = (cache: Cache) => cache.db.pragma('wal_autocheckpoint', { simple: true });

describe('WAL checkpoints in the evaluator thread', () => {
  test('the app’s commits leave the WAL alone; the thread copies it into the file and the WAL starts over', async () => {
    const { cache, checkpoints } = setup();
    expect(autoCheckpoint(cache)).toBe(0);
    write(cache);
    const one = walBytes(cache);
    write(cache);
    // SQLite would have checkpointed inside the first commit (past 1,000 pages) and written the
    // second over it; nobody checkpointed, so the WAL holds both.
    expect(walBytes(cache)).toBeGreaterThan(one + 5_000_000);
    const two = walBytes(cache);
    await checkpoints.request();
    write(cache);
    // Everything was copied into the file: the third write starts the WAL over instead of growing it.
    expect(walBytes(cache)).toBeLessThanOrEqual(two);
    expect(cache.db.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(18_000);
  });

  test('while the thread cannot checkpoint, the app’s connection does it itself again', async () => {
    const { cache, evaluator, checkpoints, warnings } = setup();
    write(cache);
    await evaluator.dispose();
    await checkpoints.request();
    expect(warnings).toEqual([
      'the evaluator thread could not checkpoint the cache; the app does it meanwhile',
    ]);
    expect(autoCheckpoint(cache)).toBe(1000);
    // Nothing written since that try: nothing asked again.
    await checkpoints.request();
    expect(warnings).toHaveLength(1);
  });

  test('stop() hands checkpointing back to the app’s connection for good', async () => {
    const { cache, checkpoints } = setup();
    write(cache);
    await checkpoints.request();
    expect(autoCheckpoint(cache)).toBe(0);
    checkpoints.stop();
    expect(autoCheckpoint(cache)).toBe(1000);
    write(cache);
    await checkpoints.request();
    expect(autoCheckpoint(cache)).toBe(1000);
  });
});
