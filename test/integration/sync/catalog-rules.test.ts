import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateCache } from '../../../src-main/cache/evaluate-cache';
import { evaluationJson } from '../../../src-shared/engine/status-json';
import type { Ledger } from '../../../src-shared/types/ledger';
import { base44Builder, minuteCalls } from '../../fixtures/base44-builder';
import { runCliInProcess } from '../cli/run-cli';
import { serverAndCache, sync } from './sync-helpers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** 2026-12-03 12:00 UTC: inside Base44's Nov 15 → Dec 15 billing period and Zite's December. */
const NOW = Date.parse('2026-12-03T12:00:00Z');

/**
 * One account: a Base44 Builder workspace on the documentation's rules (billing day 15), a Zite Pro
 * one on the newer usage pages (their plan sizes are unpublished: the account gives 20,000), and a
 * Zite Pro one stored by a server from before the contract named rules (no version: the seed's).
 */
const LEDGER: Ledger = {
  version: 1,
  workspaces: [
    base44Builder({ name: 'Support studio', billingDay: 15, members: [{ id: 'ana', name: 'Ana' }] }),
    {
      id: 'ops',
      name: 'Ops portal',
      provider: 'zite',
      plan: 'pro',
      catalogVersion: '2026-12-usage',
      pools: [{ pool: 'integration', allowance: 20_000 }],
    },
    { id: 'legacy', name: 'Old site', provider: 'zite', plan: 'pro' },
  ],
  grants: [],
  events: [
    ...minuteCalls('studio', 'ana', 'integration', 'email:custom_domain', 10, '2026-11-20'),
    ...minuteCalls('studio', 'ana', 'message', 'message', 30, '2026-11-21'),
    ...minuteCalls('ops', 'ana', 'integration', 'email', 10, '2026-12-02'),
    ...minuteCalls('legacy', 'ana', 'integration', 'email', 10, '2026-12-02'),
  ],
};

describe('a synced workspace is priced, sized and reset by the rules its account names', () => {
  it('carries the catalog version and billing day over the account API into the cache and the engine', async () => {
    const t = await serverAndCache(LEDGER, cleanups);
    const summary = await sync(t.cache, t.server.url, t.token, { now: () => NOW });
    expect(summary.errors).toEqual([]);

    const cached = new Map(t.cache.read.workspaces.list().map((w) => [w.workspace.id, w.workspace]));
    expect(cached.get('studio')).toMatchObject({ catalogVersion: '2026-12-docs', billingDay: 15 });
    expect(cached.get('ops')).toMatchObject({ catalogVersion: '2026-12-usage' });
    expect(cached.get('legacy')!.catalogVersion).toBeUndefined();

    const pools = evaluationJson(evaluateCache(t.cache, { asOf: NOW })).pools;
    const pool = (ws: string, kind: string) => pools.find((p) => p.workspaceId === ws && p.pool === kind)!;
    // Worked out by hand from the catalog. Base44 2026-12-docs: Builder holds 10,000 integration and
    // 250 message credits and resets on the billing day (the 15th): Nov 15 → Dec 15. An email from
    // a custom domain costs 2 there (the seed does not price it: 1, flagged): 10 × 2 = 20.
    expect(pool('studio', 'integration')).toMatchObject({
      periodStart: '2026-11-15T00:00:00.000Z',
      periodEnd: '2026-12-15T00:00:00.000Z',
      allowance: 10_000,
      used: 20,
    });
    // 30 AI messages charged 1 each: 30 of 250 (12 %).
    expect(pool('studio', 'message')).toMatchObject({ allowance: 250, used: 30 });
    // Zite 2026-12-usage: an email costs 1 (the seed's 5): 10 of the 20,000 the account gives.
    expect(pool('ops', 'integration')).toMatchObject({ allowance: 20_000, used: 10 });
    // No version named: the seed's rules, Pro 50,000 and 5 an email: 50.
    expect(pool('legacy', 'integration')).toMatchObject({ allowance: 50_000, used: 50 });

    // The server prices by the same rules: its /balance agrees with the cache (no drift).
    for (const w of summary.workspaces)
      for (const d of w.drift) expect([w.workspaceId, d.serverUsed]).toEqual([w.workspaceId, d.localUsed]);

    // Only the workspace whose rules are assumed says so, on the card and in creditbar status.
    const status = await runCliInProcess(['status', '--db', t.file, '--as-of', '2026-12-03T12:00:00Z']);
    expect(status.code).toBe(0);
    const data = status.stdout.slice(status.stdout.indexOf('Data:'));
    expect(data.match(/an assumption/g)).toHaveLength(1);
    expect(data).toMatch(
      /Old site: [^\n]*\n {4}Priced and sized with the seed's rules, an assumption: the account API does not say which rules this plan is on\./,
    );
  });

  it('leaves a workspace on rules this Creditbar does not know as cached, says so, and syncs the others', async () => {
    const t = await serverAndCache(LEDGER, cleanups);
    expect((await sync(t.cache, t.server.url, t.token, { now: () => NOW })).errors).toEqual([]);
    // A newer server puts Ops portal on rules released after this Creditbar.
    const db = new Database(t.server.dbPath);
    db.prepare(
      "UPDATE workspaces SET catalog_version = '2027-06-usage', revision = revision + 1 WHERE id = 'ops'",
    ).run();
    db.close();

    const second = await sync(t.cache, t.server.url, t.token, { now: () => NOW + 60_000 });
    expect(second.errors).toEqual([
      'workspace "ops" is on Zite\'s rules "2027-06-usage", which this Creditbar does not know (it knows 2026-05-seed, 2026-12-usage): update Creditbar to sync it',
    ]);
    expect(t.cache.read.workspaces.byId('ops')!.workspace.catalogVersion).toBe('2026-12-usage');
    expect(second.workspaces.filter((w) => w.error === null).map((w) => w.workspaceId)).toEqual([
      'studio',
      'legacy',
    ]);
    // The cache still evaluates every workspace: Ops portal with what it had.
    const ops = evaluationJson(evaluateCache(t.cache, { asOf: NOW })).pools.find(
      (p) => p.workspaceId === 'ops',
    )!;
    expect(ops).toMatchObject({ allowance: 20_000, used: 10 });
  });
});
