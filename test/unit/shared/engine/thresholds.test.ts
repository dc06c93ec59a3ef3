import { describe, expect, test } from 'vitest';
import { charge, grant, iso, ledger, pool, poolAt, workspace } from '../helpers/ledger-builders';

/** Charges on consecutive days from Mar 2 (charge i on March i + 2). */
function daily(prices: number[]) {
  return prices.map((c, i) => charge(`2026-03-${String(i + 2).padStart(2, '0')}T00:00:00Z`, c));
}

const day = (d: number | null) =>
  d === null ? null : iso(`2026-03-${String(d).padStart(2, '0')}T00:00:00Z`);

describe('percentUsed = used / available × 100, two decimals', () => {
  test.each<[number, number[], number]>([
    [1000, [], 0],
    [1000, [5], 0.5],
    [300, [100], 33.33], // 33.333…
    [300, [200], 66.67], // 66.666… rounds up
    [7, [1], 14.29], // 14.2857…
    [6, [1], 16.67], // 16.666…
    [8, [1], 12.5],
    [1000, [999], 99.9],
    [100, [60, 40], 100],
  ])('allowance %i, charges %j: %f %', (allowance, prices, percent) => {
    const p = poolAt(
      ledger({ workspaces: [workspace({ pools: pool(allowance) })], events: daily(prices) }),
      '2026-03-31T00:00:00Z',
    );
    expect(p.percentUsed).toBe(percent);
  });

  test('counts the bonus in available', () => {
    // 100 + 20 = 120 available; 30 used: 25 %.
    const l = ledger({
      grants: [grant({ credits: 20, grantedAt: '2026-03-01T00:00:00Z' })],
      events: daily([30]),
    });
    expect(poolAt(l, '2026-03-31T00:00:00Z').percentUsed).toBe(25);
  });
});

describe('a threshold’s reachedAt: the first charged event after which used ≥ threshold % of available', () => {
  // Allowance 100, default thresholds 50, 90, 100.
  test.each<[string, number[], [number | null, number | null, number | null]]>([
    // 30 → 55 (Mar 3) → 90 (Mar 4, exactly 90 counts) → 100 (Mar 5)
    ['one by one', [30, 25, 35, 10], [3, 4, 5]],
    ['one call jumping past 50 and 90 reaches both at its instant', [95], [2, 2, null]],
    ['exactly 50', [50], [2, null, null]],
    ['49 is not 50', [49], [null, null, null]],
    // 49, then a free call (Mar 3) that changes nothing, then 1 (Mar 4): 50 %
    ['a free call reaches nothing', [49, 0, 1], [4, null, null]],
    // 85 (Mar 2); 20 is blocked (15 left) on Mar 3; 5 on Mar 4 makes 90
    ['a blocked call reaches nothing', [85, 20, 5], [2, 4, null]],
  ])('%s', (_name, prices, [at50, at90, at100]) => {
    const p = poolAt(ledger({ events: daily(prices) }), '2026-03-31T00:00:00Z');
    expect(p.thresholds).toEqual([
      { percent: 50, reachedAt: day(at50) },
      { percent: 90, reachedAt: day(at90) },
      { percent: 100, reachedAt: day(at100) },
    ]);
  });

  test('configured thresholds replace the defaults', () => {
    // 20 (Mar 2), 30 (Mar 3) ≥ 25, 80 (Mar 4) ≥ 75.
    const l = ledger({ workspaces: [workspace({ thresholds: [25, 75] })], events: daily([20, 10, 50]) });
    expect(poolAt(l, '2026-03-31T00:00:00Z').thresholds).toEqual([
      { percent: 25, reachedAt: day(3) },
      { percent: 75, reachedAt: day(4) },
    ]);
  });

  test('a bonus granted later does not undo a threshold already reached', () => {
    // 60 of 100 on Mar 2 is 60 %: 50 reached. +100 on Mar 3: now 60 of 200 = 30 %.
    const l = ledger({
      grants: [grant({ credits: 100, grantedAt: '2026-03-03T00:00:00Z' })],
      events: daily([60]),
    });
    const p = poolAt(l, '2026-03-10T00:00:00Z');
    expect(p.percentUsed).toBe(30);
    expect(p.thresholds[0]).toEqual({ percent: 50, reachedAt: day(2) });
  });

  test('a bonus granted earlier raises the bar', () => {
    // +100 on Mar 1: 200 available. 60 (Mar 2) is 30 %; 60 + 45 = 105 (Mar 4) is 52.5 %.
    const l = ledger({
      grants: [grant({ credits: 100, grantedAt: '2026-03-01T00:00:00Z' })],
      events: daily([60, 0, 45]),
    });
    expect(poolAt(l, '2026-03-10T00:00:00Z').thresholds[0]).toEqual({ percent: 50, reachedAt: day(4) });
  });

  describe('a bonus expiring mid-period', () => {
    // Allowance 100, +300 on Mar 1 expiring Mar 10. 150 on Mar 2 come from the bonus (it expires
    // first): 150 / 400 = 37.5 %. On Mar 10 its unspent 150 leave: available 250, 150 / 250 = 60 %.
    // A free call on Mar 11 charges nothing; 1 credit on Mar 12 makes 151 / 250 = 60.4 %.
    const l = ledger({
      grants: [grant({ credits: 300, grantedAt: '2026-03-01T00:00:00Z', expiresAt: '2026-03-10T00:00:00Z' })],
      events: [
        charge('2026-03-02T00:00:00Z', 150),
        charge('2026-03-11T00:00:00Z', 0),
        charge('2026-03-12T00:00:00Z', 1),
      ],
    });

    test('raises percentUsed when it leaves', () => {
      expect(poolAt(l, '2026-03-05T00:00:00Z')).toMatchObject({ available: 400, percentUsed: 37.5 });
      expect(poolAt(l, '2026-03-11T12:00:00Z')).toMatchObject({
        bonus: 150,
        available: 250,
        remaining: 100,
        percentUsed: 60,
      });
    });

    test('the threshold is reached by the next charged event, not by the expiry or a free call', () => {
      expect(poolAt(l, '2026-03-13T00:00:00Z')).toMatchObject({ percentUsed: 60.4, remaining: 99 });
      expect(poolAt(l, '2026-03-13T00:00:00Z').thresholds[0]).toEqual({ percent: 50, reachedAt: day(12) });
    });

    test('before that charged event, no event has reached it yet', () => {
      // Read literally: 60 % is shown, but no charged event has been followed by used ≥ 50 %.
      expect(poolAt(l, '2026-03-11T12:00:00Z').thresholds[0]).toEqual({ percent: 50, reachedAt: null });
    });
  });

  test('thresholds start over each period', () => {
    const l = ledger({ events: [...daily([95]), charge('2026-04-02T00:00:00Z', 10)] });
    expect(poolAt(l, '2026-04-10T00:00:00Z').thresholds.map((t) => t.reachedAt)).toEqual([null, null, null]);
  });
});
