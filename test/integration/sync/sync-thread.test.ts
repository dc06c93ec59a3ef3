import { readdirSync, readFileSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Cache } from '../../../src-main/cache/cache';
import { sourceWorker, type WorkerSpawner } from '../../../src-main/evaluator/worker-spawn';
import { createMemorySecretStore } from '../../../src-main/secrets/secret-store';
import type { SyncSummary } from '../../../src-main/sync/sync-account';
import { createSyncService } from '../../../src-main/sync/sync-service';
import { createSyncThread, type SyncThreadOptions } from '../../../src-main/sync/sync-thread';
import { createWriteGate } from '../../../src-main/db/write-gate';
import { mainThreadWrites } from '../../../src-main/db/main-writes';
import { DEMO_ACCOUNT_ID } from '../../../src-main/app/demo-server';
import { appInstall } from '../app/runtime-fixture';
import { crashSwitch } from '../evaluator/crash-switch';
import { recentLedger, serverWith, testCache, type TestServer } from './sync-helpers';

const ledger = recentLedger(40);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const syncThread = sourceWorker(new URL('../../../src-main/sync/sync-worker.ts', import.meta.url));

/** Sync threads that crash on demand (crashing-sync-worker.ts), counting the threads started. */
const crashingSyncThreads = () => crashSwitch(new URL('./crashing-sync-worker.ts', import.meta.url));

async function server(): Promise<TestServer> {
  const s = await serverWith(ledger);
  cleanups.push(() => s.server.close());
  return s;
}

function cache(): ReturnType<typeof testCache> {
  const c = testCache();
  cleanups.push(c.cleanup);
  return c;
}

/** A sync service over `c`, in this thread or (with `spawn`) in a sync thread. */
function service(s: TestServer, c: Cache, spawn?: WorkerSpawner) {
  const runner = spawn ? createSyncThread({ cache: c, data: { file: c.file }, spawn }) : undefined;
  const svc = createSyncService({
    cache: c,
    secrets: createMemorySecretStore({ acme: s.token }),
    pageSize: 1000,
    ...(runner ? { runner } : {}),
  });
  cleanups.push(() => svc.dispose());
  return svc;
}

/** A sync service over a new cache and a sync thread runner with `options`, and the threads it started. */
function threadService(
  s: TestServer,
  options: Pick<SyncThreadOptions, 'lingerMs' | 'keepWhile' | 'warmAheadMs'>,
) {
  const c = cache();
  const threads: Worker[] = [];
  const runner = createSyncThread({
    cache: c.cache,
    data: { file: c.file },
    spawn: (data, spawnOptions) => {
      const w = syncThread(data, spawnOptions);
      threads.push(w);
      return w;
    },
    ...options,
  });
  const svc = createSyncService({
    cache: c.cache,
    secrets: createMemorySecretStore({ acme: s.token }),
    runner,
  });
  cleanups.push(() => svc.dispose());
  return { svc, runner, threads };
}

const account = (s: TestServer) => ({ id: 'acme', label: 'Acme', serverUrl: s.server.url });

/**
 * What a sync leaves in the cache that is not the wall clock: every stored event, each workspace's
 * cursor and count, grants, pool state, summaries and rollups (computed_at and the *_at of the
 * last attempt are when the sync ran, so they are left out).
 */
function stored(c: Cache) {
  const rows = (sql: string) => c.db.prepare(sql).all();
  return {
    events: rows(
      'SELECT w.id AS ws, e.* FROM events e JOIN workspaces w ON w.key = e.workspace_key ORDER BY w.id, e.id',
    ),
    cursors: rows(
      'SELECT w.id AS ws, s.cursor, s.events_received, s.last_error FROM sync_state s JOIN workspaces w ON w.key = s.workspace_key ORDER BY w.id',
    ),
    grants: rows('SELECT * FROM grants ORDER BY 1, 2, 3'),
    poolState: rows('SELECT * FROM pool_state ORDER BY 1, 2'),
    summaries: rows('SELECT * FROM period_summaries ORDER BY 1, 2, 3').map((r) => ({
      ...(r as object),
      computed_at: 0,
    })),
    rollups: rows('SELECT * FROM rollups ORDER BY 1, 2, 3, 4, 5'),
  };
}

/** The summary without the instants it ran at (a drift record's asOf is when its sync began). */
const figures = (s: SyncSummary) => ({
  received: s.received,
  inserted: s.inserted,
  pages: s.pages,
  errors: s.errors,
  maintenance: s.maintenance,
  workspaces: s.workspaces.map((w) => ({
    ...w,
    drift: w.drift.map((d) => ({ ...d, checkedAt: 0, asOf: 0 })),
  })),
});

/** Changes made over this connection (SQLite's total_changes(): not another connection's). */
const ownChanges = (c: Cache) => c.db.prepare('SELECT total_changes()').pluck().get() as number;

describe('a sync run in the sync thread', () => {
  it('stores exactly what the sync in this thread stores, and writes nothing over the app’s connection', async () => {
    const s = await server();
    const here = cache();
    const there = cache();
    const inThread = await service(s, here.cache).sync(account(s));
    const before = ownChanges(there.cache);
    const inWorker = await service(s, there.cache, syncThread).sync(account(s));
    // Every event of the ledger, in pages of 1,000: the same counts, drift and maintenance.
    expect(inWorker.inserted).toBe(ledger.events.length);
    expect(figures(inWorker)).toEqual(figures(inThread));
    expect(stored(there.cache)).toEqual(stored(here.cache));
    expect(stored(there.cache).events.length).toBeGreaterThan(0);
    // The thread wrote every row over its own connection: the app's wrote none of them.
    expect(ownChanges(there.cache)).toBe(before);
    // A second sync has nothing new, and says so the same way.
    const again = await service(s, there.cache, syncThread).sync(account(s));
    expect(again.received).toBe(0);
    expect(stored(there.cache)).toEqual(stored(here.cache));
  });

  it('a crash of the thread mid-sync is one sentence, keeps what was stored, and the next sync completes', async () => {
    const s = await server();
    const reference = cache();
    await service(s, reference.cache).sync(account(s));
    const c = cache();
    const faults = crashingSyncThreads();
    const svc = service(s, c.cache, faults.spawn);
    faults.crash();
    const failed = await svc.sync(account(s)).then(
      () => null,
      (err: Error) => err,
    );
    expect(failed?.message).toMatch(
      /^the sync thread stopped \(simulated crash in the sync thread\) before the sync of "Acme" finished: what it had stored is kept, and the next sync starts again from there$/,
    );
    expect(failed?.message.split('\n')).toHaveLength(1);
    // Recorded for the sync line, over the app's connection (the thread could not).
    expect(c.cache.read.syncState.account('acme')).toMatchObject({
      lastError: failed!.message,
      lastErrorKind: 'other',
    });
    // Two pages of 1,000 of the first workspace (zite-pro, 6,249 events) were committed before the
    // crash, with the cursor that follows them; nothing of the next page.
    const zite = c.cache.read.workspaces.byId('zite-pro')!;
    const kept = c.cache.read.events.count();
    expect(kept).toBe(2000);
    expect(c.cache.read.events.count(zite.key)).toBe(2000);
    expect(c.cache.read.syncState.workspace(zite.key)).toMatchObject({ eventsReceived: 2000 });
    expect(c.cache.read.syncState.workspace(zite.key).cursor).not.toBeNull();

    // The next sync starts a new thread, resumes from the cursor and ends where a whole sync ends:
    // every event stored once (the 2,000 kept are not fetched again), the same rows and cursors.
    const next = await svc.sync(account(s));
    expect(faults.started()).toBe(2);
    expect(next.errors).toEqual([]);
    expect(next.inserted).toBe(ledger.events.length - kept);
    expect(next.received).toBe(ledger.events.length - kept);
    expect(stored(c.cache)).toEqual(stored(reference.cache));
  });

  it(
    'a crash of the thread as an account’s first sync starts (nothing of it stored, not even its row) is the sync line’s one sentence; the app lives on and the next sync completes',
    { timeout: 120_000 },
    async () => {
      const install = appInstall();
      cleanups.push(() => install.cleanup());
      const faults = crashingSyncThreads();
      const { runtime, cache: c } = install.start({
        syncThread: {
          spawn: (data, options) => faults.spawn({ ...(data as object), crashAt: 'start' }, options),
        },
      });
      runtime.start();
      faults.crash();
      // Recording this crash once threw "FOREIGN KEY constraint failed" (the account had no row yet)
      // from the thread's exit handler: uncaught, it ended the process instead of failing the sync.
      await runtime.handlers.startDemo(undefined);
      await runtime.whenIdle();
      expect(faults.started()).toBe(1);
      const sentence =
        'the sync thread stopped (simulated crash in the sync thread) before the sync of "Demo team" finished: what it had stored is kept, and the next sync starts again from there';
      expect(runtime.snapshot().sync.lastError?.message).toBe(sentence);
      expect(c.read.syncState.account(DEMO_ACCOUNT_ID)).toMatchObject({
        lastError: sentence,
        lastErrorKind: 'other',
      });
      expect(c.read.events.count()).toBe(0);

      // The next sync starts a new thread and stores the demo's usage; the sync line is clear again.
      expect(runtime.handlers.syncNow(undefined)).toEqual({ started: true });
      await runtime.whenIdle();
      expect(faults.started()).toBe(2);
      expect(runtime.snapshot().sync).toMatchObject({ lastError: null, offline: false });
      expect(c.read.events.count()).toBeGreaterThan(1000);
    },
  );

  it(
    'is where the app runtime syncs: the demo’s usage arrives without the app’s connection storing it',
    { timeout: 120_000 },
    async () => {
      const install = appInstall();
      cleanups.push(() => install.cleanup());
      const { runtime, cache: c } = install.start();
      runtime.start();
      await runtime.handlers.startDemo(undefined);
      await runtime.whenIdle();
      expect(runtime.snapshot().sync).toMatchObject({ lastError: null, offline: false });
      const events = c.read.events.count();
      expect(events).toBeGreaterThan(1000);
      // The app's own connection wrote its settings, notices and alerts, not the thousands of events.
      expect(ownChanges(c)).toBeLessThan(events / 10);
    },
  );

  it('starts no write of its own while one of the app’s waits, and writes once it is done', async () => {
    const c = cache();
    const gate = createWriteGate();
    const app = mainThreadWrites(c.cache, gate);
    const thread = sourceWorker(new URL('./gated-writer.ts', import.meta.url))({
      file: c.file,
      gate: gate.buffer,
    });
    cleanups.push(() => thread.terminate().then(() => undefined));
    const said = (word: string) => new Promise<void>((ok) => thread.on('message', (m) => m === word && ok()));
    await said('ready');
    // The app's write announces itself for as long as it runs: here, a transaction held open while
    // the thread is asked to write (a write of the app's waiting on the lock looks the same).
    let seenMeanwhile: unknown = 'not checked';
    const writing = said('writing');
    const written = said('written');
    app.write.appState.set('readingReminderDay', 'before');
    Atomics.add(gate, 0, 1);
    thread.postMessage('write');
    await writing;
    await new Promise((ok) => setTimeout(ok, 300));
    seenMeanwhile = c.cache.read.appState.get('readingReminderDay', null);
    Atomics.sub(gate, 0, 1);
    Atomics.notify(gate, 0);
    await written;
    expect(seenMeanwhile).toBe('before');
    expect(c.cache.read.appState.get('readingReminderDay', null)).toBe('from the thread');
  });

  it.runIf(process.platform === 'linux')(
    'runs below the app’s priority: a busy machine gives the main thread a core first',
    async () => {
      const s = await server();
      const c = cache();
      /** Each thread of this process and its nice value (field 19 of /proc/<pid>/task/<tid>/stat). */
      const nices = () =>
        readdirSync('/proc/self/task').map((tid) => ({
          tid: Number(tid),
          nice: Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]),
        }));
      const seen: { tid: number; nice: number }[][] = [];
      const runner = createSyncThread({ cache: c.cache, data: { file: c.file }, spawn: syncThread });
      const svc = createSyncService({
        cache: c.cache,
        secrets: createMemorySecretStore({ acme: s.token }),
        pageSize: 1000,
        runner,
        onProgress: () => void seen.push(nices()),
      });
      cleanups.push(() => svc.dispose());
      await svc.sync(account(s));
      expect(seen.length).toBeGreaterThan(0);
      // While it synced: the main thread (its tid is the pid) at the app's nice 0, the sync thread at 10.
      expect(seen[0]!.find((t) => t.tid === process.pid)?.nice).toBe(0);
      expect(seen[0]!.filter((t) => t.nice === 10)).toHaveLength(1);
    },
  );

  it('exits once idle and gives its memory back, unless the next sync is near', async () => {
    const s = await server();
    /** Two syncs a while apart over a runner with a short linger: the threads it started, and whether one exited between. */
    const twoSyncs = async (keep: boolean) => {
      const { svc, threads } = threadService(s, { lingerMs: 50, keepWhile: () => keep });
      await svc.sync(account(s));
      let exited = false;
      threads[0]!.once('exit', () => (exited = true));
      // Ten lingers: an idle thread not kept has exited by then (waited for below, not timed).
      await new Promise((ok) => setTimeout(ok, 500));
      if (!keep && !exited) await new Promise((ok) => threads[0]!.once('exit', ok));
      const again = await svc.sync(account(s));
      expect(again.errors).toEqual([]);
      return { threads: threads.length, exitedBetween: exited };
    };
    expect(await twoSyncs(false)).toEqual({ threads: 2, exitedBetween: true });
    expect(await twoSyncs(true)).toEqual({ threads: 1, exitedBetween: false });
  });

  it('starts ahead of a planned sync, which then runs on it; a plan withdrawn or far away starts none', async () => {
    const s = await server();
    const { svc, runner, threads } = threadService(s, { warmAheadMs: 5_000 });
    // A sync an hour away starts nothing yet; one within the 5 s but withdrawn (a manual sync
    // replaced the plan) neither: its start was due at once (0 ms), and 200 ms later none came.
    runner.prepare!(60 * 60_000);
    runner.prepare!(1_000);
    runner.prepare!(null);
    await new Promise((ok) => setTimeout(ok, 200));
    expect(threads).toHaveLength(0);
    // A sync planned within the 5 s ahead: its thread starts now, before the sync is asked for.
    runner.prepare!(3_000);
    await vi.waitFor(() => expect(threads).toHaveLength(1));
    const synced = await svc.sync(account(s));
    expect(synced.errors).toEqual([]);
    expect(synced.inserted).toBe(ledger.events.length);
    // The sync ran on the thread started ahead: no second one.
    expect(threads).toHaveLength(1);
  });
});
