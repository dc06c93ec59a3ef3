import { describe, expect, test } from 'vitest';
import type { Grant, UsageEvent } from '../../../../src-shared/types/ledger';
import {
  charge,
  event,
  grant,
  ledger,
  plusMinutes,
  pool,
  poolAt,
  workspace,
} from '../helpers/ledger-builders';

type Balance = { allowance?: number; bonus: number; available: number; used: number; remaining: number };

/** A custom workspace with a 100-credit calendar-month allowance, evaluated at each instant. */
function balances(grants: Grant[], events: UsageEvent[], cases: [string, Balance][]) {
  const l = ledger({ grants, events });
  for (const [asOf, want] of cases) {
    const p = poolAt(l, asOf);
    expect({
      asOf,
      allowance: p.allowance,
      bonus: p.bonus,
      available: p.available,
      used: p.used,
      remaining: p.remaining,
    }).toEqual({
      asOf,
      allowance: 100,
      ...want,
    });
  }
}

describe('the plan allowance', () => {
  test('is granted each period and the unused rest expires: no rollover', () => {
    balances(
      [],
      [charge('2026-03-05T00:00:00Z', 30)],
      [
        ['2026-03-31T23:00:00Z', { bonus: 0, available: 100, used: 30, remaining: 70 }],
        ['2026-04-10T00:00:00Z', { bonus: 0, available: 100, used: 0, remaining: 100 }],
      ],
    );
  });
});

describe('bonus and top-up grants', () => {
  test('usable only from grantedAt: a call before it is blocked, one after it runs', () => {
    // 100 on Mar 5 empties the allowance; 5 on Mar 10 is blocked; +20 arrives Mar 20; 5 on Mar 21 runs.
    const events = [
      charge('2026-03-05T00:00:00Z', 100),
      charge('2026-03-10T00:00:00Z', 5),
      charge('2026-03-21T00:00:00Z', 5),
    ];
    const grants = [grant({ credits: 20, grantedAt: '2026-03-20T00:00:00Z' })];
    balances(grants, events, [
      ['2026-03-15T00:00:00Z', { bonus: 0, available: 100, used: 100, remaining: 0 }],
      ['2026-03-25T00:00:00Z', { bonus: 20, available: 120, used: 105, remaining: 15 }],
    ]);
    expect(poolAt(ledger({ grants, events }), '2026-03-25T00:00:00Z')).toMatchObject({
      blockedCalls: 1,
      exhaustedAt: '2026-03-05T00:00:00.000Z',
      percentUsed: 87.5, // 105 / 120
    });
  });

  test('the allowance is spent before a bonus that never expires, and the bonus carries over', () => {
    // +20 on Mar 10. 60 (Mar 5) + 50 (Mar 12) = 110: the allowance (expires Apr 1) pays 100, the
    // bonus 10, so 10 of it is left for April. Spending the bonus first would leave nothing.
    balances(
      [grant({ credits: 20, grantedAt: '2026-03-10T00:00:00Z' })],
      [charge('2026-03-05T00:00:00Z', 60), charge('2026-03-12T00:00:00Z', 50)],
      [
        ['2026-03-31T00:00:00Z', { bonus: 20, available: 120, used: 110, remaining: 10 }],
        ['2026-04-05T00:00:00Z', { bonus: 10, available: 110, used: 0, remaining: 110 }],
        ['2026-06-05T00:00:00Z', { bonus: 10, available: 110, used: 0, remaining: 110 }],
      ],
    );
  });

  test('expires-first beats oldest: what is left after a later expiry shows the burn order', () => {
    // A: +20 on Feb 1, never expires. B: +20 on Mar 1, expires Apr 15. March spends 110:
    // allowance 100 (expires Apr 1), then B 10 (expires before A). Left: A 20, B 10.
    // On Apr 15 B's 10 leaves. Oldest-first would have spent A and left B 20 to expire, bonus 10.
    const grants = [
      grant({ credits: 20, grantedAt: '2026-02-01T00:00:00Z' }),
      grant({ credits: 20, grantedAt: '2026-03-01T00:00:00Z', expiresAt: '2026-04-15T00:00:00Z' }),
    ];
    balances(
      grants,
      [charge('2026-03-10T00:00:00Z', 110)],
      [
        ['2026-02-20T00:00:00Z', { bonus: 20, available: 120, used: 0, remaining: 120 }],
        ['2026-03-31T00:00:00Z', { bonus: 40, available: 140, used: 110, remaining: 30 }],
        ['2026-04-10T00:00:00Z', { bonus: 30, available: 130, used: 0, remaining: 130 }],
        ['2026-04-20T00:00:00Z', { bonus: 20, available: 120, used: 0, remaining: 120 }],
      ],
    );
  });

  test('a bonus expiring mid-period is spent first and its unspent rest leaves available at expiry', () => {
    // +30 on Mar 1 expiring Mar 16 (before the allowance's Apr 1): the 10 on Mar 10 comes from it.
    // On Mar 16 its last 20 leave: bonus 30 − 20 = 10, available 110, remaining 100.
    const grants = [
      grant({ credits: 30, grantedAt: '2026-03-01T00:00:00Z', expiresAt: '2026-03-16T00:00:00Z' }),
    ];
    const events = [charge('2026-03-10T00:00:00Z', 10)];
    balances(grants, events, [
      ['2026-03-12T00:00:00Z', { bonus: 30, available: 130, used: 10, remaining: 120 }],
      ['2026-03-20T00:00:00Z', { bonus: 10, available: 110, used: 10, remaining: 100 }],
    ]);
    expect(poolAt(ledger({ grants, events }), '2026-03-12T00:00:00Z').percentUsed).toBe(7.69); // 10 / 130 = 7.6923
    expect(poolAt(ledger({ grants, events }), '2026-03-20T00:00:00Z').percentUsed).toBe(9.09); // 10 / 110 = 9.0909
  });

  test('a bonus outliving the period carries into the next one until its expiry', () => {
    // +30 on Mar 1 expiring Apr 16: March's 100 all come from the allowance (expires Apr 1 first).
    balances(
      [grant({ credits: 30, grantedAt: '2026-03-01T00:00:00Z', expiresAt: '2026-04-16T00:00:00Z' })],
      [charge('2026-03-10T00:00:00Z', 100)],
      [
        ['2026-03-20T00:00:00Z', { bonus: 30, available: 130, used: 100, remaining: 30 }],
        ['2026-04-10T00:00:00Z', { bonus: 30, available: 130, used: 0, remaining: 130 }],
        ['2026-04-20T00:00:00Z', { bonus: 0, available: 100, used: 0, remaining: 100 }],
      ],
    );
  });

  test('a top-up valid a year is spent after the plan credits and carries over', () => {
    // Top-up 500 on Mar 3, expires 2027-03-03. 150 on Mar 10: allowance 100, top-up 50; 450 left.
    const grants = [
      grant({
        kind: 'top-up',
        credits: 500,
        grantedAt: '2026-03-03T00:00:00Z',
        expiresAt: '2027-03-03T00:00:00Z',
      }),
    ];
    balances(
      grants,
      [charge('2026-03-10T00:00:00Z', 150)],
      [
        ['2026-03-02T00:00:00Z', { bonus: 0, available: 100, used: 0, remaining: 100 }],
        ['2026-03-20T00:00:00Z', { bonus: 500, available: 600, used: 150, remaining: 450 }],
        ['2026-04-10T00:00:00Z', { bonus: 450, available: 550, used: 0, remaining: 550 }],
        ['2027-03-10T00:00:00Z', { bonus: 0, available: 100, used: 0, remaining: 100 }],
      ],
    );
  });
});

describe('top-ups are spent only after every other credit (Base44 docs, credit top-ups)', () => {
  test('a top-up in its last month still waits for the plan credits', () => {
    // Top-up 300 bought 2025-03-20, expiring 2026-03-20. 150 on Mar 10: the plan's 100 first, then
    // 50 of the top-up. On Mar 20 its 250 unspent expire: 100 + 50 available, all 150 used.
    // (Expiry first would have spent the top-up alone and left the plan's 100.)
    const grants = [
      grant({
        kind: 'top-up',
        credits: 300,
        grantedAt: '2025-03-20T00:00:00Z',
        expiresAt: '2026-03-20T00:00:00Z',
      }),
    ];
    balances(
      grants,
      [charge('2026-03-10T00:00:00Z', 150)],
      [
        ['2026-03-15T00:00:00Z', { bonus: 300, available: 400, used: 150, remaining: 250 }],
        ['2026-03-25T00:00:00Z', { bonus: 50, available: 150, used: 150, remaining: 0 }],
      ],
    );
  });

  test('a never-expiring bonus goes before a top-up, and the earliest top-up before a later one', () => {
    // Plan 100, bonus 50, top-ups 100 (Mar 2) and 100 (Mar 3), each valid a year. 260 on Mar 10:
    // plan 100, bonus 50, first top-up 100, second 10. A year later the first has nothing left to
    // expire and the second's 90 expire on 2027-03-03: April 2027 holds the plan's 100 only.
    const grants = [
      grant({ credits: 50, grantedAt: '2026-03-01T00:00:00Z' }),
      grant({
        kind: 'top-up',
        credits: 100,
        grantedAt: '2026-03-02T00:00:00Z',
        expiresAt: '2027-03-02T00:00:00Z',
      }),
      grant({
        kind: 'top-up',
        credits: 100,
        grantedAt: '2026-03-03T00:00:00Z',
        expiresAt: '2027-03-03T00:00:00Z',
      }),
    ];
    balances(
      grants,
      [charge('2026-03-10T00:00:00Z', 260)],
      [
        ['2026-04-10T00:00:00Z', { bonus: 90, available: 190, used: 0, remaining: 190 }],
        ['2027-03-02T12:00:00Z', { bonus: 90, available: 190, used: 0, remaining: 190 }],
        ['2027-04-10T00:00:00Z', { bonus: 0, available: 100, used: 0, remaining: 100 }],
      ],
    );
  });
});

describe('adjustments', () => {
  test('a negative adjustment lowers available; a call larger than what is left is then blocked', () => {
    // 50 used on Mar 5; −30 on Mar 10 leaves 100 − 30 − 50 = 20; 25 is blocked, 20 runs.
    const grants = [grant({ kind: 'adjustment', credits: -30, grantedAt: '2026-03-10T00:00:00Z' })];
    const events = [
      charge('2026-03-05T00:00:00Z', 50),
      charge('2026-03-12T00:00:00Z', 25),
      charge('2026-03-13T00:00:00Z', 20),
    ];
    balances(grants, events, [
      ['2026-03-11T00:00:00Z', { bonus: -30, available: 70, used: 50, remaining: 20 }],
      ['2026-03-15T00:00:00Z', { bonus: -30, available: 70, used: 70, remaining: 0 }],
    ]);
    expect(poolAt(ledger({ grants, events }), '2026-03-15T00:00:00Z')).toMatchObject({
      blockedCalls: 1,
      exhaustedAt: '2026-03-13T00:00:00.000Z',
    });
  });

  test('a positive adjustment adds to available', () => {
    balances(
      [grant({ kind: 'adjustment', credits: 15, grantedAt: '2026-03-10T00:00:00Z' })],
      [charge('2026-03-05T00:00:00Z', 50)],
      [['2026-03-11T00:00:00Z', { bonus: 15, available: 115, used: 50, remaining: 65 }]],
    );
  });
});

describe('seed: Base44’s one-time +20 for sharing on LinkedIn and +20 on X', () => {
  // Base44 bills on a cycle: anchor day 10, an allowance of 100 (plan sizes come from the ledger).
  const ws = workspace({
    provider: 'base44',
    plan: 'builder',
    pools: pool(100, { kind: 'anchor-day', day: 10 }),
  });
  const grants = [
    grant({ id: 'share-linkedin', credits: 20, grantedAt: '2026-03-12T00:00:00Z' }),
    grant({ id: 'share-x', credits: 20, grantedAt: '2026-03-13T00:00:00Z' }),
  ];
  // 130 simple LLM calls (1 credit each), hourly from Mar 14: the last is Mar 14 + 129 h = Mar 19 09:00.
  const march = Array.from({ length: 130 }, (_, i) =>
    event({ occurredAt: plusMinutes('2026-03-14T00:00:00Z', 60 * i), action: 'llm' }),
  );
  // 111 more on Apr 11, every 10 minutes.
  const april = Array.from({ length: 111 }, (_, i) =>
    event({ occurredAt: plusMinutes('2026-04-11T00:00:00Z', 10 * i), action: 'llm' }),
  );
  const l = ledger({ workspaces: [ws], grants, events: [...march, ...april] });

  test('both bonuses add to the cycle they were granted in', () => {
    // [Mar 10, Apr 10): 100 + 20 + 20 = 140 available; 130 used; 10 left (of the X bonus).
    expect(poolAt(l, '2026-03-20T00:00:00Z')).toMatchObject({
      periodStart: '2026-03-10T00:00:00.000Z',
      allowance: 100,
      bonus: 40,
      available: 140,
      used: 130,
      remaining: 10,
    });
  });

  test('the unspent 10 carry into the next cycle: 110 calls run, the 111th is blocked', () => {
    // [Apr 10, May 10): 100 + 10 carried = 110.
    expect(poolAt(l, '2026-04-10T12:00:00Z')).toMatchObject({ bonus: 10, available: 110, used: 0 });
    expect(poolAt(l, '2026-04-15T00:00:00Z')).toMatchObject({
      bonus: 10,
      available: 110,
      used: 110,
      remaining: 0,
      blockedCalls: 1,
      exhaustedAt: plusMinutes('2026-04-11T00:00:00Z', 10 * 109), // the 110th call: 18:10
    });
  });
});
