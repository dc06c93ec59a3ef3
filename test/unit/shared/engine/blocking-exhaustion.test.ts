import { describe, expect, test } from 'vitest';
import { reportMonth, parseMonth } from '../../../../src-shared/engine/report';
import { reportJson } from '../../../../src-shared/engine/report-json';
import { charge, event, iso, ledger, plusMinutes, pool, poolAt, workspace } from '../helpers/ledger-builders';

describe('seed: a Zite Free workspace (1,000 credits) sending emails at 5 credits each', () => {
  const free = workspace({ provider: 'zite', plan: 'free', pools: undefined });
  // One email a minute from Mar 2 00:00: email k (1-based) is sent at 00:00 + (k − 1) min.
  const emails = Array.from({ length: 201 }, (_, i) =>
    event({ occurredAt: plusMinutes('2026-03-02T00:00:00Z', i), action: 'email' }),
  );
  const l = ledger({ workspaces: [free], events: emails });

  test('runs dry after exactly 200 emails; the 201st is blocked, not charged', () => {
    // 200 × 5 = 1,000. The 200th email is at 00:00 + 199 min = 03:19.
    expect(poolAt(l, '2026-03-03T00:00:00Z')).toMatchObject({
      allowance: 1000,
      used: 1000,
      remaining: 0,
      percentUsed: 100,
      blockedCalls: 1,
      exhaustedAt: '2026-03-02T03:19:00.000Z',
      byAction: { email: 1000 },
    });
  });

  test('one email before that, 5 credits are left and nothing is exhausted', () => {
    // 199 emails (the last at 03:18): 995 used.
    expect(poolAt(l, '2026-03-02T03:18:30Z')).toMatchObject({
      used: 995,
      remaining: 5,
      blockedCalls: 0,
      exhaustedAt: null,
    });
  });

  test('50 % and 90 % are reached by the 100th and the 180th email', () => {
    // 100 × 5 = 500 at 00:00 + 99 min = 01:39; 180 × 5 = 900 at 00:00 + 179 min = 02:59.
    expect(poolAt(l, '2026-03-03T00:00:00Z').thresholds).toEqual([
      { percent: 50, reachedAt: '2026-03-02T01:39:00.000Z' },
      { percent: 90, reachedAt: '2026-03-02T02:59:00.000Z' },
      { percent: 100, reachedAt: '2026-03-02T03:19:00.000Z' },
    ]);
  });

  test('the next month starts fresh: nothing blocked, not exhausted', () => {
    const april = ledger({
      workspaces: [free],
      events: [...emails, event({ occurredAt: '2026-04-01T09:00:00Z', action: 'email' })],
    });
    expect(poolAt(april, '2026-04-02T00:00:00Z')).toMatchObject({
      used: 5,
      remaining: 995,
      blockedCalls: 0,
      exhaustedAt: null,
    });
  });
});

describe('blocking', () => {
  // Allowance 10. Each row: the calls in order, then what the pool shows at Mar 31.
  test.each<[string, number[], { used: number; blockedCalls: number; exhaustedAt: string | null }]>([
    [
      'a call costing exactly what is left runs',
      [4, 6],
      { used: 10, blockedCalls: 0, exhaustedAt: '2026-03-02' },
    ],
    [
      'a call costing more than what is left is blocked',
      [4, 7],
      { used: 4, blockedCalls: 1, exhaustedAt: null },
    ],
    [
      'a smaller call after a blocked bigger one still runs',
      [8, 5, 2],
      { used: 10, blockedCalls: 1, exhaustedAt: '2026-03-03' },
    ],
    [
      'every later call that does not fit is counted',
      [8, 5, 3, 2, 1, 1],
      { used: 10, blockedCalls: 4, exhaustedAt: '2026-03-04' },
    ],
    ['one call larger than the whole allowance', [11], { used: 0, blockedCalls: 1, exhaustedAt: null }],
  ])('%s', (_name, prices, want) => {
    // Call i happens on March (i + 1). exhaustedAt is given by its day.
    const events = prices.map((c, i) => charge(`2026-03-${String(i + 1).padStart(2, '0')}T00:00:00Z`, c));
    const p = poolAt(
      ledger({ workspaces: [workspace({ pools: pool(10) })], events }),
      '2026-03-31T00:00:00Z',
    );
    expect({ used: p.used, blockedCalls: p.blockedCalls, exhaustedAt: p.exhaustedAt }).toEqual({
      ...want,
      exhaustedAt: want.exhaustedAt && iso(`${want.exhaustedAt}T00:00:00Z`),
    });
    expect(p.remaining).toBe(10 - want.used);
  });

  test('a blocked call is charged to no action, member or app', () => {
    const events = [
      charge('2026-03-02T00:00:00Z', 8, { memberId: 'ana', app: 'crm', action: 'integration:twilio' }),
      charge('2026-03-03T00:00:00Z', 5, { memberId: 'bob', app: 'mailer', action: 'email' }),
    ];
    const p = poolAt(
      ledger({ workspaces: [workspace({ pools: pool(10) })], events }),
      '2026-03-31T00:00:00Z',
    );
    expect(p.blockedCalls).toBe(1);
    expect(p.byMember.bob ?? 0).toBe(0);
    expect(p.byApp.mailer ?? 0).toBe(0);
    expect(p.byAction.email ?? 0).toBe(0);
    expect(p.byMember.ana).toBe(8);
  });

  test('a call costing 0 is never blocked, even with the pool dry', () => {
    // Zite Free, existing customer: 200 emails empty it, then a db call and a Slack call (both free) run.
    const ws = workspace({ provider: 'zite', plan: 'free', pools: undefined, existingCustomer: true });
    const emails = Array.from({ length: 200 }, (_, i) =>
      event({ occurredAt: plusMinutes('2026-03-02T00:00:00Z', i), action: 'email' }),
    );
    const free = [
      event({ occurredAt: '2026-03-05T00:00:00Z', action: 'db', memberId: 'bob', app: 'reports' }),
      event({ occurredAt: '2026-03-05T00:01:00Z', action: 'integration:slack', memberId: 'bob' }),
      charge('2026-03-05T00:02:00Z', 0, { action: 'integration:twilio', app: 'reports' }),
    ];
    const p = poolAt(ledger({ workspaces: [ws], events: [...emails, ...free] }), '2026-03-06T00:00:00Z');
    expect(p).toMatchObject({ used: 1000, remaining: 0, blockedCalls: 0 });
    // What ran at 0 credits is listed with 0, in every breakdown.
    expect(p.byAction).toEqual({ email: 1000, db: 0, 'integration:slack': 0, 'integration:twilio': 0 });
    expect(p.byMember).toEqual({ ana: 1000, bob: 0 });
    expect(p.byApp).toEqual({ '(no app)': 1000, reports: 0 });
  });

  describe('what ran at 0 credits is listed with 0 in byAction, byMember and byApp', () => {
    // Zite Free, existing customer, March: ana sends 3 emails from the crm app (3 × 5 = 15) and one
    // Slack call from it (free for an existing customer); bob only runs db actions (0 each), from
    // the crm app and from a reports app that runs nothing else; a Twilio call the provider priced
    // at 0 comes from a webhook app. So bob, reports and webhook ran but cost nothing.
    const ws = workspace({ provider: 'zite', plan: 'free', pools: undefined, existingCustomer: true });
    const events = [
      event({ occurredAt: '2026-03-02T09:00:00Z', action: 'email', memberId: 'ana', app: 'crm' }),
      event({ occurredAt: '2026-03-02T09:05:00Z', action: 'email', memberId: 'ana', app: 'crm' }),
      event({ occurredAt: '2026-03-03T10:00:00Z', action: 'email', memberId: 'ana', app: 'crm' }),
      event({ occurredAt: '2026-03-03T10:30:00Z', action: 'integration:slack', memberId: 'ana', app: 'crm' }),
      event({ occurredAt: '2026-03-04T08:00:00Z', action: 'db', memberId: 'bob', app: 'crm' }),
      event({ occurredAt: '2026-03-04T08:01:00Z', action: 'db', memberId: 'bob', app: 'reports' }),
      event({ occurredAt: '2026-03-05T12:00:00Z', action: 'db', memberId: 'bob', app: 'reports' }),
      charge('2026-03-06T07:00:00Z', 0, { action: 'integration:twilio', memberId: 'ana', app: 'webhook' }),
    ];
    const l = ledger({ workspaces: [ws], events });

    test.each([
      [
        'after every call',
        '2026-03-10T00:00:00Z',
        {
          used: 15,
          byAction: { email: 15, db: 0, 'integration:slack': 0, 'integration:twilio': 0 },
          byMember: { ana: 15, bob: 0 },
          byApp: { crm: 15, reports: 0, webhook: 0 },
        },
      ],
      [
        'before the free calls have run, they are not listed',
        '2026-03-03T12:00:00Z',
        {
          used: 15,
          byAction: { email: 15, 'integration:slack': 0 },
          byMember: { ana: 15 },
          byApp: { crm: 15 },
        },
      ],
      [
        'a member and an app with only free calls so far',
        '2026-03-04T09:00:00Z',
        {
          used: 15,
          byAction: { email: 15, 'integration:slack': 0, db: 0 },
          byMember: { ana: 15, bob: 0 },
          byApp: { crm: 15, reports: 0 },
        },
      ],
    ])('%s', (_name, asOf, want) => {
      const p = poolAt(l, asOf);
      expect({ used: p.used, byAction: p.byAction, byMember: p.byMember, byApp: p.byApp }).toEqual(want);
    });

    test('the month report lists them with 0 too', () => {
      const report = reportJson(reportMonth(l, parseMonth('2026-03')));
      expect(report.pools[0]).toMatchObject({
        used: 15,
        byMember: { ana: 15, bob: 0 },
        byApp: { crm: 15, reports: 0, webhook: 0 },
      });
    });

    test('a daily pool summed over the month lists them with 0 too', () => {
      const daily = { ...ws, pools: pool(100, { kind: 'daily' }) };
      const report = reportJson(reportMonth({ ...l, workspaces: [daily] }, parseMonth('2026-03')));
      expect(report.pools[0]).toMatchObject({
        reset: 'daily',
        used: 15,
        byMember: { ana: 15, bob: 0 },
        byApp: { crm: 15, reports: 0, webhook: 0 },
      });
    });
  });

  test('with a daily reset, a dry day blocks and the next day runs again', () => {
    const ws = workspace({ pools: pool(10, { kind: 'daily' }) });
    const events = [
      charge('2026-03-10T08:00:00Z', 10),
      charge('2026-03-10T09:00:00Z', 1),
      charge('2026-03-11T08:00:00Z', 1),
    ];
    expect(poolAt(ledger({ workspaces: [ws], events }), '2026-03-10T23:00:00Z')).toMatchObject({
      used: 10,
      blockedCalls: 1,
      exhaustedAt: '2026-03-10T08:00:00.000Z',
    });
    expect(poolAt(ledger({ workspaces: [ws], events }), '2026-03-11T23:00:00Z')).toMatchObject({
      used: 1,
      blockedCalls: 0,
      exhaustedAt: null,
    });
  });

  test('a plan that allows overage blocks nothing and lets remaining go negative', () => {
    const ws = workspace({ pools: pool(10, undefined, { overage: true }) });
    const events = [charge('2026-03-02T00:00:00Z', 8), charge('2026-03-03T00:00:00Z', 5)];
    // 8 + 5 = 13 used of 10: remaining −3, 130 %.
    expect(poolAt(ledger({ workspaces: [ws], events }), '2026-03-31T00:00:00Z')).toMatchObject({
      used: 13,
      remaining: -3,
      percentUsed: 130,
      blockedCalls: 0,
      exhaustedAt: '2026-03-03T00:00:00.000Z',
    });
  });
});
