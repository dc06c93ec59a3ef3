import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AppLog, AppRuntime, AppRuntimeDeps } from '../../../src-main/app/app-runtime';
import { openCache } from '../../../src-main/cache/cache';
import { damageMarker, openAppCache, runningMarker } from '../../../src-main/cache/open-app-cache';
import { buildTrayModel } from '../../../src-main/tray/tray-model';
import { CACHE_DAMAGE_FOUND_NOTICE } from '../../../src-shared/display/cache-damage';
import { appInstalls, startedWithDemo, type AppInstall } from '../app/runtime-fixture';
import { damageEventsTable } from './damage';

// Issue 14 over issue 16: after a clean shutdown the app opens its cache without PRAGMA quick_check
// (0.2-4 s on the main thread for a 128 MB cache) and runs it in the evaluator thread once the first
// snapshot is out; damage found there is told at once and moved aside at the next start. After a
// crash (the running marker of a process that is gone) the check still runs at open, before anything.

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A log that puts its messages in `order` beside the snapshots, and says when the thread's check answered. */
function orderedLog(order: string[]) {
  let answered!: (context: Record<string, unknown>) => void;
  const checked = new Promise<Record<string, unknown>>((resolve) => (answered = resolve));
  const put = (message: string, context?: Record<string, unknown>) => {
    order.push(message);
    if (message === 'cache checked') answered(context ?? {});
  };
  const log: AppLog = { info: put, warn: put, error: put };
  return { log, checked };
}

/** Six hours of the demo team's work on the server, a sync of it, and the snapshot's damage banner after. */
async function syncNewEvents(install: AppInstall, runtime: AppRuntime) {
  await runtime.whenIdle();
  install.state.demo!.simulator!.tick(6 * 60 * 60_000);
  runtime.requestSync('manual');
  await runtime.whenIdle();
  const snapshot = runtime.snapshot();
  return { snapshot, banner: snapshot.notices?.find((n) => n.key === CACHE_DAMAGE_FOUND_NOTICE) };
}

const newInstall = appInstalls();

describe('the cache check after a clean shutdown runs in the evaluator thread', { timeout: 120_000 }, () => {
  it('opens a sound cache without checking, checks it in the thread after the first snapshot, and finds damage that the next start moves aside and rebuilds', async () => {
    const install = newInstall();
    const file = install.dir.file('cache.sqlite');
    /** Opens as the app does, and starts the runtime over it as the app does (its close clears the running marker). */
    const startAsApp = (overrides: Partial<AppRuntimeDeps> = {}) => {
      const opened = openAppCache(file, { deferCheck: true, now: () => Date.parse('2026-12-03T08:15:00Z') });
      const cache = { ...opened.cache, close: opened.close };
      return { opened, ...install.start({ ...overrides, checkCache: opened.deferredCheck }, () => cache) };
    };

    // Run 1: a new cache, synced from the demo server, closed cleanly.
    const first = startAsApp();
    expect(first.opened.deferredCheck).not.toBeNull();
    first.runtime.start();
    await first.runtime.handlers.startDemo(undefined);
    await first.runtime.whenIdle();
    const before = first.runtime.snapshot();
    const usedBefore = before.workspaces.flatMap((w) => w.pools.map((p) => `${w.id}/${p.pool} ${p.used}`));
    expect(before.alerts.length).toBeGreaterThan(0);
    await install.stop();
    expect(existsSync(runningMarker(file))).toBe(false);

    // Run 2: a clean restart over a cache damaged meanwhile (a bad sector): no check at open, the
    // file stays; the thread finds the damage after the first snapshot and the lead reads it.
    damageEventsTable(file);
    const order: string[] = [];
    const { log, checked } = orderedLog(order);
    const second = startAsApp({ log });
    const o2 = second.opened;
    expect(o2).toMatchObject({ abnormalShutdown: false, movedAside: null, damage: null });
    expect(o2.deferredCheck).not.toBeNull();
    second.runtime.subscribe(() => order.push('snapshot'));
    second.runtime.start();
    const result = await checked;
    expect(result['damage']).toMatch(/./);
    // worker_threads numbers the main thread 0: the check ran in the evaluator thread.
    expect(result['threadId']).toBeGreaterThan(0);
    expect(order.indexOf('snapshot')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('snapshot')).toBeLessThan(order.indexOf('cache checked'));
    await second.runtime.whenIdle();
    const notice = second.runtime.snapshot().notices?.find((n) => n.key === CACHE_DAMAGE_FOUND_NOTICE);
    expect(notice?.message).toMatch(
      /^The local cache is damaged \(.+\): quit and reopen Creditbar to move it aside/,
    );
    expect(existsSync(damageMarker(file))).toBe(true);
    expect(existsSync(file)).toBe(true);
    await install.stop();
    const damagedDigest = digest(file);

    // Run 3: the damage reported, this start checks at open and moves the file aside as issue 16's
    // path does: the alerts kept, a fresh cache rebuilt by syncing, nothing notified twice.
    const third = startAsApp();
    const o3 = third.opened;
    expect(o3.deferredCheck).toBeNull();
    expect(o3.damage).toMatch(/./);
    expect(o3.movedAside).toBe(`${file}.damaged-20261203T081500Z`);
    expect(digest(o3.movedAside!)).toBe(damagedDigest);
    expect(o3.salvagedAlerts).toBe(before.alerts.length);
    expect(existsSync(damageMarker(file))).toBe(false);
    third.runtime.start();
    await third.runtime.handlers.startDemo(undefined);
    await third.runtime.whenIdle();
    const after = third.runtime.snapshot();
    expect(after.workspaces.flatMap((w) => w.pools.map((p) => `${w.id}/${p.pool} ${p.used}`))).toEqual(
      usedBefore,
    );
    const alertKeys = new Set(before.alerts.map((a) => a.key));
    expect(third.notifications.filter((n) => alertKeys.has(n.key))).toEqual([]);
  });

  it('a sync into the cache found damaged says what the damage banner says: one instruction, not two', async () => {
    const install = newInstall();
    const file = install.dir.file('cache.sqlite');
    const startAsApp = (overrides: Partial<AppRuntimeDeps> = {}) => {
      const opened = openAppCache(file, { deferCheck: true });
      const cache = { ...opened.cache, close: opened.close };
      return install.start({ ...overrides, checkCache: opened.deferredCheck }, () => cache);
    };
    const first = startAsApp();
    first.runtime.start();
    await first.runtime.handlers.startDemo(undefined);
    await first.runtime.whenIdle();
    await install.stop();

    // A clean restart over a damaged events table: the thread finds it, then the demo team works on
    // (new events on the server) and a sync tries to store them in the damaged table.
    damageEventsTable(file);
    const { log, checked } = orderedLog([]);
    const second = startAsApp({ log });
    second.runtime.start();
    expect((await checked)['damage']).toMatch(/./);
    const { snapshot, banner } = await syncNewEvents(install, second.runtime);
    expect(banner?.message).toMatch(
      /^The local cache is damaged \(.+\): quit and reopen Creditbar to move it aside/,
    );
    // The sync did fail (the events table cannot take the new events), and says the banner's sentence.
    expect(snapshot.sync.lastError?.message).toBe(banner!.message);
    const tray = buildTrayModel({
      snapshot,
      now: Date.now(),
      timeZone: 'UTC',
    });
    expect(tray.tooltip + tray.menu.map((i) => ('label' in i ? i.label : '')).join('\n')).toContain(
      'quit and reopen Creditbar',
    );
    // Nowhere does the lead read the other instruction (move the file by hand, then sync).
    const everything = JSON.stringify({ notices: snapshot.notices, sync: snapshot.sync, tray });
    expect(everything).not.toMatch(/sync again|move it aside \(keep it/);
  });

  it('a sync that finds the damage first makes it the same state: the banner, the sync line, and the move aside at the next start', async () => {
    const install = newInstall();
    const file = install.dir.file('cache.sqlite');
    await startedWithDemo(install);
    await install.stop();

    // Damaged after a clean stop; the app opens it without checking and its check has not answered
    // (none is handed to the runtime here): the sync SQLite refuses is the first to know.
    damageEventsTable(file);
    const opened = openAppCache(file, { deferCheck: true, now: () => Date.parse('2026-12-03T08:15:00Z') });
    expect(opened).toMatchObject({ movedAside: null, damage: null });
    const second = install.start({}, () => ({ ...opened.cache, close: opened.close }));
    second.runtime.start();
    const { snapshot, banner } = await syncNewEvents(install, second.runtime);
    expect(banner?.message).toBe(
      'The local cache is damaged (database disk image is malformed): quit and reopen Creditbar to move it aside, untouched, and rebuild it from the server; until then some numbers may be missing or wrong.',
    );
    expect(snapshot.sync.lastError?.message).toBe(banner!.message);
    expect(JSON.stringify({ notices: snapshot.notices, sync: snapshot.sync })).not.toMatch(/sync again/);
    expect(readFileSync(damageMarker(file), 'utf8')).toBe('database disk image is malformed');
    await install.stop();

    // The next start does what the banner said: checks at open and moves the file aside.
    const third = openAppCache(file, { deferCheck: true, now: () => Date.parse('2026-12-03T08:15:00Z') });
    expect(third.movedAside).toBe(`${file}.damaged-20261203T081500Z`);
    expect(third.deferredCheck).toBeNull();
    third.close();
  });

  it('a sound cache: the thread says so and the lead reads nothing', async () => {
    const install = newInstall();
    const file = install.dir.file('cache.sqlite');
    openCache(file).close();
    const order: string[] = [];
    const { log, checked } = orderedLog(order);
    const opened = openAppCache(file, { deferCheck: true });
    expect(opened.deferredCheck).not.toBeNull();
    const run = install.start({ log, checkCache: opened.deferredCheck }, () => ({
      ...opened.cache,
      close: opened.close,
    }));
    run.runtime.subscribe(() => order.push('snapshot'));
    run.runtime.start();
    const result = await checked;
    expect(result).toMatchObject({ damage: null });
    expect(result['threadId']).toBeGreaterThan(0);
    expect(order.indexOf('snapshot')).toBeLessThan(order.indexOf('cache checked'));
    await run.runtime.whenIdle();
    expect(run.runtime.snapshot().notices).toEqual([]);
    expect(existsSync(damageMarker(file))).toBe(false);
  });

  it('after a crash the check still runs at open: a damaged cache is moved aside before anything reads it', () => {
    const install = newInstall();
    const file = install.dir.file('cache.sqlite');
    openCache(file).close();

    // A marker left by a process that is gone, over a sound cache: checked at open, kept.
    writeFileSync(runningMarker(file), '2147483646');
    const sound = openAppCache(file, { deferCheck: true });
    expect(sound).toMatchObject({
      abnormalShutdown: true,
      deferredCheck: null,
      movedAside: null,
      damage: null,
    });
    sound.close();

    // A clean stop, then a crash over a damaged file: moved aside at open, nothing left to check later.
    damageEventsTable(file);
    const damagedDigest = digest(file);
    writeFileSync(runningMarker(file), '2147483646');
    const damaged = openAppCache(file, { deferCheck: true, now: () => Date.parse('2026-12-03T08:15:00Z') });
    expect(damaged).toMatchObject({
      abnormalShutdown: true,
      deferredCheck: null,
      movedAside: `${file}.damaged-20261203T081500Z`,
    });
    expect(damaged.damage).toMatch(/./);
    expect(digest(damaged.movedAside!)).toBe(damagedDigest);
    damaged.close();
    // The fresh cache is sound: the next clean start leaves its check to the thread again.
    const next = openAppCache(file, { deferCheck: true });
    expect(next).toMatchObject({ abnormalShutdown: false, movedAside: null });
    expect(next.deferredCheck).not.toBeNull();
    next.close();
  });
});
