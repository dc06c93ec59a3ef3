import { describe, expect, it } from 'vitest';
import { topConsumerOf } from '../../../../src-main/app/top-consumer';
import { evaluateLedger } from '../../../../src-shared/engine/evaluate';
import { charge, ledger, ms, pool, workspace } from '../../shared/helpers/ledger-builders';

const names = new Map([
  ['ana', 'Ana Lima'],
  ['bo', 'Bo Chen'],
]);

/** The current period of the one pool, walked by the real engine. */
function current(events: ReturnType<typeof charge>[]) {
  const l = ledger({ workspaces: [workspace({ pools: pool(1000) })], events });
  return evaluateLedger(l, { asOf: ms('2026-11-20T12:00:00Z') }).pools[0]!.current;
}

describe('the top consumer of a period', () => {
  it('names the member with the largest share and that member’s own largest action', () => {
    // Worked by hand: Ana 30 (email 20, llm 10) + Bo 25 (llm 25) = 55 spent.
    // Ana: 30 / 55 = 54.5 %; her email 20 / 30 = 66.7 % of her credits, though llm leads the pool (35).
    const r = current([
      charge('2026-11-03T09:00:00Z', 5, { memberId: 'ana', action: 'email' }),
      charge('2026-11-03T10:00:00Z', 15, { memberId: 'ana', action: 'email' }),
      charge('2026-11-04T09:00:00Z', 10, { memberId: 'ana', action: 'llm' }),
      charge('2026-11-05T09:00:00Z', 25, { memberId: 'bo', action: 'llm' }),
    ]);
    const top = topConsumerOf(r, names)!;
    expect(top).toMatchObject({ memberId: 'ana', name: 'Ana Lima', credits: 30, action: 'email' });
    expect(top.share).toBeCloseTo(54.545, 2);
    expect(top.actionShare).toBeCloseTo(66.667, 2);
  });

  it('breaks a tie by member id, and says nothing when nothing was spent', () => {
    const r = current([
      charge('2026-11-03T09:00:00Z', 10, { memberId: 'bo', action: 'llm' }),
      charge('2026-11-03T10:00:00Z', 10, { memberId: 'ana', action: 'file' }),
    ]);
    expect(topConsumerOf(r, names)).toMatchObject({
      memberId: 'ana',
      share: 50,
      action: 'file',
      actionShare: 100,
    });
    expect(topConsumerOf(current([]), names)).toBeNull();
    // A member the workspace does not list is named by id.
    expect(topConsumerOf(r, new Map())?.name).toBe('ana');
  });

  it('without per-member actions (a period rebuilt from its summary) names the member only', () => {
    const r = current([charge('2026-11-03T09:00:00Z', 10, { memberId: 'bo', action: 'llm' })]);
    expect(topConsumerOf({ byMember: r.byMember }, names)).toMatchObject({
      name: 'Bo Chen',
      share: 100,
      action: null,
      actionShare: null,
    });
  });
});
