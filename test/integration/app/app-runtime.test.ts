import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../src-server/start-server';
import { createApiClient } from '../../../src-main/sync/api-client';
import { parseMonth, reportMonth } from '../../../src-shared/engine/report';
import { reportJson, reviewedPools } from '../../../src-shared/engine/report-json';
import { appInstall } from './runtime-fixture';

const DEMO_WORKSPACES = ['zite-pro', 'zite-team', 'base44-studio', 'zite-lab'];

type Install = ReturnType<typeof appInstall>;

/** A started runtime that took the demo and finished its first sync. */
async function demoRuntime(install: Install) {
  const app = install.start();
  app.runtime.start();
  await app.runtime.handlers.startDemo(undefined);
  await app.runtime.whenIdle();
  return app;
}

/** The server's own /balance of every pool of the demo account, at one instant. */
async function serverBalances(url: string, token: string, asOf: number) {
  const api = createApiClient({ baseUrl: url, token });
  const out = new Map<string, { used: number; remaining: number; blockedCalls: number }>();
  for (const id of DEMO_WORKSPACES) {
    for (const p of (await api.balance(id, asOf)).pools)
      out.set(`${id}/${p.pool}`, { used: p.used, remaining: p.remaining, blockedCalls: p.blockedCalls });
  }
  return out;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

describe('the app runtime with the embedded demo, over a real cache file', { timeout: 60_000 }, () => {
  let install: Install;
  let app: Awaited<ReturnType<typeof demoRuntime>>;
  beforeAll(async () => {
    install = appInstall();
    app = await demoRuntime(install);
  }, 120_000);
  afterAll(async () => install.cleanup());

  it('"Try the demo" starts the server, syncs for real, and shows what the server says', async () => {
    const { runtime } = app;
    expect(runtime.settings()).toMatchObject({ demo: true, onboarded: true });
    const s = runtime.snapshot();
    expect(s.mode).toBe('demo');
    expect(s.sync).toMatchObject({ running: false, lastError: null, offline: false });
    expect(s.workspaces.map((w) => w.id).sort()).toEqual([...DEMO_WORKSPACES].sort());
    expect(s.workspaces.every((w) => w.freshness.kind === 'live')).toBe(true);

    // The local engine over the cache equals the server's engine over its own events, pool by pool.
    const server = install.state.demo!;
    const theirs = await serverBalances(server.url, server.demoToken!, Date.parse(s.asOf));
    const ours = new Map(
      s.workspaces.flatMap((w) =>
        w.pools.map((p) => [
          `${w.id}/${p.pool}`,
          { used: p.used, remaining: p.remaining, blockedCalls: p.blockedCalls },
        ]),
      ),
    );
    expect(ours).toEqual(theirs);
    // ...and the reconciliation after the sync found no drift.
    const pools = s.workspaces.flatMap((w) => w.pools);
    expect(pools.map((p) => p.drift?.difference)).toEqual(pools.map(() => 0));

    // The demo's roles show: one pool ran dry with calls blocked since.
    const dry = pools.find((p) => p.state === 'dry');
    expect(dry?.remaining).toBe(0);
    expect(dry?.blockedCalls).toBeGreaterThan(0);
  });

  it('reviews a past month from the cache exactly as the engine does over every raw event, and exports it', async () => {
    const { runtime } = app;
    const months = await runtime.handlers.getHistoryMonths(undefined);
    expect(months.length).toBeGreaterThanOrEqual(6);
    const past = months[2]!; // two months back: closed, summarised, its raw events dropped from the cache

    const history = await runtime.handlers.getHistory({ period: past });
    const server = install.state.demo!;
    const ledger = server.admin.exportLedger(server.admin.findAccount('Demo team')!);
    const truth = reportJson(reportMonth(ledger, parseMonth(past)));
    const pick = (r: typeof truth) =>
      reviewedPools(r).map((p) => ({
        id: p.workspaceId,
        pool: p.pool,
        used: p.used,
        blockedCalls: p.blockedCalls,
        byMember: p.byMember,
        byDay: p.byDay,
      }));
    expect(pick(history.report)).toEqual(pick(truth));
    expect(history.months).toEqual(months);

    // The current month is reviewed as it stands now, not as a closed month: Zite's calendar month
    // is in progress with days only up to today; a Base44 period that starts later this month has
    // not started (and one that started in the month before is still in progress there).
    const current = await runtime.handlers.getHistory({ period: months[0]! });
    const today = new Date().toISOString().slice(0, 10);
    const zite = current.report.pools.find((p) => p.workspaceId === 'zite-pro')!;
    expect(zite.periodState).toBe('in-progress');
    expect(Object.keys((zite as { byDay: Record<string, number> }).byDay).at(-1)).toBe(today);
    for (const p of current.report.pools)
      if (Date.parse(p.periodStart) > Date.now()) expect(p.periodState).toBe('not-started');
    expect(history.names['zite-pro']).toBe('Marketing site (Zite Pro)');

    const csv = await runtime.handlers.exportHistory({ period: past, format: 'csv' });
    expect(csv).toMatchObject({ filename: `creditbar-${past}.csv`, mime: 'text/csv' });
    const rows = csv.content.trim().split('\r\n');
    expect(rows[0]).toBe('workspace_id,workspace,pool,period_start,period_end,period_state,metric,key,value');
    const used = reviewedPools(truth).find((p) => p.workspaceId === 'zite-pro')!.used;
    expect(rows).toContain(
      `zite-pro,Marketing site (Zite Pro),integration,${past}-01T00:00:00.000Z,${nextMonth(past)}-01T00:00:00.000Z,closed,used,,${used}`,
    );

    const json = await runtime.handlers.exportHistory({
      period: past,
      format: 'json',
      workspaceId: 'zite-pro',
    });
    expect(json.filename).toBe(`creditbar-${past}-zite-pro.json`);
    expect(JSON.parse(json.content).pools.map((p: { workspaceId: string }) => p.workspaceId)).toEqual([
      'zite-pro',
    ]);
    await expect(async () =>
      runtime.handlers.getHistory({ period: past, workspaceId: 'nope' }),
    ).rejects.toThrow(/no workspace "nope"/);
  });

  it('moves the card marks with the thresholds a lead sets, in percent or in credits', async () => {
    const { runtime } = app;
    // The snapshot follows a settings change once the evaluator thread has walked the new thresholds.
    const card = async () => {
      await runtime.whenIdle();
      return runtime.snapshot().workspaces.find((w) => w.id === 'zite-pro')!.pools[0]!;
    };
    expect((await card()).marks).toEqual([50, 90, 100]);
    runtime.handlers.updateSettings({ thresholds: { 'zite-pro': { unit: 'percent', values: [80, 40] } } });
    expect((await card()).marks).toEqual([40, 80]);
    expect((await card()).thresholds.map((t) => t.percent)).toEqual([40, 80]);
    // Zite Pro holds 50,000 a month (seed, no bonus in the demo): 10,000 credits is 20 %, 45,000 is 90 %.
    runtime.handlers.updateSettings({
      thresholds: { 'zite-pro': { unit: 'credits', values: [10_000, 45_000] } },
    });
    expect((await card()).available).toBe(50_000);
    expect((await card()).marks).toEqual([20, 90]);
    runtime.handlers.updateSettings({ thresholds: {} });
    expect((await card()).marks).toEqual([50, 90, 100]);
  });

  it('raises the 50 % alert once when the simulator pushes a pool past it, and never again after a restart', async () => {
    const sim = install.state.demo!.simulator!;
    const { workspaceId, pool } = sim.roles.nearHalf;
    const cardOf = (s: ReturnType<typeof app.runtime.snapshot>) =>
      s.workspaces.find((w) => w.id === workspaceId)!.pools.find((p) => p.pool === pool)!;
    expect(cardOf(app.runtime.snapshot()).percentUsed).toBeLessThan(50);

    const earlier = app.notifications.length;
    sim.pushPast(workspaceId, 55, pool);
    expect(app.runtime.handlers.syncNow(undefined)).toEqual({ started: true });
    await app.runtime.whenIdle();
    const after = app.runtime.snapshot();
    expect(cardOf(after).percentUsed).toBeGreaterThanOrEqual(55);
    // Past the 50 % mark; the push is a burst, so the forecast may also run dry before the reset:
    // then the card is at risk (never "OK"), else past its threshold.
    expect(cardOf(after).passedThreshold).toBe(50);
    expect(cardOf(after).state).toBe(
      cardOf(after).forecast.runsOutAt === null ? 'past-threshold' : 'at-risk',
    );
    expect(
      after.alerts.filter((a) => a.workspaceId === workspaceId && a.kind === 'threshold' && a.percent === 50),
    ).toHaveLength(1);
    // One notification for the pool, naming the 50 % mark (the mid-period audit is recorded with it).
    const shown = app.notifications.slice(earlier);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({
      workspaceId,
      title: expect.stringContaining('50% of integration credits used'),
    });

    // A restart over the same files: the alert is remembered, not shown again.
    await install.stop();
    const second = install.start();
    second.runtime.start();
    await second.runtime.whenIdle();
    expect(second.runtime.snapshot().sync.lastError).toBeNull();
    expect(
      second.notifications.filter((n) => n.workspaceId === workspaceId && n.title.includes('50%')),
    ).toEqual([]);
    expect(
      second.runtime
        .snapshot()
        .alerts.filter((a) => a.workspaceId === workspaceId && a.kind === 'threshold' && a.percent === 50),
    ).toHaveLength(1);
    app = second;
  });
});

// Each case starts the runtime with its evaluator thread (registering tsx and compiling the engine
// from source), a demo server and a first sync: on a machine shared by several test runs that can
// pass a minute.
describe('the app runtime, one install per case', { timeout: 120_000 }, () => {
  let install: Install | undefined;
  afterEach(async () => {
    await install?.cleanup();
    install = undefined;
  });

  it('starts in onboarding with nothing to show and no demo server', async () => {
    install = appInstall();
    const { runtime } = install.start();
    runtime.start();
    await runtime.whenIdle();
    const s = runtime.snapshot();
    expect(s.mode).toBe('onboarding');
    expect(s.workspaces).toEqual([]);
    expect(s.sync.lastError).toBeNull();
    expect(install.state.demo).toBeNull();
  });

  it('keeps the last data on screen and says offline when the server goes away', async () => {
    install = appInstall();
    const { runtime } = await demoRuntime(install);
    const online = runtime.snapshot();
    await install.state.demo!.close();
    expect(runtime.handlers.syncNow(undefined)).toEqual({ started: true });
    await runtime.whenIdle();
    const offline = runtime.snapshot();
    expect(offline.sync.offline).toBe(true);
    expect(offline.sync.lastError?.message).toMatch(/cannot reach http:\/\/127\.0\.0\.1/);
    expect(offline.sync.lastSuccessAt).toBe(online.sync.lastSuccessAt);
    expect(offline.workspaces.map((w) => w.pools.map((p) => p.used))).toEqual(
      online.workspaces.map((w) => w.pools.map((p) => p.used)),
    );
  });

  it('refuses an account whose token the server refuses, and lets a real account replace the demo', async () => {
    install = appInstall();
    const { runtime, cache } = await demoRuntime(install);
    const demo = install.state.demo!;
    await expect(
      runtime.handlers.addAccount({ label: 'Acme', serverUrl: demo.url, token: 'wrong-token-123' }),
    ).rejects.toThrow(/token/i);
    expect(runtime.settings().accounts).toEqual([]);
    // The demo raised alerts of its own (a pool of it ran dry): they belong to the demo account.
    const demoAlerts = cache.alerts.list().filter((a) => a.accountId === 'demo');
    expect(demoAlerts.length).toBeGreaterThan(0);

    // A second server with an account of its own plays the lead's real account.
    const real = await startServer({ demo: { autoTick: false, seed: 7 } });
    try {
      const account = await runtime.handlers.addAccount({
        label: 'Acme',
        serverUrl: `${real.url}/`,
        token: real.demoToken!,
      });
      expect(account.serverUrl).toBe(real.url);
      expect(await install.secrets.get(account.id)).toBe(real.demoToken);
      expect(JSON.stringify(runtime.settings())).not.toContain(real.demoToken!); // tokens never go into settings
      await runtime.whenIdle();
      const s = runtime.snapshot();
      expect(s.mode).toBe('accounts');
      expect(s.workspaces.length).toBeGreaterThan(0);
      expect(s.workspaces.every((w) => w.accountId === account.id)).toBe(true);
      expect(runtime.settings().demo).toBe(false);
      expect(cache.read.accounts.get('demo')).toBeNull(); // the demo's cached usage went with it
      // ... and its alerts: none of the demo's is left. The real server here plays the same cast, so
      // it raises alerts under the same keys: had the demo's stayed, those keys would still be the
      // demo's (a key is raised once); every one now belongs to the real account.
      expect(cache.alerts.list().filter((a) => a.accountId === 'demo')).toEqual([]);
      expect(cache.alerts.list().every((a) => a.accountId === account.id)).toBe(true);

      // Removing the account says what goes, and then it goes: its workspaces and alerts.
      const own = cache.alerts.list().filter((a) => a.accountId === account.id).length;
      const removal = await runtime.handlers.accountRemoval({ id: account.id });
      expect(removal).toMatchObject({ id: account.id, label: 'Acme', alerts: own });
      expect(removal.workspaces).toEqual(s.workspaces.map((w) => w.name));

      const afterRemove = await runtime.handlers.removeAccount({ id: account.id });
      expect(afterRemove.accounts).toEqual([]);
      expect(await install.secrets.get(account.id)).toBeNull();
      expect(runtime.snapshot().workspaces).toEqual([]);
      expect(cache.alerts.list()).toEqual([]);
      expect(runtime.snapshot().alerts).toEqual([]);
    } finally {
      await install.stop();
      await real.close();
    }
  });

  it('between syncs, the minute tick moves the clock-driven parts without re-reading the usage', async () => {
    install = appInstall();
    let offset = 0;
    const clock = {
      now: () => Date.now() + offset,
      setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
      clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout),
    };
    const { runtime } = install.start({ clock, tickMs: 200 });
    runtime.start();
    await runtime.handlers.startDemo(undefined);
    await runtime.whenIdle();
    const before = runtime.snapshot();
    expect(before.workspaces.every((w) => w.freshness.kind === 'live')).toBe(true);

    offset = 10 * 60_000; // ten minutes pass without a sync
    const later = await new Promise<ReturnType<typeof runtime.snapshot>>((resolve) => {
      const off = runtime.subscribe((s) => {
        off();
        resolve(s);
      });
    });
    expect(Date.parse(later.asOf) - Date.parse(before.asOf)).toBeGreaterThanOrEqual(10 * 60_000);
    // Composed again at the new instant: the data is no longer live...
    expect(later.workspaces.map((w) => w.freshness.kind)).toEqual(before.workspaces.map(() => 'cached'));
    // ...but the engine did not run again: its figures are those of the last evaluation. Unless a
    // pool's period ended within those ten minutes (a run at 23:52 on the last of a month): then the
    // engine runs at the new instant, that pool moves to its new period (which begins where the old
    // one ended) and the others keep their period and usage (their countdowns move on).
    type Pool = (typeof before.workspaces)[number]['pools'][number];
    const pools = (snapshot: typeof before) => snapshot.workspaces.flatMap((w) => w.pools);
    const ended = (p: Pool) => Date.parse(p.periodEnd) <= Date.parse(later.asOf);
    const reset = pools(before).some(ended);
    const figures = (p: Pool) => (reset ? [p.periodStart, p.used] : [p.used, p.resetsInSeconds]);
    expect(pools(later).map((p, i) => (ended(pools(before)[i]!) ? p.periodStart : figures(p)))).toEqual(
      pools(before).map((p) => (ended(p) ? p.periodEnd : figures(p))),
    );
  });

  it('holds notifications through a snooze that survives a restart', async () => {
    install = appInstall();
    const first = install.start();
    first.runtime.start();
    const { pausedUntil } = first.runtime.handlers.snoozeAlerts({ for: '1h' }) as { pausedUntil: string };
    expect(Date.parse(pausedUntil) - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(first.runtime.snapshot().pausedUntil).toBe(pausedUntil);
    await install.stop();
    const second = install.start();
    expect(second.runtime.snapshot().pausedUntil).toBe(pausedUntil);
    second.runtime.handlers.snoozeAlerts({ for: 'off' });
    expect(second.runtime.snapshot().pausedUntil).toBeNull();
  });
});
