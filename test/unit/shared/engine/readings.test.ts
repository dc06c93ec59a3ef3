import { describe, expect, test } from 'vitest';
import { evaluateLedger } from '../../../../src-shared/engine/evaluate';
import type { Ledger, Reading, UsageEvent } from '../../../../src-shared/types/ledger';
import {
  alertsAt,
  charge,
  evaluate,
  grant,
  iso,
  ledger,
  ms,
  pool,
  poolAt,
  workspace,
  WS,
} from '../helpers/ledger-builders';

let sequence = 0;

/** A reading of WS's integration pool: what the platform's usage page showed at `at`. */
function reading(
  at: string,
  shown: { remaining: number } | { used: number },
  over: Partial<Reading> = {},
): Reading {
  sequence += 1;
  return { id: `r${sequence}`, workspaceId: WS, pool: 'integration', at, ...shown, ...over };
}

/** A workspace with one integration pool of `allowance` credits, reset on the 1st, fed by readings. */
function fedBy(readings: Reading[], allowance = 1000, extra: Partial<Ledger> = {}): Ledger {
  return { ...ledger({ workspaces: [workspace({ pools: pool(allowance) })] }), ...extra, readings };
}

describe('a reading is observed usage: the difference from what was counted before it', () => {
  test('remaining and used readings give used, remaining and percent as the page says', () => {
    // Remaining 800 then 450 of 1,000: used 200, then 550. A used reading of 700 next: used 700.
    const l = fedBy([
      reading('2026-03-02T09:00:00Z', { remaining: 800 }),
      reading('2026-03-03T09:00:00Z', { remaining: 450 }),
      reading('2026-03-04T09:00:00Z', { used: 700 }),
    ]);
    expect(poolAt(l, '2026-03-03T12:00:00Z')).toMatchObject({ used: 550, remaining: 450, percentUsed: 55 });
    const p = poolAt(l, '2026-03-04T12:00:00Z');
    expect(p).toMatchObject({ used: 700, remaining: 300, percentUsed: 70, byMember: {}, byAction: {} });
    expect(p.observed).toEqual({
      credits: 700,
      readings: 3,
      lastReadingAt: iso('2026-03-04T09:00:00Z'),
      backwards: [],
    });
  });

  test('a reading after asOf does not exist yet; a dismissed one never counts', () => {
    const l = fedBy([
      reading('2026-03-02T09:00:00Z', { remaining: 800 }),
      reading('2026-03-02T12:00:00Z', { remaining: 100 }, { dismissed: true }),
      reading('2026-03-03T09:00:00Z', { remaining: 700 }),
    ]);
    expect(poolAt(l, '2026-03-02T23:00:00Z').used).toBe(200);
    expect(poolAt(l, '2026-03-03T09:00:00Z').used).toBe(300);
  });

  test('a new period starts from zero: its first reading covers the time since the reset', () => {
    // Mar 31 shows 900 used; Apr 1 09:00 shows 30 used, in April's period: used 30, not −870.
    const l = fedBy([
      reading('2026-03-31T09:00:00Z', { used: 900 }),
      reading('2026-04-01T09:00:00Z', { used: 30 }),
    ]);
    const p = poolAt(l, '2026-04-01T10:00:00Z');
    expect(p).toMatchObject({ periodStart: iso('2026-04-01T00:00:00Z'), used: 30, remaining: 970 });
    expect(p.observed?.backwards).toEqual([]);
  });

  test('a grant between readings is part of what the page shows: only the rest is usage', () => {
    // 1,000 + a 500 bonus on Mar 2 12:00. Remaining 800 (used 200), then 1,100 of 1,500: used 400.
    const l = fedBy(
      [
        reading('2026-03-02T09:00:00Z', { remaining: 800 }),
        reading('2026-03-03T09:00:00Z', { remaining: 1100 }),
      ],
      1000,
      {
        grants: [grant({ credits: 500, grantedAt: '2026-03-02T12:00:00Z' })],
      },
    );
    expect(poolAt(l, '2026-03-03T10:00:00Z')).toMatchObject({ available: 1500, used: 400, remaining: 1100 });
  });

  test('readings mixed with calls: a reading adds only what the calls did not explain', () => {
    // Remaining 900 (used 100); a call of 30; then remaining 820: 180 used, of which 50 unexplained.
    const l = fedBy(
      [
        reading('2026-03-02T09:00:00Z', { remaining: 900 }),
        reading('2026-03-03T09:00:00Z', { remaining: 820 }),
      ],
      1000,
      {
        events: [charge('2026-03-02T15:00:00Z', 30)],
      },
    );
    const p = poolAt(l, '2026-03-03T10:00:00Z');
    expect(p).toMatchObject({ used: 180, byMember: { ana: 30 } });
    expect(p.observed?.credits).toBe(150);
  });
});

describe('thresholds are reached between the reading before and this one', () => {
  const l = fedBy([
    reading('2026-03-02T09:00:00Z', { remaining: 800 }),
    reading('2026-03-03T09:00:00Z', { remaining: 450 }),
    reading('2026-03-04T09:00:00Z', { remaining: 80 }),
    reading('2026-03-05T09:00:00Z', { remaining: 0 }),
  ]);

  test('each mark carries the instant of the reading that showed it', () => {
    // 550 of 1,000 by Mar 3 09:00 (50 %), 920 by Mar 4 09:00 (90 %), 1,000 by Mar 5 09:00 (dry).
    const p = poolAt(l, '2026-03-05T12:00:00Z');
    expect(p.thresholds).toEqual([
      { percent: 50, reachedAt: iso('2026-03-03T09:00:00Z') },
      { percent: 90, reachedAt: iso('2026-03-04T09:00:00Z') },
      { percent: 100, reachedAt: iso('2026-03-05T09:00:00Z') },
    ]);
    expect(p.exhaustedAt).toBe(iso('2026-03-05T09:00:00Z'));
  });

  test('the alerts say between which readings it happened', () => {
    const messages = alertsAt(l, '2026-03-05T12:00:00Z').map((a) => [a.kind, a.percent, a.message]);
    expect(messages).toContainEqual([
      'threshold',
      50,
      'Acme: 50% of the integration pool used between the reading of 2026-03-02 09:00 UTC and the reading of 2026-03-03 09:00 UTC; it resets on 2026-04-01.',
    ]);
    expect(messages).toContainEqual([
      'exhausted',
      100,
      'Acme: the integration pool ran dry between the reading of 2026-03-04 09:00 UTC and the reading of 2026-03-05 09:00 UTC; calls that cost credits are refused until it resets on 2026-04-01.',
    ]);
  });

  test("a first reading past a mark says since the period's start", () => {
    const first = fedBy([reading('2026-03-10T09:00:00Z', { used: 600 })]);
    const [alert] = alertsAt(first, '2026-03-10T10:00:00Z', 'threshold');
    expect(alert?.message).toContain(
      "50% of the integration pool used between the period's start (2026-03-01 00:00 UTC) and the reading of 2026-03-10 09:00 UTC",
    );
  });
});

describe('forecast from readings', () => {
  test('a single reading: the burn rate from the period start, a ±50 % range', () => {
    // 400 used by Mar 11 00:00 over 10 days: 40 a day. The projection runs from the reading:
    // 21 days to Apr 1 → 400 + 40 × 21 = 1,240; 600 left / 40 = 15 days → Mar 26 00:00. One
    // observation says nothing about the spread: 400 + 840 × 0.5 = 820 to 400 + 840 × 1.5 = 1,660.
    const p = poolAt(fedBy([reading('2026-03-11T00:00:00Z', { used: 400 })]), '2026-03-12T00:00:00Z');
    expect(p.forecast).toEqual({
      burnPerDay: 40,
      projectedUsed: 1240,
      low: 820,
      high: 1660,
      runsOutAt: iso('2026-03-26T00:00:00Z'),
      from: iso('2026-03-11T00:00:00Z'),
    });
  });

  test('weekday readings: the last 7 days before the latest reading, a weekend spread over its days', () => {
    // Mar 2 is a Monday. Remaining 900, 860, 820, 780, 740 (Mon-Fri 09:00), then 620 on Mon 9 09:00.
    // Window (Mar 2 09:00, Mar 9 09:00]: 4 × 40 + 120 = 280 over 7 days = 40 a day. Used 380.
    // From Mar 9 09:00, 22.625 days to Apr 1: 380 + 40 × 22.625 = 1,285; 620 / 40 = 15.5 days →
    // Mar 24 21:00. Every whole day of the window holds 40 (the weekend's 120 spread over 3 days):
    // no spread, so low = high = 1,285. asOf an hour later changes nothing: 09:00-10:00 is unknown.
    const l = fedBy([
      reading('2026-03-02T09:00:00Z', { remaining: 900 }),
      reading('2026-03-03T09:00:00Z', { remaining: 860 }),
      reading('2026-03-04T09:00:00Z', { remaining: 820 }),
      reading('2026-03-05T09:00:00Z', { remaining: 780 }),
      reading('2026-03-06T09:00:00Z', { remaining: 740 }),
      reading('2026-03-09T09:00:00Z', { remaining: 620 }),
    ]);
    const expected = {
      burnPerDay: 40,
      projectedUsed: 1285,
      low: 1285,
      high: 1285,
      runsOutAt: iso('2026-03-24T21:00:00Z'),
    };
    expect(poolAt(l, '2026-03-09T09:00:00Z').forecast).toEqual(expected);
    // An hour later the projection still starts at the reading, and says so for the range's dates.
    expect(poolAt(l, '2026-03-09T10:00:00Z').forecast).toEqual({
      ...expected,
      from: iso('2026-03-09T09:00:00Z'),
    });
  });

  test('the daily chart spreads a reading over the days since the one before', () => {
    // 120 over Fri 6 09:00 → Mon 9 09:00 (72 h): Fri 15 h = 25, Sat 40, Sun 40, Mon 9 h = 15.
    // The first reading covers Mar 1 00:00 → Mar 6 09:00 (129 h): 260 × 24/129 a whole day.
    const l = fedBy([
      reading('2026-03-06T09:00:00Z', { remaining: 740 }),
      reading('2026-03-09T09:00:00Z', { remaining: 620 }),
    ]);
    const { current } = evaluateLedger(l, { asOf: ms('2026-03-09T12:00:00Z') }).pools[0]!;
    const day = (d: string) => current.byDay.get(ms(d) / 86_400_000) ?? 0;
    expect(day('2026-03-02')).toBeCloseTo((260 * 24) / 129, 9);
    expect(day('2026-03-06')).toBeCloseTo((260 * 9) / 129 + 25, 9);
    expect(day('2026-03-07')).toBeCloseTo(40, 9);
    expect(day('2026-03-08')).toBeCloseTo(40, 9);
    expect(day('2026-03-09')).toBeCloseTo(15, 9);
    expect([...current.byDay.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(380, 9);
  });
});

describe('a reading that goes backwards is kept and flagged, never subtracted', () => {
  test('more left than counted with no grant: flagged with how much, the count stays', () => {
    // 800 left (used 200), then 900 left: 100 more than counted. Then 700 left: used 300.
    const back = reading('2026-03-03T09:00:00Z', { remaining: 900 });
    const l = fedBy([
      reading('2026-03-02T09:00:00Z', { remaining: 800 }),
      back,
      reading('2026-03-04T09:00:00Z', { remaining: 700 }),
    ]);
    const p3 = poolAt(l, '2026-03-03T10:00:00Z');
    expect(p3).toMatchObject({ used: 200, remaining: 800 });
    expect(p3.observed?.backwards).toEqual([{ id: back.id, at: iso('2026-03-03T09:00:00Z'), by: 100 }]);
    expect(poolAt(l, '2026-03-04T10:00:00Z')).toMatchObject({ used: 300, remaining: 700 });
  });

  test('answered as a top-up: the grant explains it and nothing is flagged', () => {
    // A 150 top-up on Mar 3 08:00: 1,150 available; 900 left means 250 used (50 since Mar 2).
    const l = fedBy(
      [
        reading('2026-03-02T09:00:00Z', { remaining: 800 }),
        reading('2026-03-03T09:00:00Z', { remaining: 900 }),
      ],
      1000,
      {
        grants: [grant({ kind: 'top-up', credits: 150, grantedAt: '2026-03-03T08:00:00Z' })],
      },
    );
    const p = poolAt(l, '2026-03-03T10:00:00Z');
    expect(p).toMatchObject({ available: 1150, used: 250, remaining: 900 });
    expect(p.observed?.backwards).toEqual([]);
  });

  test('answered as a mistake: dismissed, it is left out', () => {
    const l = fedBy([
      reading('2026-03-02T09:00:00Z', { remaining: 800 }),
      reading('2026-03-03T09:00:00Z', { remaining: 900 }, { dismissed: true }),
    ]);
    expect(poolAt(l, '2026-03-03T10:00:00Z').observed).toMatchObject({ readings: 1, backwards: [] });
  });
});

describe('a month of readings equals a month of the equivalent events', () => {
  // Daily readings at 09:00 through March and into April; the equivalent events are one call per
  // reading, at its instant, charged the difference. Usage varies by weekday so the range is not trivial.
  const perDay = [35, 60, 52, 48, 71, 20, 12];
  const readings: Reading[] = [];
  const events: UsageEvent[] = [];
  let used = 0;
  let month = 3;
  for (let d = 0; d < 34; d++) {
    const at = new Date(ms('2026-03-01T09:00:00Z') + d * 86_400_000);
    if (at.getUTCMonth() + 1 !== month) {
      month = at.getUTCMonth() + 1;
      used = 0;
    }
    const delta = perDay[d % 7]! + (d % 3);
    used += delta;
    const instant = at.toISOString();
    readings.push(reading(instant, { remaining: 1500 - used }));
    events.push(charge(instant, delta));
  }
  const byReadings = fedBy(readings, 1500);
  const byEvents = ledger({ workspaces: [workspace({ pools: pool(1500) })], events });

  test('the same balance, thresholds, forecast and alerts at every reading', () => {
    for (const r of readings) {
      const a = evaluate(byReadings, r.at);
      const b = evaluate(byEvents, r.at);
      const pa = a.pools[0]!;
      const pb = b.pools[0]!;
      for (const field of [
        'periodStart',
        'used',
        'remaining',
        'percentUsed',
        'exhaustedAt',
        'thresholds',
        'forecast',
      ] as const)
        expect(pa[field], `${field} at ${r.at}`).toEqual(pb[field]);
      expect(a.alerts.map((x) => [x.key, x.at])).toEqual(b.alerts.map((x) => [x.key, x.at]));
    }
  });
});
