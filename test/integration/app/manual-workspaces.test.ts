import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../src-shared/ipc/snapshot';
import { readingReminderPass } from '../../../src-main/app/reading-reminder-pass';
import { DEFAULT_SETTINGS } from '../../../src-shared/settings/settings';
import { appInstall } from './runtime-fixture';

/**
 * The app's calls for workspaces kept by hand, over a real cache file: what onboarding, the reading
 * field and Settings' CSV import send, and what the lead sees back in the snapshot.
 */
let install: ReturnType<typeof appInstall>;
beforeEach(() => {
  install = appInstall();
});
afterEach(() => install.cleanup());

const DAY = 86_400_000;
const isoAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

type Runtime = ReturnType<ReturnType<typeof appInstall>['start']>['runtime'];

/** The snapshot once the evaluator thread has walked what the last call stored. */
async function settled(runtime: Runtime): Promise<Snapshot> {
  await runtime.whenIdle();
  return runtime.snapshot();
}

function pool(snapshot: Snapshot, workspaceId: string, kind: 'integration' | 'message') {
  const ws = snapshot.workspaces.find((w) => w.id === workspaceId);
  return { ws, pool: ws?.pools.find((p) => p.pool === kind) };
}

/** Base44 Builder added as onboarding's form sends it, its period started three days ago. */
async function addStudio(runtime: Runtime) {
  const billingDay = new Date(Date.now() - 3 * DAY).getUTCDate();
  return runtime.handlers.addManualWorkspace({
    provider: 'base44',
    plan: 'builder',
    name: 'Support studio',
    billingDay,
    members: [{ id: 'ana', name: 'Ana Lima' }],
  });
}

describe('a workspace kept by hand, through the app', () => {
  it('leaves onboarding, shows Builder’s pools as "manual", and keeps them over a restart', async () => {
    const first = install.start();
    expect((await settled(first.runtime)).mode).toBe('onboarding');
    expect(await addStudio(first.runtime)).toEqual({ id: 'support-studio' });
    const s = await settled(first.runtime);
    expect(s.mode).toBe('accounts');
    // Builder on Base44's documentation: 250 message and 10,000 integration credits.
    const { ws, pool: integration } = pool(s, 'support-studio', 'integration');
    expect(ws).toMatchObject({
      source: 'manual',
      plan: 'builder',
      members: [{ id: 'ana', name: 'Ana Lima' }],
    });
    expect(integration).toMatchObject({ allowance: 10_000, used: 0, remaining: 10_000 });
    expect(pool(s, 'support-studio', 'message').pool).toMatchObject({ allowance: 250 });
    expect(ws!.freshness).toMatchObject({ basis: 'reading', lastSyncAt: null });

    await install.stop();
    const second = install.start();
    expect((await settled(second.runtime)).mode).toBe('accounts');
    expect(pool(await settled(second.runtime), 'support-studio', 'integration').pool).toBeDefined();
  });

  it('counts readings as usage, flags one that goes backwards, and takes the answer "top-up"', async () => {
    const { runtime } = install.start();
    await addStudio(runtime);
    const instants = [isoAgo(2), isoAgo(1)];
    const at = (days: 1 | 2) => instants[2 - days]!;
    // 9,000 left two days ago: 1,000 used since the period started.
    const r1 = await runtime.handlers.recordReading({
      workspaceId: 'support-studio',
      pool: 'integration',
      remaining: 9_000,
      at: at(2),
    });
    expect(r1).toMatchObject({ kind: 'usage', counted: 1000, backwardsBy: null, sincePeriodStart: true });
    // 8,400 left yesterday: 600 more.
    const r2 = await runtime.handlers.recordReading({
      workspaceId: 'support-studio',
      pool: 'integration',
      remaining: 8_400,
      at: at(1),
    });
    expect(r2).toMatchObject({ counted: 600, since: at(2), sincePeriodStart: false });
    let p = pool(await settled(runtime), 'support-studio', 'integration').pool!;
    expect(p).toMatchObject({ used: 1600, remaining: 8400 });
    expect(p.observed).toMatchObject({ credits: 1600, readings: 2, lastReadingAt: at(1) });

    // Today the page shows 8,700 left: 300 more than counted, nothing explains it.
    const r3 = await runtime.handlers.recordReading({
      workspaceId: 'support-studio',
      pool: 'integration',
      remaining: 8_700,
    });
    expect(r3).toMatchObject({ kind: 'usage', counted: null, backwardsBy: 300 });
    p = pool(await settled(runtime), 'support-studio', 'integration').pool!;
    expect(p).toMatchObject({ used: 1600, remaining: 8400 }); // kept, flagged, not counted
    expect(p.observed!.backwards).toEqual([{ id: r3.id, at: expect.any(String), by: 300 }]);
    const listed = await runtime.handlers.listReadings({ workspaceId: 'support-studio' });
    expect(listed.map((r) => [r.remaining, r.counted, r.backwardsBy])).toEqual([
      [9000, 1000, null],
      [8400, 600, null],
      [8700, null, 300],
    ]);

    // The lead says it was a top-up of 300: 10,300 available, 1,600 used, 8,700 left, as the page says.
    await runtime.handlers.answerReading({
      workspaceId: 'support-studio',
      readingId: r3.id,
      as: 'top-up',
      credits: 300,
    });
    p = pool(await settled(runtime), 'support-studio', 'integration').pool!;
    expect(p).toMatchObject({ available: 10_300, used: 1600, remaining: 8700 });
    expect(p.observed!.backwards).toEqual([]);
    // The card words those 300 as what they are (a top-up), not as a bonus.
    expect(p).toMatchObject({ bonus: 300, grantKinds: ['top-up'] });
  });

  it('refuses a reading of a pool the plan does not have, in one sentence, storing nothing', async () => {
    const { runtime } = install.start();
    await runtime.handlers.addManualWorkspace({
      provider: 'zite',
      plan: 'pro',
      name: 'Ops portal',
      catalogVersion: '2026-05-seed',
    });
    await expect(
      runtime.handlers.recordReading({ workspaceId: 'ops-portal', pool: 'message', remaining: 10 }),
    ).rejects.toThrow(/^[^\n]*message[^\n]*$/);
    expect(await runtime.handlers.listReadings({ workspaceId: 'ops-portal' })).toEqual([]);
  });

  it('previews a CSV, refuses a bad row by line and column, imports once, and adds nothing the second time', async () => {
    const { runtime } = install.start();
    await addStudio(runtime);
    const stamps = [isoAgo(1), isoAgo(2)].map((t) => t.slice(0, 19).replace('T', ' '));
    const day = (d: 1 | 2) => stamps[d - 1]!;
    const good = [
      'Date,Type,Credits,User',
      `${day(2)},integration:slack,1,ana`,
      `${day(2)},email,2,ana`,
      `${day(1)},email,2,bo`,
    ].join('\n');
    const input = { workspaceId: 'support-studio', source: 'usage.csv', text: good };

    const preview = await runtime.handlers.previewCsvImport(input);
    expect(preview.mapping).toMatchObject({
      occurredAt: 'Date',
      action: 'Type',
      credits: 'Credits',
      memberId: 'User',
    });
    expect(preview.rows).toBe(3);
    expect(preview.first.map((f) => [f.line, f.credits])).toEqual([
      [2, 1],
      [3, 2],
      [4, 2],
    ]);
    expect(pool(await settled(runtime), 'support-studio', 'integration').pool!.used).toBe(0); // a preview stores nothing

    // Line 3's credits are negative: one sentence naming line and column; nothing of the file is stored.
    const bad = good.replace(`${day(2)},email,2,ana`, `${day(2)},email,-2,ana`);
    expect(bad).not.toBe(good);
    await expect(runtime.handlers.importCsv({ ...input, text: bad })).rejects.toThrow(/line 3.*Credits/i);
    expect(pool(await settled(runtime), 'support-studio', 'integration').pool!.used).toBe(0);

    const done = await runtime.handlers.importCsv(input);
    expect(done).toMatchObject({ rows: 3, inserted: 3, duplicates: 0 });
    // 1 + 2 + 2 = 5 credits, by member from the file (a CSV has who; a reading does not).
    const p = pool(await settled(runtime), 'support-studio', 'integration').pool!;
    expect(p).toMatchObject({ used: 5, remaining: 9995 });
    expect(p.byMember).toEqual({ ana: 3, bo: 2 });

    const again = await runtime.handlers.importCsv(input);
    expect(again).toMatchObject({ inserted: 0, duplicates: 3 });
    expect(pool(await settled(runtime), 'support-studio', 'integration').pool!.used).toBe(5);
  });

  it('removes a workspace kept by hand with its readings, and goes back to onboarding', async () => {
    const { runtime } = install.start();
    await addStudio(runtime);
    await runtime.handlers.recordReading({
      workspaceId: 'support-studio',
      pool: 'integration',
      remaining: 9_500,
    });
    expect(await runtime.handlers.removeWorkspace({ workspaceId: 'support-studio' })).toEqual({
      removed: 'support-studio',
    });
    const s = await settled(runtime);
    expect(s.workspaces).toEqual([]);
    expect(s.mode).toBe('onboarding');
  });

  it('removes its alerts with it, so the alert centre forgets them and the same workspace added again alerts again', async () => {
    const { runtime } = install.start();
    await addStudio(runtime);
    // 4,000 of Builder's 10,000 left: 6,000 used, 60 %, past the default 50 % threshold.
    await runtime.handlers.recordReading({
      workspaceId: 'support-studio',
      pool: 'integration',
      remaining: 4_000,
    });
    const before = await settled(runtime);
    const raised = before.alerts.filter((a) => a.workspaceId === 'support-studio');
    expect(raised.map((a) => [a.kind, a.percent])).toContainEqual(['threshold', 50]);
    expect(before.openAlerts).toBe(raised.length);

    await runtime.handlers.removeWorkspace({ workspaceId: 'support-studio' });
    const after = await settled(runtime);
    expect(after.alerts).toEqual([]);
    expect(after.openAlerts).toBe(0);

    // Added again (same name, so the same id) and read at the same 60 %: its 50 % alert is new again.
    await addStudio(runtime);
    await runtime.handlers.recordReading({
      workspaceId: 'support-studio',
      pool: 'integration',
      remaining: 4_000,
    });
    const again = await settled(runtime);
    expect(again.alerts.map((a) => [a.kind, a.percent])).toContainEqual(['threshold', 50]);
    expect(again.openAlerts).toBe(raised.length);
  });

  it('fed only by a CSV import, is as fresh as the import’s newest event: not stale, no reading asked', async () => {
    const { runtime, cache } = install.start();
    await addStudio(runtime);
    const before = pool(await settled(runtime), 'support-studio', 'integration');
    expect(before.ws!.freshness).toMatchObject({ kind: 'stale', lastSyncAt: null });

    // A log whose newest call was two hours ago (whole seconds: the CSV's precision).
    const newest = new Date(Math.floor((Date.now() - 2 * 3_600_000) / 1000) * 1000);
    const csv = (t: Date) => t.toISOString().slice(0, 19).replace('T', ' ');
    const text = [
      'Date,Type,Credits,User',
      `${csv(new Date(newest.getTime() - DAY))},email,2,ana`,
      `${csv(newest)},email,2,ana`,
    ].join('\n');
    await runtime.handlers.importCsv({ workspaceId: 'support-studio', source: 'log.csv', text });
    const s = await settled(runtime);
    const { ws, pool: integration } = pool(s, 'support-studio', 'integration');
    // Live within the reminder's 24 hours, counted from the newest imported event.
    expect(ws!.freshness).toMatchObject({ kind: 'live', basis: 'import', lastSyncAt: newest.toISOString() });
    expect(integration!.state).not.toBe('stale');

    // The reminder, asked for every day from 00:00 (so only freshness decides), does not ask for it.
    const sent: unknown[] = [];
    const ask = (snapshot: typeof s) =>
      readingReminderPass({
        cache,
        snapshot,
        settings: {
          ...DEFAULT_SETTINGS,
          readingReminder: { enabled: true, afterHours: 24, weekdaysOnly: false, at: '00:00' },
        },
        pausedUntil: null,
        now: Date.now(),
        timeZone: 'UTC',
        notify: (n) => sent.push(n),
      });
    expect(ask(s)).toBe(false);
    expect(sent).toEqual([]);
  });
});
