import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { damageEventsTable } from './damage';
import { describe, expect, it } from 'vitest';
import { openAppCache, runningMarker, type AppCacheOpened } from '../../../src-main/cache/open-app-cache';
import { appInstalls, startedWithDemo } from '../app/runtime-fixture';

// Issue 16: the app runs PRAGMA quick_check when it opens its cache; a damaged cache is moved aside
// (never deleted, never written), the lead is told, and a re-sync rebuilds it from the server.

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

const newInstall = appInstalls();

describe('the app opens its cache with a quick_check', { timeout: 90_000 }, () => {
  it('moves a damaged cache aside untouched, tells the lead, keeps its alerts, and rebuilds it by syncing', async () => {
    const install = newInstall();
    const first = await startedWithDemo(install);
    const before = first.runtime.snapshot();
    const usedBefore = before.workspaces.flatMap((w) => w.pools.map((p) => `${w.id}/${p.pool} ${p.used}`));
    const alertsBefore = before.alerts.length;
    expect(alertsBefore).toBeGreaterThan(0);
    expect(first.notifications.length).toBeGreaterThan(0);
    await install.stop();

    const file = install.dir.file('cache.sqlite');
    damageEventsTable(file);
    const damagedDigest = digest(file);

    let opened: AppCacheOpened | null = null;
    const second = install.start(
      {},
      (f) => (opened = openAppCache(f, { now: () => Date.parse('2026-12-03T08:15:00Z') })).cache,
    );
    const o = opened!;
    expect(o.damage).toMatch(/./);
    expect(o.movedAside).toBe(`${file}.damaged-20261203T081500Z`);
    // The copy is the damaged file byte for byte; nothing was deleted.
    expect(digest(o.movedAside!)).toBe(damagedDigest);
    expect(readdirSync(install.dir.dir)).toContain('cache.sqlite.damaged-20261203T081500Z');
    expect(o.salvagedAlerts).toBe(alertsBefore);

    second.runtime.addNotice('cache-damaged', 'The local cache was damaged.');
    second.runtime.start();
    await second.runtime.handlers.startDemo(undefined);
    await second.runtime.whenIdle();
    const after = second.runtime.snapshot();
    expect(after.notices?.map((n) => n.key)).toEqual(['cache-damaged']);
    // Rebuilt from the server: the same balances, and no alert notified a second time.
    expect(after.workspaces.flatMap((w) => w.pools.map((p) => `${w.id}/${p.pool} ${p.used}`))).toEqual(
      usedBefore,
    );
    const alertKeys = new Set(before.alerts.map((a) => a.key));
    expect(second.notifications.filter((n) => alertKeys.has(n.key))).toEqual([]);
    expect(second.notifications.filter((n) => n.workspaceId !== '')).toEqual([]); // the digest aside
    expect(await second.runtime.handlers.dismissNotice({ key: 'cache-damaged' })).toEqual({
      dismissed: true,
    });
    expect(second.runtime.snapshot().notices).toEqual([]);
    o.close();
  });

  it('says when the last run ended abnormally, and a sound cache stays where it is', () => {
    const install = newInstall();
    const file = install.dir.file('cache.sqlite');
    const clean = openAppCache(file);
    expect(clean).toMatchObject({ abnormalShutdown: false, movedAside: null, damage: null });
    expect(existsSync(runningMarker(file))).toBe(true);
    clean.close();
    expect(existsSync(runningMarker(file))).toBe(false);
    // A marker left by a process that is gone: that run was killed or crashed.
    writeFileSync(runningMarker(file), '2147483646');
    const afterCrash = openAppCache(file);
    expect(afterCrash).toMatchObject({ abnormalShutdown: true, movedAside: null });
    afterCrash.close();
    expect(readdirSync(install.dir.dir).filter((n) => n.includes('damaged'))).toEqual([]);
  });
});
