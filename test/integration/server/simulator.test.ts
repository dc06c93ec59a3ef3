import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceSchema, usagePageSchema, workspaceListSchema } from '../../../src-shared/api';
import { builtinCatalog } from '../../../src-shared/catalog/catalog';
import { cacheCandidates } from '../../../src-shared/engine/advisors/cache-candidates';
import { evaluateLedger } from '../../../src-shared/engine/evaluate';
import { evaluationJson, type PoolStatusJson } from '../../../src-shared/engine/status-json';
import { DAY_MS } from '../../../src-shared/time/instant';
import type { Ledger } from '../../../src-shared/types/ledger';
import { DEMO_CAST } from '../../../src-server/simulator/demo-cast';
import { generateDemoLedger } from '../../../src-server/simulator/demo-ledger';
import { startServer } from '../../../src-server/start-server';
import { call, startTestServer, type TestServer } from './server-fixture';

const NOW = Date.parse('2026-11-18T14:30:00Z');

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function poolOf(pools: PoolStatusJson[], workspaceId: string, pool = 'integration'): PoolStatusJson {
  return pools.find((p) => p.workspaceId === workspaceId && p.pool === pool)!;
}

describe('demo ledger (pure generator)', () => {
  let ledger: Ledger;
  beforeAll(() => {
    ledger = generateDemoLedger(1, NOW, builtinCatalog).ledger;
  });

  it('is deterministic: the same seed and now give the same events, ids included; another seed differs', () => {
    expect(digest(generateDemoLedger(1, NOW, builtinCatalog).ledger)).toBe(digest(ledger));
    expect(ledger.events.length).toBeGreaterThan(50_000);
    const lab = DEMO_CAST.filter((c) => c.workspace.id === 'zite-lab');
    const seven = digest(generateDemoLedger(7, NOW, builtinCatalog, lab).ledger.events);
    expect(digest(generateDemoLedger(7, NOW, builtinCatalog, lab).ledger.events)).toBe(seven);
    expect(digest(generateDemoLedger(8, NOW, builtinCatalog, lab).ledger.events)).not.toBe(seven);
  });

  it('casts at least three workspaces on two providers, 4-12 members each, with the seed numbers', () => {
    expect(ledger.workspaces.map((w) => [w.id, w.provider, w.plan])).toEqual([
      ['zite-pro', 'zite', 'pro'],
      ['zite-team', 'zite', 'team'],
      ['base44-studio', 'base44', 'builder'],
      ['zite-lab', 'zite', 'free'],
    ]);
    for (const w of ledger.workspaces) {
      expect(w.members!.length).toBeGreaterThanOrEqual(4);
      expect(w.members!.length).toBeLessThanOrEqual(12);
    }
    expect(ledger.workspaces[1]!.existingCustomer).toBe(true);
    // Base44: no plan sizes in the seeds; the account names the documentation's rules and its
    // billing day, and the catalog sizes and resets both pools from them.
    const base44 = ledger.workspaces[2]!;
    expect(base44).toMatchObject({ catalogVersion: '2026-12-docs', billingDay: 15 });
    expect(base44.pools!.map((p) => p.pool)).toEqual(['integration', 'message']);
    expect(ledger.grants).toEqual([
      expect.objectContaining({ workspaceId: 'base44-studio', kind: 'bonus', credits: 20, expiresAt: null }),
    ]);
    const actions = new Set(ledger.events.map((e) => e.action));
    for (const a of [
      'email',
      'integration:twilio',
      'integration:hubspot',
      'integration:google_drive',
      'document',
      'db',
      'integration:airtable',
      'integration:google_sheets',
      'integration:slack',
      'llm',
      'file',
      'pdf',
      'external_api',
      'backend_function',
    ]) {
      expect(actions, a).toContain(a);
    }
    expect(ledger.events.find((e) => e.action === 'llm')!.units).toBeGreaterThan(0);
    // Six closed periods of history before the current one.
    const instants = ledger.events.map((e) => Date.parse(e.occurredAt));
    expect(NOW - instants.reduce((a, b) => Math.min(a, b))).toBeGreaterThan(180 * DAY_MS);
    expect(instants.reduce((a, b) => Math.max(a, b))).toBeLessThanOrEqual(NOW);
  });

  it('has a weekday/weekend rhythm and members with different habits', () => {
    const pro = ledger.events.filter((e) => e.workspaceId === 'zite-pro');
    const weekend = (e: { occurredAt: string }) => [0, 6].includes(new Date(e.occurredAt).getUTCDay());
    const perWeekendDay = pro.filter(weekend).length / 2;
    const perWeekday = pro.filter((e) => !weekend(e)).length / 5;
    expect(perWeekday / perWeekendDay).toBeGreaterThan(1.5);
    const share = (member: string, pick: (e: { occurredAt: string }) => boolean) => {
      const mine = pro.filter((e) => e.memberId === member);
      return mine.filter(pick).length / mine.length;
    };
    expect(share('ben', weekend)).toBeLessThan(0.05); // office hours only
    const night = (e: { occurredAt: string }) => {
      const h = (new Date(e.occurredAt).getUTCHours() + 1) % 24;
      return h >= 19 || h < 2;
    };
    expect(share('dev', night)).toBeGreaterThan(0.5); // the night owl
    const counts = new Map<string, number>();
    for (const e of pro) counts.set(e.memberId, (counts.get(e.memberId) ?? 0) + 1);
    expect(counts.get('ana')! / counts.get('chloe')!).toBeGreaterThan(3); // heavy builder vs occasional
  });

  it('repeats inputs more than 100 times a day on some days, and the cache advisor catches them', () => {
    const evaluation = evaluateLedger(ledger, { asOf: NOW });
    for (const id of ['zite-team', 'base44-studio']) {
      const pool = evaluation.pools.find((p) => p.workspace.id === id && p.pool === 'integration')!;
      const candidates = pool.periods.flatMap((r) => cacheCandidates(r));
      expect(candidates.length, id).toBeGreaterThan(0);
      expect(candidates[0]!.calls / candidates[0]!.days).toBeGreaterThan(100);
    }
  });

  // Whatever day of the period `now` falls on, the roles hold (checked through the engine); the demo
  // e2e specs seed at whatever instant CI runs: minutes into a month (Zite's periods) and into the
  // 15th (Base44's billing day), the last minutes of a year, a leap day.
  it.each([
    '2026-11-01T03:00:00Z',
    '2026-11-15T06:00:00Z',
    '2026-11-30T21:00:00Z',
    '2027-02-14T22:00:00Z',
    '2026-12-01T00:04:00Z',
    '2026-12-15T00:03:00Z',
    '2026-12-15T00:30:00Z',
    '2026-12-31T23:55:00Z',
    '2028-02-29T12:00:00Z',
  ])('is calibrated at %s: near half, on pace past ninety, dry with blocked calls', (iso) => {
    const now = Date.parse(iso);
    // The Team workspace plays no role here; leaving it out halves the work.
    const cast = DEMO_CAST.filter((c) => c.workspace.id !== 'zite-team');
    const pools = evaluationJson(
      evaluateLedger(generateDemoLedger(1, now, builtinCatalog, cast).ledger, { asOf: now }),
    ).pools;
    const half = poolOf(pools, 'zite-pro');
    expect(half.percentUsed).toBeGreaterThanOrEqual(49);
    expect(half.percentUsed).toBeLessThan(50);
    expect(half.thresholds.find((t) => t.percent === 50)!.reachedAt).toBeNull();
    const pace = poolOf(pools, 'base44-studio');
    expect(pace.percentUsed).toBeLessThan(90);
    expect(pace.forecast.projectedUsed).toBeGreaterThanOrEqual(0.9 * pace.available);
    expect(pace.bonus).toBe(20);
    const dry = poolOf(pools, 'zite-lab');
    expect(dry.remaining).toBe(0);
    expect(dry.exhaustedAt).not.toBeNull();
    expect(Date.parse(dry.exhaustedAt!)).toBeGreaterThanOrEqual(Date.parse(dry.periodStart));
    expect(dry.blockedCalls).toBeGreaterThan(0);
    expect(poolOf(pools, 'base44-studio', 'message').percentUsed).toBeLessThan(100);
  });
});

describe('demo server and live simulator', () => {
  let server: TestServer;
  let now = NOW;
  const token = () => server.demoToken!;
  const balance = async (ws: string) =>
    balanceSchema.parse((await call(server, `/v1/workspaces/${ws}/balance`, { token: token() })).body).pools;

  beforeAll(async () => {
    server = await startTestServer({ clock: () => now, demo: { seed: 1, autoTick: false } });
  });
  afterAll(() => server.stop());

  it('serves the demo account with the token it returns', async () => {
    const list = workspaceListSchema.parse((await call(server, '/v1/workspaces', { token: token() })).body);
    expect(list.workspaces.map((w) => w.id)).toEqual(['zite-pro', 'zite-team', 'base44-studio', 'zite-lab']);
    // Base44 Builder on the documentation's rules (the catalog's 2026-12-docs): 10,000 integration
    // and 250 message credits, both reset on the billing day the account gives, the 15th.
    expect(list.workspaces[2]).toMatchObject({ catalogVersion: '2026-12-docs', billingDay: 15 });
    expect(list.workspaces[2]!.pools.map((p) => [p.pool, p.allowance, p.reset])).toEqual([
      ['integration', 10_000, { kind: 'anchor-day', day: 15 }],
      ['message', 250, { kind: 'anchor-day', day: 15 }],
    ]);
    expect(list.workspaces.map((w) => w.catalogVersion)).toEqual([
      '2026-05-seed',
      '2026-05-seed',
      '2026-12-docs',
      '2026-05-seed',
    ]);
    expect(server.simulator!.roles).toEqual({
      nearHalf: { workspaceId: 'zite-pro', pool: 'integration' },
      paceTo90: { workspaceId: 'base44-studio', pool: 'integration' },
      runsDry: { workspaceId: 'zite-lab', pool: 'integration' },
    });
    expect(server.simulator!.running).toBe(false);
  });

  it('stores exactly the generated history and balances it with the engine', async () => {
    const generated = generateDemoLedger(
      1,
      NOW,
      builtinCatalog,
      DEMO_CAST.filter((c) => c.workspace.id === 'base44-studio'),
    ).ledger;
    const served = [];
    let cursor: string | undefined;
    do {
      const page = usagePageSchema.parse(
        (
          await call(
            server,
            `/v1/workspaces/base44-studio/usage?limit=5000${cursor ? `&cursor=${cursor}` : ''}`,
            { token: token() },
          )
        ).body,
      );
      served.push(...page.events);
      cursor = page.hasMore ? page.nextCursor : undefined;
    } while (cursor);
    expect(served).toEqual(generated.events.filter((e) => e.workspaceId === 'base44-studio'));
    const engine = evaluationJson(evaluateLedger(generated, { asOf: NOW })).pools;
    expect(await balance('base44-studio')).toEqual(engine.filter((p) => p.workspaceId === 'base44-studio'));
  });

  it('crosses 50 % on the near-half workspace within a minute of live activity at the default pace', async () => {
    const before = poolOf(await balance('zite-pro'), 'zite-pro');
    expect(before.percentUsed).toBeLessThan(50);
    const seen: number[] = [];
    const unsubscribe = server.simulator!.onEvents((r) => seen.push(r.events));
    now += 60_000;
    const tick = server.simulator!.tick();
    unsubscribe();
    expect(tick.events).toBeGreaterThan(0);
    expect(seen).toEqual([tick.events]);
    const after = poolOf(await balance('zite-pro'), 'zite-pro');
    expect(after.percentUsed).toBeGreaterThanOrEqual(50);
    expect(after.thresholds.find((t) => t.percent === 50)!.reachedAt).not.toBeNull();
  });

  it('pushes a pool past a threshold on demand, and a dry pool blocks what comes', async () => {
    const pushed = server.simulator!.pushPast('base44-studio', 90);
    expect(pushed.events).toBeGreaterThan(0);
    expect(poolOf(await balance('base44-studio'), 'base44-studio').percentUsed).toBeGreaterThanOrEqual(90);
    expect(server.simulator!.pushPast('base44-studio', 90)).toEqual({ events: 0, credits: 0 });

    const blockedBefore = poolOf(await balance('zite-lab'), 'zite-lab').blockedCalls;
    server.simulator!.burst('zite-lab', 50, { memberId: 'tara' });
    const dry = poolOf(await balance('zite-lab'), 'zite-lab');
    expect(dry.blockedCalls).toBeGreaterThan(blockedBefore);
    expect(dry.remaining).toBe(0);
    expect(() => server.simulator!.burst('nope', 5)).toThrow(/no workspace "nope"/);
  });
});

describe('a demo database reused by a later run', () => {
  it('keeps its history, answers the same token, and adds live events under new ids', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'creditbar-demo-reuse-'));
    const dbPath = join(dir, 'demo.sqlite');
    let now = NOW;
    try {
      const first = await startServer({ dbPath, clock: () => now, demo: { autoTick: false } });
      const seeded = first.simulator!.historyEvents;
      expect(seeded).toBeGreaterThan(50_000);
      now += 5_000;
      first.simulator!.burst('zite-team', 30);
      await first.close();

      const second = await startServer({ dbPath, clock: () => now, demo: { autoTick: false } });
      try {
        expect(second.simulator!.historyEvents).toBe(0);
        expect(second.demoToken).toBe(first.demoToken);
        const before = (
          await call(second, '/v1/workspaces/zite-team/usage?limit=5000', { token: second.demoToken! })
        ).status;
        expect(before).toBe(200);
        const burst = second.simulator!.burst('zite-team', 30);
        const stored = second.admin
          .exportLedger(second.simulator!.accountId)
          .events.filter((e) => e.workspaceId === 'zite-team');
        expect(stored.filter((e) => e.id.includes('-l')).length).toBe(2 * burst.events);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
