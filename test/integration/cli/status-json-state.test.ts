import { afterEach, describe, expect, it } from 'vitest';
import type { Ledger } from '../../../src-shared/types/ledger';
import { base44Builder } from '../../fixtures/base44-builder';
import { serverAndCache, sync } from '../sync/sync-helpers';
import { runCliInProcess } from './run-cli';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** 2026-11-20 12:00 UTC: the instant of the sync, on the test's own clock. */
const SYNCED = Date.parse('2026-11-20T12:00:00Z');
const MIN = 60_000;

/**
 * Studio on Base44 Builder (10,000 integration and 250 message credits, Nov 1 → Dec 1, the default
 * marks 50, 90, 100 %): one external API call the platform charged 5,000 credits on Nov 3 and one
 * AI message charged 250 on Nov 4.
 */
const LEDGER: Ledger = {
  version: 1,
  workspaces: [base44Builder()],
  grants: [],
  events: [
    {
      id: 'big-call',
      workspaceId: 'studio',
      pool: 'integration',
      memberId: 'sam',
      action: 'external_api',
      credits: 5000,
      occurredAt: '2026-11-03T10:00:00Z',
    },
    {
      id: 'big-message',
      workspaceId: 'studio',
      pool: 'message',
      memberId: 'sam',
      action: 'message',
      credits: 250,
      occurredAt: '2026-11-04T10:00:00Z',
    },
  ],
};

interface ShownPool {
  pool: string;
  state: string;
  balance: string;
  level: string;
  passedThreshold: number | null;
  stateLabel: string;
}

async function statusJsonAt(file: string, at: number): Promise<ShownPool[]> {
  const r = await runCliInProcess(['status', '--db', file, '--json'], { now: () => at });
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { pools: ShownPool[] }).pools.map(
    ({ pool, state, balance, level, passedThreshold, stateLabel }) => ({
      pool,
      state,
      balance,
      level,
      passedThreshold,
      stateLabel,
    }),
  );
}

/**
 * `creditbar status --json` carries each pool's state as its card shows it (the key and the badge
 * word) and lists the pools in the card's urgency order, as the table does. By hand: message 250 of
 * 250 is dry; integration 5,000 of 10,000 is 50 % (the 50 % mark reached, under 90 %) and at its
 * pace (nothing since Nov 3 in any trailing window, 5,000 over the whole period) it lasts to Dec 1:
 * past a threshold. Dry comes first, so message leads although the one pool order starts with
 * integration.
 */
describe('creditbar status --json: the card’s state and order', { timeout: 60_000 }, () => {
  it('dry message first, then integration past 50 %; stale data 3 hours on keeps dry, says Stale for the other', async () => {
    const t = await serverAndCache(LEDGER, cleanups);
    expect((await sync(t.cache, t.server.url, t.token, { now: () => SYNCED })).errors).toEqual([]);
    const message = { pool: 'message', state: 'dry', balance: 'dry', level: 'dry', passedThreshold: 90 };
    const integration = {
      pool: 'integration',
      balance: 'past-threshold',
      level: 'warn',
      passedThreshold: 50,
    };
    expect(await statusJsonAt(t.file, SYNCED + 12 * MIN)).toEqual([
      { ...message, stateLabel: 'Dry' },
      { ...integration, state: 'past-threshold', stateLabel: 'Past 50%' },
    ]);
    // Past the default 30-minute stale limit: a dry pool stays dry, the other says Stale and keeps
    // what its numbers last said; staleness does not move a pool in the order.
    expect(await statusJsonAt(t.file, SYNCED + 180 * MIN)).toEqual([
      { ...message, stateLabel: 'Dry' },
      { ...integration, state: 'stale', stateLabel: 'Stale' },
    ]);
  });
});
