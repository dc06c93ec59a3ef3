import { describe, expect, it } from 'vitest';
import {
  overridesFromSettings,
  thresholdPercents,
  thresholdsInForce,
} from '../../../../src-main/app/threshold-overrides';

describe('thresholds a lead sets', () => {
  it.each([
    ['percent, sorted and deduplicated', { unit: 'percent', values: [90, 50, 90] }, 50_000, [50, 90]],
    ['credits of a 50,000 pool', { unit: 'credits', values: [25_000, 45_000] }, 50_000, [50, 90]],
    ['credits past what the pool holds stop at 100 %', { unit: 'credits', values: [60_000] }, 50_000, [100]],
    ['credits of an empty pool are all reached', { unit: 'credits', values: [10] }, 0, [100]],
    ['a tiny credit threshold never becomes 0 %', { unit: 'credits', values: [1] }, 30_000, [0.01]],
    ['1,000 of 3,000 is 33.33 %', { unit: 'credits', values: [1_000] }, 3_000, [33.33]],
  ] as const)('%s', (_name, setting, allowance, percents) => {
    expect(thresholdPercents(setting as never, allowance)).toEqual(percents);
  });
});

describe('the thresholds in force for a pool, and where they come from', () => {
  const none = { thresholds: {}, poolThresholds: {} };
  // A Base44 workspace whose account sets 50, 75, 90 and 100 on its card.
  const b44 = { id: 'b44', thresholds: [50, 75, 90, 100] };

  it("shows the account's thresholds when the lead set none (not 50, 90, 100 and 'the defaults')", () => {
    expect(thresholdsInForce(none, b44, 'integration', 10_000)).toEqual({
      source: 'account',
      unit: 'percent',
      values: [50, 75, 90, 100],
      percents: [50, 75, 90, 100],
      account: [50, 75, 90, 100],
    });
    expect(thresholdsInForce(none, { id: 'zite' }, 'integration', 50_000)).toMatchObject({
      source: 'default',
      values: [50, 90, 100],
    });
  });

  it("the lead's for a pool beat the lead's for the workspace, which beat the account's", () => {
    const settings = {
      thresholds: { b44: { unit: 'percent' as const, values: [60, 95] } },
      poolThresholds: { b44: { message: { unit: 'credits' as const, values: [2_000, 1_000] } } },
    };
    expect(thresholdsInForce(settings, b44, 'integration', 10_000)).toMatchObject({
      source: 'workspace',
      values: [60, 95],
    });
    // Credits in force read as set, each with the percent of the 2,500-credit pool the engine marks.
    expect(thresholdsInForce(settings, b44, 'message', 2_500)).toEqual({
      source: 'pool',
      unit: 'credits',
      values: [1_000, 2_000],
      percents: [40, 80],
      // What "Reset to the account's" goes back to.
      account: [50, 75, 90, 100],
    });
  });

  it("become engine overrides per pool, credits against each pool's own allowance", () => {
    const pools: Record<string, { pool: 'integration' | 'message'; allowance: number }[]> = {
      // Base44: 10,000 integration and 2,500 message credits; 5,000 credits is 50 % of the one and
      // 200 % (kept at 100 %) of the other, so a workspace-wide credit threshold differs per pool.
      b44: [
        { pool: 'integration', allowance: 10_000 },
        { pool: 'message', allowance: 2_500 },
      ],
      team: [{ pool: 'integration', allowance: 1_000_000 }],
    };
    const overrides = overridesFromSettings(
      {
        thresholds: {
          b44: { unit: 'credits', values: [5_000] },
          team: { unit: 'percent', values: [70] },
          gone: { unit: 'credits', values: [1] },
        },
        poolThresholds: { b44: { message: { unit: 'percent', values: [80] } } },
        budgets: { b44: { ana: 4_000 }, team: {} },
      },
      (id) => pools[id] ?? null,
    );
    expect(overrides).toEqual({
      b44: { poolThresholds: { integration: [50], message: [80] }, budgets: { ana: 4_000 } },
      team: { poolThresholds: { integration: [70] } },
    });
  });
});
