import { afterEach, describe, expect, it } from 'vitest';
import type { Ledger } from '../../../src-shared/types/ledger';
import { base44Builder } from '../../fixtures/base44-builder';
import { serverAndCache, sync } from '../sync/sync-helpers';
import { runCliInProcess } from './run-cli';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** 2026-12-03 12:00 UTC: the instant of the last sync, on the test's own clock. */
const SYNCED = Date.parse('2026-12-03T12:00:00Z');
const MIN = 60_000;
/** creditbar status over a cache synced at SYNCED, on the CLI's clock at `at`: its text. */
async function statusAt(file: string, at: number): Promise<string> {
  const r = await runCliInProcess(['status', '--db', file], { now: () => at });
  expect(r.code).toBe(0);
  return r.stdout;
}

const LEDGER: Ledger = {
  version: 1,
  workspaces: [base44Builder({ billingDay: 15 })],
  grants: [],
  events: [],
};

/**
 * `creditbar status` says how old a synced workspace's data is in its card's words (the badge's
 * freshnessText): it said "cached 12 min ago" and "stale: 3 h old" where the card says "Cached 12
 * minutes ago" and "Stale, synced 3 hours ago".
 */
describe('creditbar status: the data line and the states in the card’s words', { timeout: 60_000 }, () => {
  it('cached 12 minutes ago, then stale, synced 3 hours ago (sync every 5 minutes, stale after 30: the defaults)', async () => {
    const t = await serverAndCache(LEDGER, cleanups);
    expect((await sync(t.cache, t.server.url, t.token, { now: () => SYNCED })).errors).toEqual([]);
    const dataLine = async (at: number) =>
      (await statusAt(t.file, at)).split('\n').find((l) => l.startsWith('  Studio: '));
    expect(await dataLine(SYNCED + 12 * MIN)).toBe('  Studio: cached 12 minutes ago');
    expect(await dataLine(SYNCED + 180 * MIN)).toBe('  Studio: stale, synced 3 hours ago');
  });

  it('gives each pool its card’s state: OK while the data is 12 minutes old, Stale 3 hours on', async () => {
    const t = await serverAndCache(LEDGER, cleanups);
    expect((await sync(t.cache, t.server.url, t.token, { now: () => SYNCED })).errors).toEqual([]);
    const states = async (at: number) => {
      const text = await statusAt(t.file, at);
      expect(text).toMatch(/^Workspace\s+Pool\s+State\s+Used \/ available/m);
      return [...text.matchAll(/^Studio\s+(integration|message)\s+(\S+)/gm)].map((m) => `${m[1]} ${m[2]}`);
    };
    // Nothing used (no events): the numbers alone are OK; past the 30-minute stale limit, the card says Stale.
    expect(await states(SYNCED + 12 * MIN)).toEqual(['integration OK', 'message OK']);
    expect(await states(SYNCED + 180 * MIN)).toEqual(['integration Stale', 'message Stale']);
  });
});
