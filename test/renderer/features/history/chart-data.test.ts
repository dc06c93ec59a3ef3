import { describe, expect, it } from 'vitest';
import {
  compareDaily,
  comparePools,
  crossings,
  dailySeries,
  isDaysReport,
  poolKey,
  reviewSeries,
  totalsOf,
} from '../../../../src-renderer/features/history/chart-data';
import type { PeriodReportJson } from '../../../../src-shared/engine/report-json';
import {
  daysReport,
  novemberReport,
  octoberReport,
  periodReport,
  septemberReport,
} from '../../fixtures/report';

describe('history chart data', () => {
  it('orders the days of a reviewed pool', () => {
    const s = dailySeries(periodReport({ byDay: { '2026-10-02': 5, '2026-10-01': 3 } }));
    expect(s).toEqual({ days: ['2026-10-01', '2026-10-02'], values: [3, 5] });
  });

  it('aligns two months day by day, padding the shorter one', () => {
    const oct = periodReport();
    const sep = septemberReport().pools[0] as PeriodReportJson;
    const c = compareDaily(oct, sep);
    expect(c.labels).toHaveLength(31);
    expect(c.labels[0]).toBe('1');
    expect(c.a[30]).toBe(oct.byDay['2026-10-31']);
    expect(c.b[29]).toBe(1_100);
    expect(c.b[30]).toBeNull();
    expect(compareDaily(oct, undefined).b.every((v) => v === null)).toBe(true);
  });

  it('lists threshold crossings in time order, unreached last', () => {
    const p = periodReport({
      thresholds: [
        { percent: 100, reachedAt: null },
        { percent: 90, reachedAt: '2026-10-28T00:00:00Z' },
        { percent: 50, reachedAt: '2026-10-17T00:00:00Z' },
        { percent: 75, reachedAt: null },
      ],
    });
    expect(crossings(p).map((t) => t.percent)).toEqual([50, 90, 75, 100]);
  });

  it('reads totals whatever the reset', () => {
    expect(totalsOf(periodReport({ used: 10, available: 20, percentUsed: 50, blockedCalls: 1 }))).toEqual({
      used: 10,
      available: 20,
      percentUsed: 50,
      blockedCalls: 1,
    });
    const d = daysReport();
    expect(isDaysReport(d)).toBe(true);
    expect(totalsOf(d)).toEqual({ used: d.used, available: null, percentUsed: null, blockedCalls: 12 });
  });

  it('pairs the pools of two months and says the change', () => {
    const rows = comparePools(octoberReport(), septemberReport());
    expect(rows.map((r) => r.key)).toEqual([
      'zite-pro:integration',
      'base44-studio:integration',
      'base44-studio:message',
    ]);
    const zite = rows[0]!;
    expect(zite.difference).toBe(37_700 - 33_000);
    expect(zite.differencePercent).toBe(14.24);
    expect(rows[1]!.b).toBeUndefined();
    expect(rows[1]!.differencePercent).toBeNull();
    expect(poolKey({ workspaceId: 'w', pool: 'message' })).toBe('w:message');
  });
});

describe('the running month’s projection in History', () => {
  it('is marked where it runs the pool dry, as on the workspace screen', () => {
    // Zite Pro on Nov 21 with 21,000 of 50,000 used, now projected to 60,000: dry on Nov 28.
    const running = novemberReport().pools[0] as PeriodReportJson;
    const busy = {
      ...running,
      forecast: {
        ...running.forecast,
        projectedUsed: 60_000,
        high: 64_000,
        runsOutAt: '2026-11-28T06:00:00.000Z',
      },
    };
    const label = (at: number) => `runs dry ${new Date(at).toISOString().slice(0, 10)}`;
    expect(reviewSeries(busy, label).projection?.crossing).toEqual({
      value: 50_000,
      label: 'runs dry 2026-11-28',
    });
    // The same month at its real pace (30,600 by the reset) lasts: nothing to mark.
    expect(reviewSeries(running, label).projection?.crossing).toBeUndefined();
  });
});
