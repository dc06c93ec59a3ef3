// The runtime starts its sync thread ahead of the sync its scheduler plans (SyncRunner.prepare), so
// that a sync does not wait for a thread's start; sync-thread.test.ts covers the runner alone.
import type { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { sourceWorker } from '../../../src-main/evaluator/worker-spawn';
import { recentLedger, serverWith } from '../sync/sync-helpers';
import { appInstalls } from './runtime-fixture';

const install = appInstalls();
const syncWorker = sourceWorker(new URL('../../../src-main/sync/sync-worker.ts', import.meta.url));

describe('the sync thread', () => {
  it(
    'exits once idle and starts again ahead of the next planned sync, which then runs on it',
    { timeout: 120_000 },
    async () => {
      const s = await serverWith(recentLedger(2));
      const app = install();
      const threads: Worker[] = [];
      const { runtime } = app.start({
        syncThread: {
          spawn: (data, options) => {
            const w = syncWorker(data, options);
            threads.push(w);
            return w;
          },
          // Idle 100 ms, then gone (the next sync is 3 minutes away, not near enough to keep it);
          // started again 178 s ahead of that sync: ~2 s after it is planned.
          lingerMs: 100,
          warmAheadMs: 178_000,
        },
      });
      try {
        runtime.handlers.updateSettings({ onboarded: true, syncIntervalMinutes: 3 });
        runtime.start();
        await runtime.handlers.addAccount({ label: 'Acme', serverUrl: s.server.url, token: s.token });
        await runtime.whenIdle();
        expect(runtime.snapshot().sync.lastError).toBeNull();
        // The first sync's thread, then the one started ahead of the planned sync, with no sync asked for.
        await vi.waitFor(() => expect(threads).toHaveLength(2), { timeout: 60_000, interval: 100 });
        expect(threads[0]!.threadId).toBe(-1); // exited
        // A sync now runs on the thread started ahead: no third.
        runtime.requestSync('manual');
        await runtime.whenIdle();
        expect(runtime.snapshot().sync.lastError).toBeNull();
        expect(threads).toHaveLength(2);
      } finally {
        await s.server.close();
      }
    },
  );
});
