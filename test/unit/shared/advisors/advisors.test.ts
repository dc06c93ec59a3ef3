import { describe, expect, test } from 'vitest';
import {
  cacheCandidates,
  withCacheableRepeats,
} from '../../../../src-shared/engine/advisors/cache-candidates';
import { percentile90, planFit } from '../../../../src-shared/engine/advisors/plan-fit';
import { whatIf } from '../../../../src-shared/engine/advisors/what-if';
import { builtinCatalog } from '../../../../src-shared/catalog/catalog';
import { evaluateLedger } from '../../../../src-shared/engine/evaluate';
import type { Ledger, UsageEvent } from '../../../../src-shared/types/ledger';

const asOf = Date.parse('2026-11-20T00:00:00Z');

function ev(id: string, occurredAt: string, extra: Partial<UsageEvent> = {}): UsageEvent {
  return {
    id,
    workspaceId: 'acme',
    pool: 'integration',
    memberId: 'ana',
    action: 'integration:openai',
    occurredAt,
    ...extra,
  };
}

function zite(plan: string, events: UsageEvent[]): Ledger {
  return {
    version: 1,
    workspaces: [{ id: 'acme', name: 'Acme', provider: 'zite', plan }],
    grants: [],
    events,
  };
}

describe('plan fit', () => {
  // Zite Free (1,000 a month). Closed months ask for 300 (Jul), 800 (Aug), 1,200 (Sep: 1,000 ran,
  // then a 200-credit call was blocked) and 600 (Oct); November is current and does not count.
  const ledger = zite('free', [
    ev('jul', '2026-07-10T00:00:00Z', { credits: 300 }),
    ev('aug', '2026-08-10T00:00:00Z', { credits: 800 }),
    ev('sep1', '2026-09-10T00:00:00Z', { credits: 1000 }),
    ev('sep2', '2026-09-11T00:00:00Z', { credits: 200 }),
    ev('oct', '2026-10-10T00:00:00Z', { credits: 600 }),
    ev('nov', '2026-11-10T00:00:00Z', { credits: 5 }),
  ]);

  test('suggests the smallest catalog plan covering the 90th-percentile month', () => {
    const [pool] = evaluateLedger(ledger, { asOf }).pools;
    const fit = planFit(pool!, builtinCatalog);
    expect(fit.closedPeriods).toBe(4);
    expect(fit.demand).toEqual([300, 800, 1200, 600]);
    // Nearest rank: ceil(0.9 × 4) = 4th of [300, 600, 800, 1,200].
    expect(fit.p90Demand).toBe(1200);
    expect(fit.ranDry).toBe(1);
    expect(fit.coversP90).toBe(false);
    expect(fit.suggestion).toEqual({ plan: 'pro', allowance: 50_000 });
  });

  test('says why there is no suggestion without closed periods or plan sizes', () => {
    const [fresh] = evaluateLedger(zite('free', [ev('nov', '2026-11-10T00:00:00Z')]), { asOf }).pools;
    expect(planFit(fresh!, builtinCatalog)).toMatchObject({
      closedPeriods: 0,
      p90Demand: null,
      suggestion: null,
    });
    expect(planFit(fresh!, builtinCatalog).note).toMatch(/No closed period/);

    const base44: Ledger = {
      version: 1,
      workspaces: [
        {
          id: 'acme',
          name: 'B',
          provider: 'base44',
          plan: 'builder',
          pools: [{ pool: 'integration', allowance: 100 }],
        },
      ],
      grants: [],
      events: [ev('oct', '2026-10-10T00:00:00Z', { action: 'llm' })],
    };
    const [b] = evaluateLedger(base44, { asOf }).pools;
    expect(planFit(b!, builtinCatalog).note).toMatch(/no base44 plan sizes/);
  });

  test.each([
    [[], null],
    [[7], 7],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 9],
    [[10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 11], 10],
  ])('percentile90(%j) = %s', (values, expected) => {
    expect(percentile90(values)).toBe(expected);
  });
});

describe('cache candidates', () => {
  const times = (day: string, n: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        `${day}T${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z`,
    );
  const events: UsageEvent[] = [
    // 150 identical OpenAI calls (1 each) on 10 Nov: a cache would have answered 149 of them.
    ...times('2026-11-10', 150).map((t, i) => ev(`a${i}`, t, { inputHash: 'h-openai' })),
    // 80 more on 11 Nov: not more than 100 that day, not counted.
    ...times('2026-11-11', 80).map((t, i) => ev(`b${i}`, t, { inputHash: 'h-openai' })),
    // 101 identical emails (5 each) on 12 Nov: 505 credits, 500 saved.
    ...times('2026-11-12', 101).map((t, i) => ev(`c${i}`, t, { inputHash: 'h-mail', action: 'email' })),
    // Exactly 100 on 13 Nov: the rule says more than 100.
    ...times('2026-11-13', 100).map((t, i) => ev(`d${i}`, t, { inputHash: 'h-edge' })),
  ];

  test('lists fingerprints called more than 100 times a day with the credits a cache saves', () => {
    const [pool] = evaluateLedger(zite('pro', events), { asOf }).pools;
    expect(cacheCandidates(pool!.current)).toEqual([
      { inputHash: 'h-mail', action: 'email', days: 1, calls: 101, credits: 505, creditsSaved: 500 },
      {
        inputHash: 'h-openai',
        action: 'integration:openai',
        days: 1,
        calls: 150,
        credits: 150,
        creditsSaved: 149,
      },
    ]);
  });

  test('the view form keeps the fingerprint-days a cache pays for and drops the rest, listing the same', () => {
    const [pool] = evaluateLedger(zite('pro', events), { asOf }).pools;
    const kept = withCacheableRepeats(pool!.current);
    // Four fingerprint-days were walked; only 10 Nov's 150 OpenAI calls and 12 Nov's 101 emails pass 100.
    expect(pool!.current.repeats.size).toBe(4);
    expect([...kept.repeats.values()].map((g) => [g.inputHash, g.calls])).toEqual([
      ['h-openai', 150],
      ['h-mail', 101],
    ]);
    expect(cacheCandidates(kept)).toEqual(cacheCandidates(pool!.current));
    expect({ ...kept, repeats: null }).toEqual({ ...pool!.current, repeats: null });
    // A period with nothing to drop comes back as it is.
    expect(withCacheableRepeats(kept)).toBe(kept);
  });
});

describe('what-if', () => {
  test("the seed's example: 3 credits × 500 daily users = 1,500 a day", () => {
    expect(
      whatIf({
        creditsPerInteraction: 3,
        dailyUsers: 500,
        allowance: 50_000,
        remaining: 12_000,
        periodDays: 30,
      }),
    ).toEqual({
      dailyBurn: 1500,
      periodDemand: 45_000,
      daysToExhaustion: 8,
      fitsPlan: true,
    });
  });

  test('a feature that does not fit the plan', () => {
    const r = whatIf({
      creditsPerInteraction: 4,
      dailyUsers: 500,
      interactionsPerUser: 2,
      allowance: 50_000,
      remaining: 50_000,
      periodDays: 31,
    });
    expect(r.dailyBurn).toBe(4000);
    expect(r.periodDemand).toBe(124_000);
    expect(r.daysToExhaustion).toBe(12.5);
    expect(r.fitsPlan).toBe(false);
  });

  test('nothing burned never runs out', () => {
    expect(
      whatIf({ creditsPerInteraction: 0, dailyUsers: 500, allowance: 10, remaining: 10, periodDays: 30 })
        .daysToExhaustion,
    ).toBeNull();
  });
});
