import { describe, expect, it } from 'vitest';
import {
  forecastText,
  runsOutAtFor,
  type ForecastInput,
} from '../../../src-renderer/components/forecast-text';

const asOf = Date.parse('2026-11-21T00:00:00Z');
const base: ForecastInput = {
  used: 30_000,
  remaining: 20_000,
  available: 50_000,
  periodEnd: '2026-12-01T00:00:00Z',
  exhaustedAt: null,
  blockedCalls: 0,
  forecast: {
    burnPerDay: 2_500,
    projectedUsed: 55_000,
    low: 48_000,
    high: 70_000,
    runsOutAt: '2026-11-29T00:00:00Z',
  },
};

describe('forecastText', () => {
  it('names the run-dry day and how long before the reset, with the range as dates', () => {
    const f = forecastText(base, asOf);
    expect(f.sentence).toBe('At this pace runs dry on Nov 29, 2 days before the reset.');
    // high 70,000 → 4,000/day → 5 days; low 48,000 lasts past the reset.
    expect(f.range).toBe('Range: as early as Nov 26, or it may last to the reset.');
    expect(f.tone).toBe('warn');
  });

  it('gives a date range when even the low end runs dry', () => {
    const f = forecastText({ ...base, forecast: { ...base.forecast, low: 52_000, high: 70_000 } }, asOf);
    // low 52,000 → 2,200/day → 9.09 days → Nov 30.
    expect(f.range).toBe('Range: Nov 26 to Nov 30.');
  });

  it('says hours when the pool runs dry on the reset day', () => {
    const f = forecastText(
      { ...base, forecast: { ...base.forecast, runsOutAt: '2026-11-30T19:00:00Z' } },
      asOf,
    );
    expect(f.sentence).toBe('At this pace runs dry on Nov 30, 5 hours before the reset.');
  });

  it('projects the use at the reset when the pool lasts', () => {
    const f = forecastText(
      {
        ...base,
        forecast: { burnPerDay: 1_000, projectedUsed: 40_000, low: 36_000, high: 44_500, runsOutAt: null },
      },
      asOf,
    );
    expect(f.sentence).toBe('At this pace 40,000 of 50,000 used by the reset.');
    expect(f.range).toBe('Range: 36,000 to 44,500.');
  });

  it('says when it ran dry and how many calls were blocked', () => {
    const f = forecastText(
      { ...base, used: 50_000, remaining: 0, exhaustedAt: '2026-11-20T15:42:00Z', blockedCalls: 134 },
      asOf,
    );
    expect(f.sentence).toBe('Ran dry on Nov 20, 3:42 PM; 134 calls blocked since.');
    expect(f.tone).toBe('exhausted');
  });

  it('says so when nothing ran lately', () => {
    expect(
      forecastText({ ...base, forecast: { ...base.forecast, burnPerDay: 0, runsOutAt: null } }, asOf).tone,
    ).toBe('idle');
  });
});

describe('runsOutAtFor', () => {
  it('spreads the projected use evenly over the days left', () => {
    expect(runsOutAtFor(70_000, base, asOf)).toBe(asOf + 5 * 86_400_000);
    expect(runsOutAtFor(45_000, base, asOf)).toBeNull();
  });
});
