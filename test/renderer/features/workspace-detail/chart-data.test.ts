import { describe, expect, it } from 'vitest';
import {
  cumulative,
  dailyValues,
  dayIndexOf,
  periodChartData,
  periodDays,
  projectionOf,
  thresholdLines,
} from '../../../../src-renderer/features/workspace-detail/chart-data';
import { AS_OF, poolCard } from '../../fixtures/snapshot';

describe('workspace chart data', () => {
  it('lists every UTC day of the period, end excluded', () => {
    const days = periodDays('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z');
    expect(days).toHaveLength(30);
    expect(days[0]).toBe('2026-11-01');
    expect(days[29]).toBe('2026-11-30');
    expect(periodDays('2026-02-15T00:00:00Z', '2026-03-15T00:00:00Z')).toHaveLength(28);
  });

  it('fills days without use with 0 and runs the total up to today only', () => {
    const days = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04'];
    const daily = dailyValues(days, { '2026-11-01': 10, '2026-11-03': 5.5 });
    expect(daily).toEqual([10, 0, 5.5, 0]);
    expect(cumulative(daily, 2)).toEqual([10, 10, 15.5, null]);
  });

  it('finds today in the period, clamped to its ends', () => {
    const days = ['2026-11-01', '2026-11-02'];
    expect(dayIndexOf(days, '2026-11-02T10:00:00Z')).toBe(1);
    expect(dayIndexOf(days, '2026-10-30T10:00:00Z')).toBe(0);
    expect(dayIndexOf(days, '2026-12-30T10:00:00Z')).toBe(1);
  });

  it('turns percent marks into credit lines of the pool', () => {
    expect(thresholdLines([90, 50], 50_000)).toEqual([
      { value: 25_000, label: '50%' },
      { value: 45_000, label: '90%' },
    ]);
  });

  it('projects from today to the last day, and not once the pool is dry', () => {
    const pool = poolCard();
    expect(projectionOf(pool, 20, 30)).toEqual({
      fromIndex: 20,
      fromValue: 31_000,
      toIndex: 29,
      value: 52_700,
      low: 47_800,
      high: 57_900,
    });
    expect(projectionOf({ ...pool, exhaustedAt: '2026-11-20T00:00:00Z' }, 20, 30)).toBeNull();
    expect(projectionOf(pool, 29, 30)).toBeNull();
  });

  it('says where a projection past the pool crosses what it holds, in the words the caller gives', () => {
    // The fixture pool holds 50,000 and is projected to 52,700: it runs dry before the reset.
    const pool = {
      ...poolCard(),
      forecast: { ...poolCard().forecast, runsOutAt: '2026-11-28T06:00:00.000Z' },
    };
    const projection = projectionOf(
      pool,
      20,
      30,
      (at) => `runs dry ${new Date(at).toISOString().slice(0, 10)}`,
    );
    expect(projection?.crossing).toEqual({ value: 50_000, label: 'runs dry 2026-11-28' });
    // One that lasts to the reset crosses nothing.
    const lasts = { ...pool, forecast: { ...pool.forecast, projectedUsed: 48_000, runsOutAt: null } };
    expect(projectionOf(lasts, 20, 30, () => 'never')?.crossing).toBeUndefined();
  });

  it('prepares both charts of a pool at once', () => {
    const pool = poolCard();
    const data = periodChartData(pool, AS_OF, (d) => d.slice(8));
    expect(data.labels[0]).toBe('01');
    expect(data.todayIndex).toBe(20);
    expect(data.cumulative[20]).toBe(Object.values(pool.byDay).reduce((s, v) => s + v, 0));
    expect(data.cumulative[21]).toBeNull();
    expect(data.lines.map((l) => l.value)).toEqual([25_000, 45_000, 50_000]);
    expect(data.busiest?.credits).toBe(Math.max(...Object.values(pool.byDay)));
  });

  it('fed by readings, stops the total at the last reading and projects from there', () => {
    // The last reading on Nov 18 (index 17), three days before today (Nov 21, index 20): what was
    // used since is not known, so the line is not drawn flat through Nov 19-21.
    const pool = poolCard({ forecast: { ...poolCard().forecast, from: '2026-11-18T09:00:00.000Z' } });
    const data = periodChartData(pool, AS_OF, (d) => d.slice(8));
    expect(data.todayIndex).toBe(20);
    expect(data.cumulative[17]).not.toBeNull();
    expect(data.cumulative[18]).toBeNull();
    expect(data.projection).toMatchObject({ fromIndex: 17, fromValue: pool.used, toIndex: 29 });
  });
});
