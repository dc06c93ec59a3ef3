import { describe, expect, it } from 'vitest';
import {
  overridesFromSettings,
  poolMarks,
  thresholdPercents,
} from '../../../../src-main/app/threshold-overrides';

describe('thresholds a lead sets', () => {
  it.each([
    ['percent, sorted and deduplicated', { unit: 'percent', values: [90, 50, 90] }, 50_000, [50, 90]],
    ['credits of a 50,000 pool', { unit: 'credits', values: [25_000, 45_000] }, 50_000, [50, 90]],
    ['credits past what the pool holds stop at 100 %', { unit: 'credits', values: [60_000] }, 50_000, [100]],
    ['credits of an empty pool are all reached', { unit: 'credits', values: [10] }, 0, [100]],
    ['a tiny credit threshold never becomes 0 %', { unit: 'credits', values: [1] }, 30_000, [0.01]],
    ['1,000 of 3,000 is 33.33 %', { unit: 'credits', values: [1_000] }, 3_000, [33.33]],
  ] as const)('%s', (_name, setting, available, percents) => {
    expect(thresholdPercents(setting as never, available)).toEqual(percents);
  });

  it('marks fall back to the workspace thresholds, then to 50, 90 and 100', () => {
    expect(poolMarks(undefined, undefined, 1000)).toEqual([50, 90, 100]);
    expect(poolMarks(undefined, [75, 100], 1000)).toEqual([75, 100]);
    expect(poolMarks({ unit: 'credits', values: [250] }, [75, 100], 1000)).toEqual([25]);
  });

  it('become engine overrides: credit thresholds against the first pool, budgets as they are', () => {
    const allowances: Record<string, number> = { pro: 50_000, team: 1_000_000 };
    const overrides = overridesFromSettings(
      {
        thresholds: {
          pro: { unit: 'credits', values: [5_000] },
          team: { unit: 'percent', values: [70] },
          gone: { unit: 'credits', values: [1] },
        },
        budgets: { pro: { ana: 4_000 }, team: {} },
      },
      (id) => allowances[id] ?? null,
    );
    expect(overrides).toEqual({
      pro: { thresholds: [10], budgets: { ana: 4_000 } },
      team: { thresholds: [70] },
    });
  });
});
