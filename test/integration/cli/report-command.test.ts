import { describe, expect, test } from 'vitest';
import { runCli, tempFile } from './run-cli';

const at = (day: string, hh: number, second: number) =>
  `${day}T${String(hh).padStart(2, '0')}:${String(Math.floor(second / 60)).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}Z`;

function events(
  prefix: string,
  count: number,
  day: string,
  hour: number,
  action: string,
  workspaceId = 'acme',
) {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${i}`,
    workspaceId,
    pool: 'integration',
    memberId: workspaceId === 'acme' ? (action === 'email' ? 'ana' : 'bo') : 'ops-bot',
    action,
    occurredAt: at(day, hour, i),
  }));
}

// Acme (Zite Free, 1,000 a month): October uses 200 (40 emails); November 100 emails on the 3rd
// (500), 200 Twilio calls on the 20th (200), 62 emails on the 25th of which 60 fit (300) and 2
// are blocked. Ops (custom, 10 credits a day, daily reset): 12 pings on 5 Nov (10 run, 2 blocked),
// 3 on 6 Nov.
const ledger = {
  version: 1,
  workspaces: [
    { id: 'acme', name: 'Acme', provider: 'zite', plan: 'free' },
    {
      id: 'ops',
      name: 'Ops',
      provider: 'custom',
      plan: 'internal',
      pools: [{ pool: 'integration', allowance: 10, reset: { kind: 'daily' } }],
    },
  ],
  grants: [],
  rateCards: [{ provider: 'custom', effectiveFrom: '2026-01-01T00:00:00Z', rates: { ping: 1 } }],
  events: [
    ...events('o', 20, '2026-10-02', 9, 'email'),
    ...events('p', 20, '2026-10-20', 9, 'email'),
    ...events('n', 100, '2026-11-03', 10, 'email'),
    ...events('t', 200, '2026-11-20', 8, 'integration:twilio'),
    ...events('d', 62, '2026-11-25', 9, 'email'),
    ...events('q', 12, '2026-11-05', 12, 'ping', 'ops'),
    ...events('r', 3, '2026-11-06', 12, 'ping', 'ops'),
  ],
};

describe('creditbar report', () => {
  test('reviews the month: totals, days, thresholds, run-dry, change against the month before', async () => {
    const res = await runCli(['report', tempFile('ledger.json', ledger), '--period', '2026-11', '--json']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.period).toBe('2026-11');
    const acme = out.pools.find((p: { workspaceId: string }) => p.workspaceId === 'acme');
    expect(acme).toMatchObject({
      reset: 'calendar-month',
      periodStart: '2026-11-01T00:00:00.000Z',
      periodEnd: '2026-12-01T00:00:00.000Z',
      resetsInSeconds: 0,
      used: 1000,
      remaining: 0,
      percentUsed: 100,
      blockedCalls: 2,
      exhaustedAt: '2026-11-25T09:00:59.000Z', // the 60th email of the 25th brings 700 to 1,000
    });
    expect(acme.thresholds).toEqual([
      { percent: 50, reachedAt: '2026-11-03T10:01:39.000Z' }, // the 100th email: 500 ≥ 500
      { percent: 90, reachedAt: '2026-11-25T09:00:39.000Z' }, // 700 + 40 × 5 = 900
      { percent: 100, reachedAt: '2026-11-25T09:00:59.000Z' },
    ]);
    expect(Object.keys(acme.byDay)).toHaveLength(30);
    expect(acme.byDay['2026-11-03']).toBe(500);
    expect(acme.byDay['2026-11-20']).toBe(200);
    expect(acme.byDay['2026-11-25']).toBe(300);
    expect(acme.byDay['2026-11-04']).toBe(0);
    expect(acme.byMember).toEqual({ ana: 800, bo: 200 });
    expect(acme.change).toEqual({
      previousPeriodStart: '2026-10-01T00:00:00.000Z',
      previousUsed: 200,
      previousPercentUsed: 20,
      usedChange: 800,
      usedChangePercent: 400,
    });
    const kinds = out.alerts
      .filter((a: { workspaceId: string }) => a.workspaceId === 'acme')
      .map((a: { kind: string }) => a.kind);
    // By instant: 50 % and the audit on 3 Nov (audit key sorts first), 90 % and dry on 25 Nov.
    expect(kinds).toEqual(['mid-period-audit', 'threshold', 'threshold', 'exhausted']);
  });

  test('sums a daily-reset pool over the calendar month and lists the days it ran dry', async () => {
    const res = await runCli(['report', tempFile('ledger.json', ledger), '--period', '2026-11', '--json']);
    const ops = JSON.parse(res.stdout).pools.find((p: { workspaceId: string }) => p.workspaceId === 'ops');
    expect(ops).toMatchObject({
      reset: 'daily',
      periodStart: '2026-11-01T00:00:00.000Z',
      periodEnd: '2026-12-01T00:00:00.000Z',
      allowancePerDay: 10,
      used: 13,
      blockedCalls: 2,
      dryDays: ['2026-11-05'],
    });
    expect(ops.byDay['2026-11-05']).toBe(10);
    expect(ops.byDay['2026-11-06']).toBe(3);
  });

  test('reviews the month before too, in the readable form', async () => {
    const res = await runCli(['report', tempFile('ledger.json', ledger), '--period', '2026-10']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('review of 2026-10');
    expect(res.stdout).toMatch(/used 200 of 1,000 \(20\.0 %\)/);
  });

  test.each([
    [['--period', '2026-13'], /--period "2026-13" is not a month/],
    [['--period', 'november'], /is not a month: expected YYYY-MM/],
    [[], /missing --period YYYY-MM/],
  ])('bad period flags %j exit 2 with a clear message', async (flags, message) => {
    const res = await runCli(['report', tempFile('ledger.json', ledger), ...flags]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(res.stdout).toBe('');
  });
});
