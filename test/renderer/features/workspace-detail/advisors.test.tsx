import { describe, expect, it } from 'vitest';
import { planFitVerdict } from '../../../../src-renderer/features/workspace-detail/advisors';

const fit = {
  closedPeriods: 6,
  demand: [18_000, 21_000, 25_000, 30_000, 42_000, 44_000],
  // 90th percentile by nearest rank of six periods: the 6th, 44,000.
  p90Demand: 44_000,
  ranDry: 0,
  currentPlan: 'team',
  currentAllowance: 1_000_000,
  coversP90: true,
  suggestion: { plan: 'pro', allowance: 50_000 },
  note: null,
};

describe("plan fit, in the period's terms", () => {
  it('names the smallest plan that covers the heavy period when the current one is far bigger', () => {
    expect(planFitVerdict(fit)).toBe('Pro (50,000) would do; you pay for Team (1,000,000).');
  });

  it('says the current plan covers it when it is already the smallest that does', () => {
    expect(planFitVerdict({ ...fit, currentPlan: 'pro', currentAllowance: 50_000 })).toBe(
      'Pro (50,000) covers it.',
    );
  });

  it('names the plan it would take when the current one is too small', () => {
    expect(
      planFitVerdict({
        ...fit,
        currentPlan: 'free',
        currentAllowance: 1_000,
        coversP90: false,
        ranDry: 6,
      }),
    ).toBe('Free (1,000) does not; Pro (50,000) would.');
  });
});
