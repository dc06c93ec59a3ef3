import { describe, expect, test } from 'vitest';
import type { PoolStatusJson } from '../../../../src-shared/engine/status-json';
import type { UsageEvent } from '../../../../src-shared/types/ledger';
import {
  alertsAt,
  charge,
  event,
  iso,
  ledger,
  plusMinutes,
  pool,
  poolAt,
  workspace,
} from '../helpers/ledger-builders';

/** Every forecast keeps its range around the projection and never below what is already used. */
function expectSaneRange(p: PoolStatusJson) {
  expect(p.forecast.low).toBeLessThanOrEqual(p.forecast.projectedUsed);
  expect(p.forecast.projectedUsed).toBeLessThanOrEqual(p.forecast.high);
  expect(p.forecast.low).toBeGreaterThanOrEqual(p.used);
}

function at(allowance: number, events: UsageEvent[], asOf: string): PoolStatusJson {
  const p = poolAt(ledger({ workspaces: [workspace({ pools: pool(allowance) })], events }), asOf);
  expectSaneRange(p);
  return p;
}

describe('burnPerDay over (asOf − 7 d, asOf], projectedUsed, runsOutAt', () => {
  // 50 at noon on each of Mar 1–9.
  const steady = Array.from({ length: 9 }, (_, i) => charge(`2026-03-0${i + 1}T12:00:00Z`, 50));

  test('a steady week: runs out 11 days after asOf', () => {
    // Window (Mar 3, Mar 10] holds Mar 3–9: 350 / 7 = 50 a day. Used 450; 22 days to Apr 1:
    // projected 450 + 50 × 22 = 1,550. Remaining 550 / 50 = 11 days → Mar 21 00:00.
    const p = at(1000, steady, '2026-03-10T00:00:00Z');
    expect(p.used).toBe(450);
    expect(p.forecast).toMatchObject({
      burnPerDay: 50,
      projectedUsed: 1550,
      runsOutAt: iso('2026-03-21T00:00:00Z'),
    });
  });

  test('no run-out when the pool outlasts the period', () => {
    // Allowance 2,000: 1,550 / 50 = 31 days → Apr 10, after Apr 1.
    expect(at(2000, steady, '2026-03-10T00:00:00Z').forecast).toMatchObject({
      burnPerDay: 50,
      projectedUsed: 1550,
      runsOutAt: null,
    });
  });

  test('the window is open at asOf − 7 d and closed at asOf', () => {
    // 70 exactly at Mar 3 00:00 is out; 21 on Mar 5 and 14 exactly at asOf are in: 35 / 7 = 5 a day.
    // Used 105; projected 105 + 5 × 22 = 215.
    const events = [
      charge('2026-03-03T00:00:00Z', 70),
      charge('2026-03-05T12:00:00Z', 21),
      charge('2026-03-10T00:00:00Z', 14),
    ];
    expect(at(10_000, events, '2026-03-10T00:00:00Z').forecast).toMatchObject({
      burnPerDay: 5,
      projectedUsed: 215,
      runsOutAt: null,
    });
  });

  test('the window is clipped to the period start', () => {
    // asOf Mar 4 00:00: the window is Mar 1 → Mar 4, 3 days. Feb 28's 500 is last period's.
    // 3 × 30 = 90 / 3 = 30 a day; 28 days left: 90 + 30 × 28 = 930. 910 / 30 ≈ 30.3 days: after Apr 1.
    const events = [
      charge('2026-02-28T12:00:00Z', 500),
      charge('2026-03-01T06:00:00Z', 30),
      charge('2026-03-02T06:00:00Z', 30),
      charge('2026-03-03T06:00:00Z', 30),
    ];
    const p = at(1000, events, '2026-03-04T00:00:00Z');
    expect(p.used).toBe(90);
    expect(p.forecast).toMatchObject({ burnPerDay: 30, projectedUsed: 930, runsOutAt: null });
  });

  test('the clipped window includes the period’s first instant', () => {
    // (Feb 25, Mar 4] ∩ [Mar 1, Apr 1) = [Mar 1, Mar 4]: 60 at Mar 1 00:00 counts, 60 / 3 = 20 a day.
    expect(at(1000, [charge('2026-03-01T00:00:00Z', 60)], '2026-03-04T00:00:00Z').forecast.burnPerDay).toBe(
      20,
    );
  });

  test('no burn: the projection is what is used and nothing runs out', () => {
    // 30 on Mar 1; the window (Mar 13, Mar 20] is empty.
    const p = at(1000, [charge('2026-03-01T00:00:00Z', 30)], '2026-03-20T00:00:00Z');
    expect(p.forecast).toMatchObject({ burnPerDay: 0, projectedUsed: 30, low: 30, runsOutAt: null });
  });

  test('once the pool is dry runsOutAt is null, and projectedUsed is demand, not capped', () => {
    // 100 on Mar 2 empties the pool; 40 on Mar 3 is blocked (not charged, not burn).
    // Window [Mar 1, Mar 5] = 4 days: 100 / 4 = 25 a day; 27 days left: 100 + 25 × 27 = 775.
    const p = at(
      100,
      [charge('2026-03-02T00:00:00Z', 100), charge('2026-03-03T00:00:00Z', 40)],
      '2026-03-05T00:00:00Z',
    );
    expect(p).toMatchObject({ remaining: 0, blockedCalls: 1 });
    expect(p.forecast).toMatchObject({ burnPerDay: 25, projectedUsed: 775, runsOutAt: null });
  });

  test('a bursty week gives a wider range than a steady one with the same burn', () => {
    // Both spend 350 in the window (Mar 3, Mar 10]: 50 a day. One evenly, one all on Mar 6.
    const even = Array.from({ length: 7 }, (_, i) => charge(`2026-03-0${i + 3}T12:00:00Z`, 50));
    const burst = [charge('2026-03-06T12:00:00Z', 350)];
    const a = at(100_000, even, '2026-03-10T00:00:00Z').forecast;
    const b = at(100_000, burst, '2026-03-10T00:00:00Z').forecast;
    expect([a.burnPerDay, b.burnPerDay]).toEqual([50, 50]);
    expect(b.high - b.low).toBeGreaterThan(a.high - a.low);
  });
});

describe('seed: a feature costing 3 credits per interaction with 500 daily users burns 1,500 a day', () => {
  // Base44, 30,000 credits a month. Each interaction is a simple LLM call (1) and a PDF (2): 3.
  // 500 interactions a day from Mar 1 to Mar 7, every 2 minutes from 00:01.
  const ws = workspace({ provider: 'base44', plan: 'builder', pools: pool(30_000) });
  const events: UsageEvent[] = [];
  for (let day = 1; day <= 7; day++) {
    for (let k = 0; k < 500; k++) {
      const occurredAt = plusMinutes(`2026-03-0${day}T00:01:00Z`, 2 * k);
      events.push(event({ occurredAt, action: 'llm' }), event({ occurredAt, action: 'pdf' }));
    }
  }
  const l = ledger({ workspaces: [ws], events });

  test('burn, projection and run-out day', () => {
    // Used 7 × 1,500 = 10,500; window [Mar 1, Mar 8] = 7 days: 1,500 a day.
    // Projected 10,500 + 1,500 × 24 days = 46,500. Left 19,500 / 1,500 = 13 days → Mar 21
    // (the seed's arithmetic: 30,000 / 1,500 = 20 days from Mar 1).
    const p = poolAt(l, '2026-03-08T00:00:00Z');
    expectSaneRange(p);
    expect(p).toMatchObject({ used: 10_500, remaining: 19_500, byAction: { llm: 3500, pdf: 7000 } });
    expect(p.forecast).toMatchObject({
      burnPerDay: 1500,
      projectedUsed: 46_500,
      runsOutAt: iso('2026-03-21T00:00:00Z'),
    });
  });

  test('raises the projected run-out alert with that date', () => {
    const alerts = alertsAt(l, '2026-03-08T00:00:00Z', 'projected-run-out');
    expect(alerts.map((a) => [a.at, a.runsOutAt])).toEqual([
      [iso('2026-03-08T00:00:00Z'), iso('2026-03-21T00:00:00Z')],
    ]);
  });
});
