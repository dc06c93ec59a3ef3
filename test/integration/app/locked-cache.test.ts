// The app's main thread never waits on the cache's write lock (db/main-writes.ts). Another
// connection holds it here with BEGIN IMMEDIATE, in this thread: a main thread that waited for it
// inside SQLite would wait the whole busy timeout (5 s), for a lock that cannot be let go meanwhile,
// and then fail with "database is locked".
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../src-shared/ipc/snapshot';
import { appInstall } from './runtime-fixture';

let install: ReturnType<typeof appInstall>;
let holder: Database.Database | null = null;
beforeEach(() => {
  install = appInstall();
});
afterEach(async () => {
  if (holder?.inTransaction) holder.exec('ROLLBACK');
  holder?.close();
  holder = null;
  await install.cleanup();
});

const DAY = 86_400_000;
type App = ReturnType<ReturnType<typeof appInstall>['start']>;

/** The cache's write lock, taken by a second connection to the app's file as a sync's chunk would. */
function holdWriteLock(): Database.Database {
  holder = new Database(install.dir.file('cache.sqlite'));
  holder.exec('BEGIN IMMEDIATE');
  return holder;
}

/** Base44 Builder kept by hand (10,000 integration credits a period), its period started three days ago. */
async function studio(app: App): Promise<void> {
  app.runtime.start();
  await app.runtime.handlers.addManualWorkspace({
    provider: 'base44',
    plan: 'builder',
    name: 'Support studio',
    billingDay: new Date(Date.now() - 3 * DAY).getUTCDate(),
  });
  await app.runtime.whenIdle();
}

const integration = (s: Snapshot) =>
  s.workspaces.find((w) => w.id === 'support-studio')!.pools.find((p) => p.pool === 'integration')!;

/** The next snapshot published that `test` accepts. */
function published(app: App, test: (s: Snapshot) => boolean): Promise<Snapshot> {
  return new Promise((resolve) => {
    const stop = app.runtime.subscribe((s) => {
      if (!test(s)) return;
      stop();
      resolve(s);
    });
  });
}

describe('the main thread while another connection holds the cache’s write lock', () => {
  it(
    'publishes the new thresholds at once, and raises the alert they call for once the lock is let go, once',
    { timeout: 60_000 },
    async () => {
      const app = install.start();
      await studio(app);
      // 6,000 left: 4,000 of 10,000 used, 40 %, under every default mark (50, 90, 100).
      await app.runtime.handlers.recordReading({
        workspaceId: 'support-studio',
        pool: 'integration',
        remaining: 6_000,
      });
      await app.runtime.whenIdle();
      expect(integration(app.runtime.snapshot())).toMatchObject({ used: 4_000, percentUsed: 40 });
      const alertsOf = (s: Snapshot) =>
        s.alerts.filter(
          (a) => a.workspaceId === 'support-studio' && a.kind === 'threshold' && a.percent === 30,
        );
      const shown = () =>
        app.notifications.filter((n) => n.workspaceId === 'support-studio' && n.title.includes('30%'));
      expect(shown()).toEqual([]);

      const lock = holdWriteLock();
      // A mark at 30 %: the pool is past it, so the alert pass has an alert to record.
      const marked = published(app, (s) => integration(s).marks.includes(30));
      app.runtime.handlers.updateSettings({
        thresholds: { 'support-studio': { unit: 'percent', values: [30] } },
      });
      const during = await marked;
      // Published while the lock is still held, with the event loop free for what waits on it.
      await new Promise((ok) => setImmediate(ok));
      expect(lock.inTransaction).toBe(true);
      expect(integration(during).passedThreshold).toBe(30);
      expect(alertsOf(during)).toEqual([]);
      expect(shown()).toEqual([]);

      lock.exec('COMMIT');
      await app.runtime.whenIdle();
      expect(alertsOf(app.runtime.snapshot())).toHaveLength(1);
      expect(shown()).toHaveLength(1);

      // Passes after it (a new view, a refresh) find it recorded: not raised or shown again.
      app.runtime.handlers.updateSettings({
        thresholds: { 'support-studio': { unit: 'percent', values: [30, 95] } },
      });
      await app.runtime.whenIdle();
      await app.runtime.handlers.getSnapshot(undefined);
      expect(alertsOf(app.runtime.snapshot())).toHaveLength(1);
      expect(shown()).toHaveLength(1);
    },
  );

  it(
    'keeps a reading typed while the lock is held, and stores it once the lock is let go',
    { timeout: 60_000 },
    async () => {
      const app = install.start();
      await studio(app);
      const lock = holdWriteLock();
      let answered = false;
      // 9,000 left: 1,000 of 10,000 used since the period started.
      const typed = Promise.resolve(
        app.runtime.handlers.recordReading({
          workspaceId: 'support-studio',
          pool: 'integration',
          remaining: 9_000,
        }),
      ).finally(() => {
        answered = true;
      });
      // The call waits for the lock without holding the event loop: a queued callback runs meanwhile.
      await new Promise((ok) => setImmediate(ok));
      expect(lock.inTransaction).toBe(true);
      expect(answered).toBe(false);
      expect(await app.runtime.handlers.listReadings({ workspaceId: 'support-studio' })).toEqual([]);

      lock.exec('COMMIT');
      expect(await typed).toMatchObject({ kind: 'usage', counted: 1_000 });
      await app.runtime.whenIdle();
      expect(integration(app.runtime.snapshot())).toMatchObject({ used: 1_000, remaining: 9_000 });
      const listed = await app.runtime.handlers.listReadings({ workspaceId: 'support-studio' });
      expect(listed.map((r) => [r.remaining, r.counted])).toEqual([[9_000, 1_000]]);
    },
  );
});
