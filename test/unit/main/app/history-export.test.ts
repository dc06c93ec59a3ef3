import { describe, expect, it } from 'vitest';
import { csvField, exportReport, reportCsv } from '../../../../src-main/app/history-export';
import type { ReportJson } from '../../../../src-shared/engine/report-json';

const report: ReportJson = {
  period: '2026-10',
  alerts: [],
  pools: [
    {
      workspaceId: 'acme',
      pool: 'integration',
      reset: 'calendar-month',
      periodState: 'closed',
      periodStart: '2026-10-01T00:00:00.000Z',
      periodEnd: '2026-11-01T00:00:00.000Z',
      resetsInSeconds: 0,
      allowance: 1000,
      bonus: 20,
      available: 1020,
      used: 1020,
      remaining: 0,
      percentUsed: 100,
      blockedCalls: 3,
      exhaustedAt: '2026-10-28T09:00:00.000Z',
      thresholds: [
        { percent: 50, reachedAt: '2026-10-12T10:00:00.000Z' },
        { percent: 90, reachedAt: '2026-10-25T10:00:00.000Z' },
      ],
      byAction: { email: 1000, db: 0, 'integration:slack': 20 },
      byMember: { ana: 1020 },
      byApp: { 'crm, "main"': 1020 },
      byDay: { '2026-10-01': 1000, '2026-10-02': 20 },
      forecast: { burnPerDay: 0, projectedUsed: 1020, low: 1020, high: 1020, runsOutAt: null },
      unknownActions: [],
      change: {
        previousPeriodStart: '2026-09-01T00:00:00.000Z',
        previousAsOf: '2026-10-01T00:00:00.000Z',
        previousUsed: 800,
        previousPercentUsed: 80,
        usedChange: 220,
        usedChangePercent: 27.5,
      },
    },
  ],
};

describe('the month export', () => {
  it.each([
    ['plain', 'Acme', 'Acme'],
    ['a comma', 'Acme, Inc', '"Acme, Inc"'],
    ['a quote', 'the "main" app', '"the ""main"" app"'],
    ['a formula', '=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['a leading minus', '-5', "'-5"],
  ])('quotes a field with %s', (_name, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes one fact a row: totals, crossings, the change, then day, member, action and app', () => {
    const lines = reportCsv(report, { acme: 'Acme' }, { acme: { ana: 'Ana Ruiz' } }).split('\r\n');
    const lead = 'acme,Acme,integration,2026-10-01T00:00:00.000Z,2026-11-01T00:00:00.000Z,closed';
    expect(lines[0]).toBe(
      'workspace_id,workspace,pool,period_start,period_end,period_state,metric,key,value',
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        `${lead},used,,1020`,
        `${lead},blocked_calls,,3`,
        `${lead},exhausted_at,,2026-10-28T09:00:00.000Z`,
        `${lead},threshold_reached_at,90%,2026-10-25T10:00:00.000Z`,
        `${lead},used_change_percent,,27.5`,
        `${lead},credits_by_day,2026-10-02,20`,
        `${lead},credits_by_member,Ana Ruiz (ana),1020`,
        `${lead},credits_by_action,db,0`,
        `${lead},credits_by_app,"crm, ""main""",1020`,
      ]),
    );
    expect(lines.at(-1)).toBe('');
  });

  it("carries each period's state on every row, and one row for a pool with nothing to review", () => {
    const withStates: ReportJson = {
      ...report,
      period: '2026-11',
      pools: [
        { ...report.pools[0]!, periodState: 'in-progress' } as ReportJson['pools'][number],
        {
          workspaceId: 'globex',
          pool: 'integration',
          reset: 'anchor-day',
          periodState: 'not-started',
          periodStart: '2026-11-15T00:00:00.000Z',
          periodEnd: '2026-12-15T00:00:00.000Z',
        },
      ],
    };
    const lines = reportCsv(withStates, { acme: 'Acme', globex: 'Globex' }).split('\r\n');
    expect(lines.filter((l) => l.startsWith('acme,')).every((l) => l.split(',')[5] === 'in-progress')).toBe(
      true,
    );
    expect(lines.filter((l) => l.startsWith('globex,'))).toEqual([
      'globex,Globex,integration,2026-11-15T00:00:00.000Z,2026-12-15T00:00:00.000Z,not-started,period_state,,not-started',
    ]);
  });

  it('names the file after the month and the workspace; JSON is the report itself', () => {
    expect(exportReport(report, 'csv', {}).filename).toBe('creditbar-2026-10.csv');
    const json = exportReport(report, 'json', {}, {}, 'acme/../x');
    expect(json.filename).toBe('creditbar-2026-10-acme_.._x.json');
    expect(JSON.parse(json.content)).toEqual(report);
  });
});
