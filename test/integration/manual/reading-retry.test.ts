import { afterEach, describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/catalog';
import { openCache, type Cache } from '../../../src-main/cache/cache';
import { CacheBusyError, createWriteTurns } from '../../../src-main/db/main-writes';
import { recordReading } from '../../../src-main/manual/record-reading';
import { addBase44Args } from '../../fixtures/base44-builder';
import { tempDir } from '../../fixtures/temp-dir';
import { runCliInProcess } from '../cli/run-cli';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/**
 * The app runs the lead's writes through WriteTurns.soon, which runs a write again when it met the
 * cache's write lock held (another program's, between two of its transactions). Recording a reading
 * on a workspace kept by hand stores it and then keeps the summaries in step: when the lock was met
 * by the second step, the retry stored the reading a second time (a new id), and the count doubled.
 */
describe('a reading whose write meets the lock half-way is stored once', () => {
  it('Support studio: 500 used typed once counts 500, not 1,000', async () => {
    const dir = tempDir('creditbar-reading-retry-');
    cleanups.push(dir.cleanup);
    const db = dir.file('cache.sqlite');
    const added = await runCliInProcess(addBase44Args(db, { name: 'Support studio', billingDay: 1 }));
    expect(added.code).toBe(0);
    const real = openCache(db);
    cleanups.push(() => real.close());

    // The summaries' upkeep trims the change feed first: the first time, the lock is held there.
    let held = 1;
    const changes = real.write.changes;
    const cache: Cache = {
      ...real,
      write: {
        ...real.write,
        changes: {
          ...changes,
          trim: (...args: Parameters<typeof changes.trim>) => {
            if (held-- > 0) throw new CacheBusyError(db);
            return changes.trim(...args);
          },
        },
      },
    };
    const turns = createWriteTurns(null, { file: db, closed: () => false });
    const outcome = await turns.soon(() =>
      recordReading(
        cache,
        {
          workspaceId: 'support-studio',
          pool: 'integration',
          used: 500,
          at: Date.parse('2025-11-09T00:00:00Z'),
        },
        { catalog: builtinCatalog, now: Date.parse('2025-11-10T00:00:00Z') },
      ),
    );

    expect(held).toBe(-1); // the lock was met once and the write run again
    const ws = real.read.workspaces.list().find((w) => w.workspace.id === 'support-studio')!;
    expect(real.read.readings.ofWorkspace(ws.key, 'support-studio')).toHaveLength(1);
    // Builder: 10,000 integration credits a period; 500 used by the one reading.
    expect(outcome.status).toMatchObject({ used: 500, remaining: 9_500 });
  });
});
