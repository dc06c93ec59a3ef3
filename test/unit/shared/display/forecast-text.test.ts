import { describe, expect, it } from 'vitest';
import { forecastText, runsOutAtFor, type ForecastInput } from '../../../../src-shared/display/forecast-text';

const asOf = Date.parse('2026-11-21T00:00:00Z');
const clock = { asOf, now: asOf };
const style = { locale: 'en-US', timeZone: 'UTC' };
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
    const f = forecastText(base, clock, style);
    expect(f.sentence).toBe('At this pace runs dry on Nov\u00a029, ~2 days before the reset.');
    // high 70,000 → 4,000/day → 5 days; low 48,000 lasts past the reset.
    expect(f.range).toBe('Range: as early as Nov\u00a026, or it may last to the reset.');
    expect(f.tone).toBe('warn');
  });

  it('gives a date range when even the low end runs dry', () => {
    const f = forecastText(
      { ...base, forecast: { ...base.forecast, low: 52_000, high: 70_000 } },
      clock,
      style,
    );
    // low 52,000 → 2,200/day → 9.09 days → Nov 30.
    expect(f.range).toBe('Range: Nov\u00a026 to Nov\u00a030.');
  });

  it('says "around Dec 5" when both ends fall on one day, never "Dec 5 to Dec 5"', () => {
    // The demo's Marketing site: 25,019 left at ~10,848 a day on Dec 3, 07:00 UTC; the range is
    // tight, so both ends land on Dec 5: run-out in 25,019 / 10,848 = 2.31 days → Dec 5, 14:30.
    const input: ForecastInput = {
      used: 24_981,
      remaining: 25_019,
      available: 50_000,
      periodEnd: '2027-01-01T00:00:00Z',
      exhaustedAt: null,
      blockedCalls: 0,
      forecast: {
        burnPerDay: 10_848,
        projectedUsed: 330_000,
        low: 320_000,
        high: 340_000,
        runsOutAt: '2026-12-05T14:30:00Z',
      },
    };
    const at = Date.parse('2026-12-03T07:00:00Z');
    const f = forecastText(input, { asOf: at, now: at }, style);
    // Dec 5 14:30 to Jan 1 00:00 is 26 days 9.5 hours: counted down, 26 days.
    expect(f.sentence).toBe('At this pace runs dry around Dec\u00a05, ~26 days before the reset.');
    expect(f.range).toBeNull();
  });

  it('never shows a run-out or range bound in the past: the clock has moved on since the evaluation', () => {
    // Evaluated Nov 21; read on Nov 27 12:00 (no sync since): the high end's Nov 26 is past.
    const now = Date.parse('2026-11-27T12:00:00Z');
    const f = forecastText(base, { asOf, now }, style);
    expect(f.sentence).toBe('At this pace runs dry on Nov\u00a029, ~2 days before the reset.');
    expect(f.range).toBe('Range: as early as Nov\u00a027, or it may last to the reset.');
    // Read after the projected run-out itself (Nov 29, 06:00): it runs dry now, not "on Nov 29" in the
    // past; 1 day 18 hours are left to the reset: an estimate, to the nearest day ~2 days.
    const late = forecastText(base, { asOf, now: Date.parse('2026-11-29T06:00:00Z') }, style);
    expect(late.sentence).toBe('At this pace it runs dry within the hour, ~2 days before the reset.');
  });

  it('says hours when the pool runs dry on the reset day', () => {
    const f = forecastText(
      { ...base, forecast: { ...base.forecast, runsOutAt: '2026-11-30T19:00:00Z' } },
      clock,
      style,
    );
    expect(f.sentence).toBe('At this pace runs dry on Nov\u00a030, ~5 hours before the reset.');
  });

  it('projects the use at the reset when the pool lasts', () => {
    const f = forecastText(
      {
        ...base,
        forecast: { burnPerDay: 1_000, projectedUsed: 40_000, low: 36_000, high: 44_500, runsOutAt: null },
      },
      clock,
      style,
    );
    expect(f.sentence).toBe('At this pace 40,000 of 50,000 used by the reset.');
    expect(f.range).toBe('Range: 36,000 to 44,500.');
  });

  it('says when a dry pool ran dry and what was refused, not the demand as if it could be spent', () => {
    const f = forecastText(
      {
        ...base,
        used: 50_000,
        remaining: 0,
        exhaustedAt: '2026-11-20T15:42:00Z',
        blockedCalls: 134,
        forecast: { burnPerDay: 2_000, projectedUsed: 70_000, low: 60_000, high: 80_000, runsOutAt: null },
      },
      clock,
      style,
    );
    expect(f.sentence).toBe('Ran dry on Nov\u00a020, 3:42\u00a0PM; 134 calls refused since.');
    expect(f.sentence).not.toMatch(/70,000|by the reset/);
    expect(f.range).toBeNull();
    expect(f.tone).toBe('dry');
  });

  it("writes dates in the user's zone", () => {
    const f = forecastText(
      { ...base, used: 50_000, remaining: 0, exhaustedAt: '2026-11-20T23:30:00Z', blockedCalls: 1 },
      clock,
      { locale: 'en-GB', timeZone: 'Europe/Berlin' },
    );
    expect(f.sentence).toBe('Ran dry on 21\u00a0Nov, 00:30; 1 call refused since.');
  });

  it('says so when nothing ran lately', () => {
    expect(
      forecastText({ ...base, forecast: { ...base.forecast, burnPerDay: 0, runsOutAt: null } }, clock, style)
        .tone,
    ).toBe('idle');
  });
});

describe('runsOutAtFor', () => {
  it('spreads the projected use evenly over the days left', () => {
    expect(runsOutAtFor(70_000, base, asOf)).toBe(asOf + 5 * 86_400_000);
    expect(runsOutAtFor(45_000, base, asOf)).toBeNull();
  });
});

describe('a forecast fed by readings projects from the last reading', () => {
  it('puts the range around the run-out day, not two days later', () => {
    // Ops portal (Zite Pro, 20,000 typed by the lead): the period started Dec 1, 00:00 UTC; the one
    // reading, Dec 1 12:00, says 16,500 left: 3,500 in half a day → 7,000 a day. The engine projects
    // from the reading: 16,500 / 7,000 = 2.36 days → Dec 3, 20:34, the card's run-out. Read two days
    // later (Dec 3, 12:00), the range must still run from the reading. Days left from it: 30.5.
    // high = 3,500 + 1.5 × 7,000 × 30.5 = 323,750 → 10,500 a day → 16,500 / 10,500 = 1.57 days → Dec 3;
    // low = 3,500 + 0.5 × 7,000 × 30.5 = 110,250 → 3,500 a day → 4.71 days → Dec 6, 05:09.
    const reading = '2026-12-01T12:00:00.000Z';
    const asOf = Date.parse('2026-12-03T12:00:00Z');
    const input: ForecastInput = {
      used: 3_500,
      remaining: 16_500,
      available: 20_000,
      periodEnd: '2027-01-01T00:00:00Z',
      exhaustedAt: null,
      blockedCalls: 0,
      forecast: {
        burnPerDay: 7_000,
        projectedUsed: 3_500 + 7_000 * 30.5,
        low: 110_250,
        high: 323_750,
        runsOutAt: new Date(Date.parse(reading) + (16_500 / 7_000) * 86_400_000).toISOString(),
        from: reading,
      },
    };
    const f = forecastText(input, { asOf, now: asOf }, style);
    expect(f.sentence).toBe('At this pace runs dry on Dec\u00a03, ~28 days before the reset.');
    // The early end (Dec 3, 01:43) is already past: it reads as now, Dec 3.
    expect(f.range).toBe('Range: Dec\u00a03 to Dec\u00a06.');
  });
});
