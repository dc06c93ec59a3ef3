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
    {
      id: 'acme',
      name: 'Acme',
      provider: 'zite',
      plan: 'free',
      members: [
        { id: 'ana', name: 'Ana Lima' },
        { id: 'bo', name: 'Bo Chen' },
      ],
    },
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

/** `creditbar report` of the ledger above for a month, at an instant, as JSON or as the table. */
const report = (period: string, asOf: string, json = false) =>
  runCli([
    'report',
    tempFile('ledger.json', ledger),
    '--period',
    period,
    '--as-of',
    asOf,
    ...(json ? ['--json'] : []),
  ]);

describe('creditbar report', () => {
  test('reviews the month: totals, days, thresholds, run-dry, change against the month before', async () => {
    const res = await report('2026-11', '2026-12-03T12:00:00Z', true);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.period).toBe('2026-11');
    expect(out.asOf).toBe('2026-12-03T12:00:00.000Z');
    const acme = out.pools.find((p: { workspaceId: string }) => p.workspaceId === 'acme');
    expect(acme).toMatchObject({
      reset: 'calendar-month',
      periodState: 'closed',
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
      previousAsOf: '2026-11-01T00:00:00.000Z', // a closed period against the whole one before
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
    const res = await report('2026-11', '2026-12-03T12:00:00Z', true);
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
    expect(res.stdout).toMatch(/used 200 of 1,000 \(20%\)/);
    // Members by name, never by id; a period's last day, not the next one's first.
    expect(res.stdout).toContain('by member: Ana Lima 200');
    expect(res.stdout).toContain('2026-10-01 to 2026-10-31');
  });

  test('reviews a period still running as it stands at --as-of, against the period before at the same point', async () => {
    const res = await report('2026-11', '2026-11-10T00:00:00Z', true);
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    const acme = out.pools.find((p: { workspaceId: string }) => p.workspaceId === 'acme');
    // By Nov 10 only the 100 emails of Nov 3 ran: 500 of 1,000; 21 days to the Dec 1 reset.
    expect(acme).toMatchObject({
      periodState: 'in-progress',
      used: 500,
      remaining: 500,
      percentUsed: 50,
      exhaustedAt: null,
      resetsInSeconds: 21 * 86_400,
    });
    // Days only up to the one holding --as-of (Nov 10 is the tenth day): no future zeros.
    expect(Object.keys(acme.byDay)).toHaveLength(10);
    expect(acme.byDay['2026-11-11']).toBeUndefined();
    // To date against to date: October up to Oct 10 had only the 20 emails of Oct 2 (100), not
    // October's whole 200: +400 credits, +400 %.
    expect(acme.change).toEqual({
      previousPeriodStart: '2026-10-01T00:00:00.000Z',
      previousAsOf: '2026-10-10T00:00:00.000Z',
      previousUsed: 100,
      previousPercentUsed: 10,
      usedChange: 400,
      usedChangePercent: 400,
    });
    // The daily pool too: Nov 1 to 10, the 13 credits of Nov 5 and 6.
    const ops = out.pools.find((p: { workspaceId: string }) => p.workspaceId === 'ops');
    expect(ops).toMatchObject({ periodState: 'in-progress', used: 13, dryDays: ['2026-11-05'] });
    expect(Object.keys(ops.byDay)).toHaveLength(10);

    const text = await report('2026-11', '2026-11-10T00:00:00Z');
    expect(text.stdout).toContain(
      // The cards' countdown: "21d" (a trailing zero unit dropped), not "21 d 0 h".
      'Acme, integration pool, 2026-11-01 to 2026-11-30: in progress, 21d left',
    );
    expect(text.stdout).toContain(
      // +400%, as the History screen says it (one change format), not "+400.0%".
      'used 500 of 1,000 so far (50%), +400% against the period before at the same point (100)',
    );
    expect(text.stdout).toContain('ran dry: not so far');
    expect(text.stdout).not.toContain('Never ran dry');
  });

  test('a month in the future exits 0 with every pool not started, never a made-up review', async () => {
    const res = await report('2027-02', '2026-11-10T00:00:00Z', true);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe('');
    const out = JSON.parse(res.stdout);
    expect(out.pools).toEqual([
      {
        workspaceId: 'acme',
        pool: 'integration',
        reset: 'calendar-month',
        periodState: 'not-started',
        periodStart: '2027-02-01T00:00:00.000Z',
        periodEnd: '2027-03-01T00:00:00.000Z',
      },
      {
        workspaceId: 'ops',
        pool: 'integration',
        reset: 'daily',
        periodState: 'not-started',
        periodStart: '2027-02-01T00:00:00.000Z',
        periodEnd: '2027-03-01T00:00:00.000Z',
      },
    ]);
    expect(out.alerts).toEqual([]);
    const text = await report('2027-02', '2026-11-10T00:00:00Z');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      'Acme, integration pool, 2027-02-01 to 2027-02-28: not started: it starts 2027-02-01',
    );
  });

  test('a month before the first record says no data, not "0 % used, never ran dry"', async () => {
    const res = await report('2026-09', '2026-11-10T00:00:00Z', true);
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    // The first records are the emails of Oct 2 (Acme) and the pings of Nov 5 (Ops).
    expect(out.pools.map((p: { periodState: string }) => p.periodState)).toEqual(['no-data', 'no-data']);
    expect(out.pools[0]).not.toHaveProperty('used');
  });

  test('prints whole credits in its tables (JSON keeps the decimals)', async () => {
    // Three LLM calls the provider charged 0.4 each: 1.2 credits.
    const fractional = {
      version: 1,
      workspaces: [
        {
          id: 'lab',
          name: 'Lab',
          provider: 'base44',
          plan: 'builder',
          pools: [{ pool: 'integration', allowance: 100 }],
        },
      ],
      grants: [],
      events: [0, 1, 2].map((i) => ({
        id: `l${i}`,
        workspaceId: 'lab',
        pool: 'integration',
        memberId: 'kim',
        action: 'llm',
        credits: 0.4,
        occurredAt: `2026-10-0${i + 2}T10:00:00Z`,
      })),
    };
    const file = tempFile('ledger.json', fractional);
    const json = await runCli([
      'report',
      file,
      '--period',
      '2026-10',
      '--as-of',
      '2026-11-10T00:00:00Z',
      '--json',
    ]);
    expect(JSON.parse(json.stdout).pools[0].used).toBe(1.2);
    const text = await runCli(['report', file, '--period', '2026-10', '--as-of', '2026-11-10T00:00:00Z']);
    expect(text.stdout).toContain('used 1 of 100 (1.2%)');
    expect(text.stdout).not.toContain('1.2 of');
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
