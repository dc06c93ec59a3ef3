import { describe, expect, it } from 'vitest';
import {
  compareUrgency,
  poolStateOf,
  type PoolStateFacts,
  type UrgencyFacts,
} from '../../../../src-shared/display/pool-state';
import { stateDescription, stateLabel } from '../../../../src-shared/display/state-label';

const END = '2026-12-01T00:00:00.000Z';
const REACHED = '2026-11-10T09:00:00.000Z';

/** A pool of 1,000 credits at `percent` used, the default thresholds reached where the percent passes them. */
function facts(percent: number, more: Partial<PoolStateFacts> = {}): PoolStateFacts {
  return {
    percentUsed: percent,
    available: 1000,
    remaining: 1000 - percent * 10,
    periodEnd: END,
    exhaustedAt: percent >= 100 ? REACHED : null,
    thresholds: [50, 90, 100].map((t) => ({ percent: t, reachedAt: percent >= t ? REACHED : null })),
    forecast: { runsOutAt: null },
    ...more,
  };
}

const live = { kind: 'live' } as const;
const stale = { kind: 'stale' } as const;

describe('poolStateOf: one state per pool, for every surface', () => {
  it.each([
    { name: 'nothing reached, lasting: ok', f: facts(20), state: 'ok', level: 'ok', threshold: null },
    {
      name: '49.99 % is under the 50 % mark: ok',
      f: facts(49.99),
      state: 'ok',
      level: 'ok',
      threshold: null,
    },
    {
      name: '50 % reached: past a threshold, amber',
      f: facts(50),
      state: 'past-threshold',
      level: 'warn',
      threshold: 50,
    },
    { name: '93 %: past 90, red', f: facts(93), state: 'past-threshold', level: 'critical', threshold: 90 },
    {
      // The demo's Marketing site: 49.9 % used and the forecast runs dry in two days. Today its card says "OK".
      name: 'projected to run dry before the reset: at risk whatever the percent',
      f: facts(49.9, { forecast: { runsOutAt: '2026-11-22T00:00:00.000Z' } }),
      state: 'at-risk',
      level: 'critical',
      threshold: null,
    },
    {
      name: 'a run-out after the reset is no risk',
      f: facts(60, { forecast: { runsOutAt: '2026-12-02T00:00:00.000Z' } }),
      state: 'past-threshold',
      level: 'warn',
      threshold: 50,
    },
    { name: 'nothing left: dry', f: facts(100), state: 'dry', level: 'dry', threshold: 90 },
    {
      name: 'a pool that holds nothing is dry',
      f: { ...facts(100), available: 0, remaining: 0 },
      state: 'dry',
      level: 'dry',
      threshold: 90,
    },
    {
      // A bonus arrived after 50 % was reached: 45 % of the larger pool is no longer past the mark.
      name: 'a threshold reached earlier but no longer passed does not count',
      f: facts(45, { thresholds: [{ percent: 50, reachedAt: REACHED }] }),
      state: 'ok',
      level: 'ok',
      threshold: null,
    },
    {
      name: "the account's own thresholds count (75 % of 50/75/90)",
      f: facts(80, {
        thresholds: [50, 75, 90, 100].map((t) => ({ percent: t, reachedAt: t <= 80 ? REACHED : null })),
      }),
      state: 'past-threshold',
      level: 'warn',
      threshold: 75,
    },
  ] as const)('$name', ({ f, state, level, threshold }) => {
    expect(poolStateOf(f, live)).toMatchObject({ state, balance: state, level, threshold });
  });

  it('says stale when the data is past the stale limit, keeping the last known state beside it', () => {
    const atRisk = facts(30, { forecast: { runsOutAt: '2026-11-25T00:00:00.000Z' } });
    expect(poolStateOf(atRisk, stale)).toMatchObject({
      state: 'stale',
      balance: 'at-risk',
      level: 'critical',
    });
    expect(poolStateOf(facts(20), stale)).toMatchObject({ state: 'stale', balance: 'ok' });
    expect(poolStateOf(facts(20), { kind: 'cached' }).state).toBe('ok');
  });

  it('keeps a dry pool dry when its data is stale: the platform refused calls, that stays true', () => {
    expect(poolStateOf(facts(100), stale).state).toBe('dry');
  });
});

describe('stateLabel: the words of a state', () => {
  it.each([
    [facts(20), 'OK'],
    [facts(50), 'Past 50%'],
    [facts(93), 'Past 90%'],
    [facts(40, { forecast: { runsOutAt: '2026-11-25T00:00:00.000Z' } }), 'At risk'],
    [facts(100), 'Dry'],
  ] as const)('%#: %s', (f, label) => {
    expect(stateLabel(poolStateOf(f, live))).toBe(label);
  });

  it('names a credit threshold in credits when the lead set them so', () => {
    const view = poolStateOf(facts(50), live);
    expect(stateLabel(view, { thresholdText: () => '500 credits' })).toBe('Past 500 credits');
  });

  it('describes stale data with what it last said', () => {
    const view = poolStateOf(facts(93), stale);
    expect(stateLabel(view)).toBe('Stale');
    expect(stateDescription(view)).toBe('Stale data (last known: Past 90%)');
  });
});

describe('compareUrgency: dry, then at risk by run-out, then by percent', () => {
  const u = (
    name: string,
    balance: UrgencyFacts['balance'],
    percentUsed: number,
    more: Partial<UrgencyFacts> = {},
  ) => ({ name, balance, percentUsed, exhaustedAt: null, forecast: { runsOutAt: null }, ...more });
  it('orders a mixed set as the tray and the overview list it', () => {
    const pools = [
      u('lasting-80', 'past-threshold', 80),
      u('ok-30', 'ok', 30),
      u('risk-late', 'at-risk', 20, { forecast: { runsOutAt: '2026-11-28T00:00:00Z' } }),
      u('dry-late', 'dry', 100, { exhaustedAt: '2026-11-19T00:00:00Z' }),
      u('risk-soon', 'at-risk', 60, { forecast: { runsOutAt: '2026-11-22T00:00:00Z' } }),
      u('dry-early', 'dry', 100, { exhaustedAt: '2026-11-12T00:00:00Z' }),
      u('lasting-95', 'past-threshold', 95),
      u('ok-45', 'ok', 45),
    ];
    expect([...pools].sort(compareUrgency).map((p) => p.name)).toEqual([
      'dry-early',
      'dry-late',
      'risk-soon',
      'risk-late',
      'lasting-95',
      'lasting-80',
      'ok-45',
      'ok-30',
    ]);
  });
});
