import { describe, expect, test } from 'vitest';
import type { AlertJson } from '../../../../src-shared/engine/status-json';
import type { ResetRule, UsageEvent } from '../../../../src-shared/types/ledger';
import { alertsAt, charge, iso, ledger, pool, workspace } from '../helpers/ledger-builders';

/** The parts of an alert a case states by hand, in time order. */
function brief(alerts: AlertJson[]) {
  return alerts
    .map((a) => ({ kind: a.kind, at: a.at, ...(a.kind === 'threshold' ? { percent: a.percent } : {}) }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.kind < b.kind ? -1 : 1));
}

const d = (s: string) => iso(`2026-${s}Z`);

describe('alerts of a month that ran dry (allowance 100, default thresholds 50, 90, 100)', () => {
  // 55 on Mar 3, 35 on Mar 20 (90), 10 on Mar 25 (100). March's midpoint: Mar 16 12:00.
  const events = [
    charge('2026-03-03T00:00:00Z', 55),
    charge('2026-03-20T00:00:00Z', 35),
    charge('2026-03-25T00:00:00Z', 10),
  ];
  const l = ledger({ events });

  test('threshold alerts for 50 and 90 only, exhausted at the dry instant, the audit at 50 %', () => {
    expect(brief(alertsAt(l, '2026-03-28T00:00:00Z'))).toEqual([
      { kind: 'mid-period-audit', at: d('03-03T00:00:00') },
      { kind: 'threshold', percent: 50, at: d('03-03T00:00:00') },
      { kind: 'threshold', percent: 90, at: d('03-20T00:00:00') },
      { kind: 'exhausted', at: d('03-25T00:00:00') },
    ]);
  });

  test('each alert names its workspace and pool', () => {
    for (const a of alertsAt(l, '2026-03-28T00:00:00Z')) {
      expect(a).toMatchObject({ workspaceId: 'acme', pool: 'integration' });
      expect(a.message).toMatch(/Acme/);
    }
  });

  test('configured thresholds under 100 each get an alert; 100 is the exhausted alert', () => {
    const custom = ledger({ workspaces: [workspace({ thresholds: [25, 75, 100] })], events });
    const kinds = brief(alertsAt(custom, '2026-03-28T00:00:00Z')).filter(
      (a) => a.kind !== 'mid-period-audit',
    );
    expect(kinds).toEqual([
      { kind: 'threshold', percent: 25, at: d('03-03T00:00:00') },
      { kind: 'threshold', percent: 75, at: d('03-20T00:00:00') },
      { kind: 'exhausted', at: d('03-25T00:00:00') },
    ]);
  });

  test('the pool running dry is an alert even when 100 is not a configured threshold', () => {
    const custom = ledger({ workspaces: [workspace({ thresholds: [25, 75] })], events });
    expect(alertsAt(custom, '2026-03-28T00:00:00Z', 'exhausted').map((a) => a.at)).toEqual([
      d('03-25T00:00:00'),
    ]);
  });

  test('alerts are those of the period current at asOf', () => {
    const withApril = ledger({ events: [...events, charge('2026-04-02T00:00:00Z', 10)] });
    expect(alertsAt(withApril, '2026-04-10T00:00:00Z')).toEqual([]);
  });
});

describe('mid-period audit: 50 % reached before the period’s midpoint', () => {
  const month: ResetRule = { kind: 'calendar-month' };
  test.each<[string, ResetRule, string, string | null]>([
    // March: 31 days, midpoint Mar 1 + 15.5 d = Mar 16 12:00
    ['March, a minute before the midpoint', month, '2026-03-16T11:59:00Z', '2026-03-16T11:59:00Z'],
    ['March, at the midpoint', month, '2026-03-16T12:00:00Z', null],
    ['March, after it', month, '2026-03-20T00:00:00Z', null],
    // February 2026: 28 days, midpoint Feb 15 00:00
    ['February, the last minute of Feb 14', month, '2026-02-14T23:59:00Z', '2026-02-14T23:59:00Z'],
    ['February, at the midpoint', month, '2026-02-15T00:00:00Z', null],
    // Anchor 31: [Jan 31, Feb 28) is 28 days, midpoint Feb 14 00:00
    [
      'anchor 31, Feb 13 23:00',
      { kind: 'anchor-day', day: 31 },
      '2026-02-13T23:00:00Z',
      '2026-02-13T23:00:00Z',
    ],
    ['anchor 31, at the midpoint', { kind: 'anchor-day', day: 31 }, '2026-02-14T00:00:00Z', null],
    // Daily: the midpoint is 12:00
    ['daily, 11:00', { kind: 'daily' }, '2026-03-10T11:00:00Z', '2026-03-10T11:00:00Z'],
    ['daily, 12:00', { kind: 'daily' }, '2026-03-10T12:00:00Z', null],
  ])('%s', (_name, reset, at50, expected) => {
    // 50 of 100 in one call; asOf an hour later (23:59 for daily), still in the same period.
    const asOf = reset.kind === 'daily' ? at50.slice(0, 11) + '23:59:00Z' : iso(Date.parse(at50) + 3_600_000);
    const l = ledger({ workspaces: [workspace({ pools: pool(100, reset) })], events: [charge(at50, 50)] });
    const audit = alertsAt(l, asOf, 'mid-period-audit');
    expect(audit.map((a) => a.at)).toEqual(expected ? [iso(expected)] : []);
  });

  test('49 % before the midpoint is no audit', () => {
    expect(
      alertsAt(
        ledger({ events: [charge('2026-03-02T00:00:00Z', 49)] }),
        '2026-03-20T00:00:00Z',
        'mid-period-audit',
      ),
    ).toEqual([]);
  });

  test('is raised even when 50 is not a configured threshold (SPEC §3: its own alert kind)', () => {
    const l = ledger({
      workspaces: [workspace({ thresholds: [90] })],
      events: [charge('2026-03-02T00:00:00Z', 60)],
    });
    expect(alertsAt(l, '2026-03-05T00:00:00Z', 'mid-period-audit').map((a) => a.at)).toEqual([
      d('03-02T00:00:00'),
    ]);
    expect(alertsAt(l, '2026-03-05T00:00:00Z', 'threshold')).toEqual([]);
  });
});

describe('projected run-out', () => {
  // 50 credits at noon on each of Mar 1–9: 450 used. At Mar 10 00:00 the window (Mar 3, Mar 10]
  // holds Mar 3–9: 350 / 7 d = 50 a day.
  const events: UsageEvent[] = Array.from({ length: 9 }, (_, i) => charge(`2026-03-0${i + 1}T12:00:00Z`, 50));

  test('at = asOf and carries runsOutAt', () => {
    // Allowance 1,000: 550 left / 50 a day = 11 days → Mar 21 00:00, before Apr 1.
    const l = ledger({ workspaces: [workspace({ pools: pool(1000) })], events });
    const alerts = alertsAt(l, '2026-03-10T00:00:00Z');
    expect(alerts).toHaveLength(1); // 45 %: no threshold yet
    expect(alerts[0]).toMatchObject({
      kind: 'projected-run-out',
      at: d('03-10T00:00:00'),
      runsOutAt: d('03-21T00:00:00'),
    });
  });

  test('says its credits as every other surface does: whole from 100 up', () => {
    // 447.46 credits at noon on each of Mar 3–9 (LLM calls the provider charged in fractions): the
    // window holds all seven, 447.46 a day; 3,132.22 used, 6,867.78 of 10,000 left, which last
    // 6,867.78 / 447.46 ≈ 15.35 days: Mar 25 08:24, 6 days 15.6 hours before Apr 1, ~7 days. Shown rounded by the one
    // rule (display/credits.ts): 447 a day and 6,868 left, never "447.46".
    const fractional = Array.from({ length: 7 }, (_, i) => charge(`2026-03-0${i + 3}T12:00:00Z`, 447.46));
    const l = ledger({ workspaces: [workspace({ pools: pool(10_000) })], events: fractional });
    const [alert] = alertsAt(l, '2026-03-10T00:00:00Z', 'projected-run-out');
    expect(alert?.message).toMatch(
      /: at 447 credits a day the integration pool runs dry on 2026-03-25, ~7 days before it resets; 6,868 of 10,000 left\.$/,
    );
  });

  test('is not raised when the pool lasts to the reset', () => {
    // Allowance 10,000: 9,550 / 50 = 191 days, well past Apr 1.
    const l = ledger({ workspaces: [workspace({ pools: pool(10_000) })], events });
    expect(alertsAt(l, '2026-03-10T00:00:00Z', 'projected-run-out')).toEqual([]);
  });

  test('is not raised once the pool is dry', () => {
    const l = ledger({ events: [charge('2026-03-02T00:00:00Z', 100)] });
    expect(alertsAt(l, '2026-03-05T00:00:00Z', 'projected-run-out')).toEqual([]);
  });
});

describe('member budget', () => {
  const ws = workspace({
    pools: pool(1000),
    members: [
      { id: 'ana', name: 'Ana', budget: 100 },
      { id: 'bob', name: 'Bob' },
      { id: 'cy', name: 'Cy', budget: 500 },
      { id: 'dan', name: 'Dan', budget: 30 },
    ],
  });
  const events = [
    charge('2026-03-02T00:00:00Z', 60, { memberId: 'ana' }),
    charge('2026-03-03T00:00:00Z', 200, { memberId: 'bob' }), // no budget
    charge('2026-03-04T00:00:00Z', 40, { memberId: 'ana' }), // 60 + 40 = 100: reached
    charge('2026-03-05T00:00:00Z', 100, { memberId: 'cy' }), // 100 of 500
    charge('2026-03-06T00:00:00Z', 50, { memberId: 'dan' }), // 50 passes 30 in one call
  ];

  test('raised when a member’s credits reach or pass the budget, at that instant', () => {
    const alerts = alertsAt(ledger({ workspaces: [ws], events }), '2026-03-10T00:00:00Z', 'member-budget');
    expect(
      alerts.map((a) => ({ at: a.at, memberId: a.memberId })).sort((a, b) => (a.at < b.at ? -1 : 1)),
    ).toEqual([
      { at: d('03-04T00:00:00'), memberId: 'ana' },
      { at: d('03-06T00:00:00'), memberId: 'dan' },
    ]);
  });
});

describe('stable keys', () => {
  const events = [charge('2026-03-03T00:00:00Z', 55), charge('2026-04-03T00:00:00Z', 55)];
  const l = ledger({ events });
  const keyOf = (asOf: string, kind: AlertJson['kind']) => alertsAt(l, asOf, kind).map((a) => a.key);

  test('the same alert has the same key at two instants of the same period', () => {
    expect(keyOf('2026-03-20T00:00:00Z', 'threshold')).toHaveLength(1);
    expect(keyOf('2026-03-25T00:00:00Z', 'threshold')).toEqual(keyOf('2026-03-20T00:00:00Z', 'threshold'));
    expect(keyOf('2026-03-31T23:59:59Z', 'mid-period-audit')).toEqual(
      keyOf('2026-03-04T00:00:00Z', 'mid-period-audit'),
    );
  });

  test('the same alert in the next period has a new key', () => {
    const april = keyOf('2026-04-10T00:00:00Z', 'threshold');
    expect(april).toHaveLength(1);
    expect(april).not.toEqual(keyOf('2026-03-20T00:00:00Z', 'threshold'));
  });

  test('a projected run-out keeps its key as asOf moves within the period', () => {
    const burn = Array.from({ length: 9 }, (_, i) => charge(`2026-03-0${i + 1}T12:00:00Z`, 50));
    const b = ledger({ workspaces: [workspace({ pools: pool(1000) })], events: burn });
    // At Mar 10 12:00 the window (Mar 3 12:00, Mar 10 12:00] holds Mar 4–9: 300 / 7 ≈ 42.86 a day,
    // 550 / 42.86 ≈ 12.8 days: still before Apr 1.
    const first = alertsAt(b, '2026-03-10T00:00:00Z', 'projected-run-out');
    const later = alertsAt(b, '2026-03-10T12:00:00Z', 'projected-run-out');
    expect(later).toHaveLength(1);
    expect(later[0]!.key).toBe(first[0]!.key);
    expect(later[0]!.at).toBe(d('03-10T12:00:00'));
  });

  test('keys differ by workspace, pool, kind and threshold', () => {
    const two = ledger({
      workspaces: [
        workspace({
          id: 'acme',
          pools: [
            { pool: 'integration', allowance: 100 },
            { pool: 'message', allowance: 100 },
          ],
        }),
        workspace({ id: 'globex', name: 'Globex' }),
      ],
      events: [
        charge('2026-03-03T00:00:00Z', 95, { workspaceId: 'acme' }),
        charge('2026-03-03T00:00:00Z', 95, { workspaceId: 'acme', pool: 'message' }),
        charge('2026-03-03T00:00:00Z', 95, { workspaceId: 'globex' }),
      ],
    });
    const alerts = alertsAt(two, '2026-03-20T00:00:00Z');
    // Per pool: threshold 50, threshold 90, mid-period audit = 3 alerts × 3 pools.
    expect(alerts).toHaveLength(9);
    expect(new Set(alerts.map((a) => a.key)).size).toBe(9);
  });
});
