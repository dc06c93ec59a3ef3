import { describe, expect, it } from 'vitest';
import { settingsPatchSchema } from '../../../../src-shared/settings/settings';

describe('what a settings patch may save', () => {
  it('refuses a budget of 1.5 credits: credits are whole, so no alert can say "the budget of 1.5"', () => {
    expect(settingsPatchSchema.safeParse({ budgets: { acme: { ana: 1.5 } } }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ budgets: { acme: { ana: 10_000 } } }).success).toBe(true);
  });

  it('takes thresholds per pool, credit ones in whole credits', () => {
    const pool = (values: number[]) => ({
      poolThresholds: { b44: { message: { unit: 'credits', values } } },
    });
    expect(settingsPatchSchema.safeParse(pool([250])).success).toBe(true);
    expect(settingsPatchSchema.safeParse(pool([250.5])).success).toBe(false);
    expect(
      settingsPatchSchema.safeParse({ poolThresholds: { b44: { chat: { unit: 'percent', values: [50] } } } })
        .success,
    ).toBe(false);
    // Percent thresholds may keep a fraction (a credit threshold converted to percent is one).
    expect(
      settingsPatchSchema.safeParse({ thresholds: { b44: { unit: 'percent', values: [33.33] } } }).success,
    ).toBe(true);
  });
});
