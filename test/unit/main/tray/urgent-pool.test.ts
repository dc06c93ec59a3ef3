import { describe, expect, it } from 'vitest';
import { mostUrgentPool, poolsByUrgency } from '../../../../src-main/tray/urgent-pool';
import { pool, workspace } from '../helpers/snapshot-fixtures';

const runsOut = (iso: string) => ({
  burnPerDay: 500,
  projectedUsed: 20_000,
  low: 15_000,
  high: 25_000,
  runsOutAt: iso,
});

// The urgency order (src-shared/display/pool-state.ts): dry, then at risk by run-out, then by percent.
describe('mostUrgentPool (the pool the tray badge shows)', () => {
  it.each([
    {
      name: 'highest percent when nothing is projected to run dry',
      pools: { a: pool({ percentUsed: 40 }), b: pool({ percentUsed: 72 }), c: pool({ percentUsed: 55 }) },
      expected: 'b',
    },
    {
      name: 'a pool at risk beats a fuller one that lasts (60 % running dry tomorrow before 92 % that lasts)',
      pools: {
        a: pool({ percentUsed: 92 }),
        b: pool({ percentUsed: 60, forecast: runsOut('2026-11-21T12:00:00Z') }),
      },
      expected: 'b',
    },
    {
      name: 'among pools at risk, the soonest run-out wins over a higher percent',
      pools: {
        a: pool({ percentUsed: 80, forecast: runsOut('2026-11-28T00:00:00Z') }),
        b: pool({ percentUsed: 60, forecast: runsOut('2026-11-23T00:00:00Z') }),
      },
      expected: 'b',
    },
    {
      name: 'a run-out projected after the reset is not a risk',
      pools: {
        a: pool({ percentUsed: 70, forecast: runsOut('2026-12-03T00:00:00Z') }),
        b: pool({ percentUsed: 75 }),
      },
      expected: 'b',
    },
    {
      name: 'a dry pool beats everything, a pool at risk included',
      pools: {
        a: pool({ percentUsed: 99, forecast: runsOut('2026-11-20T13:00:00Z') }),
        b: pool({ percentUsed: 100, remaining: 0 }),
      },
      expected: 'b',
    },
    {
      name: 'ties fall back to the workspace name, so the badge does not flicker',
      pools: { b: pool({ percentUsed: 50 }), a: pool({ percentUsed: 50 }) },
      expected: 'a',
    },
  ])('$name', ({ pools, expected }) => {
    const workspaces = Object.entries(pools).map(([id, p]) => workspace(id, id, [p]));
    expect(mostUrgentPool(workspaces)?.workspace.id).toBe(expected);
  });

  it('returns null without pools and orders every pool of every workspace', () => {
    expect(mostUrgentPool([])).toBeNull();
    const ws = [
      workspace('a', 'A', [pool({ percentUsed: 10 }), pool({ pool: 'message', percentUsed: 95 })]),
      workspace('b', 'B', [pool({ percentUsed: 60 })]),
    ];
    expect(poolsByUrgency(ws).map((r) => `${r.workspace.id}/${r.pool.pool}`)).toEqual([
      'a/message',
      'b/integration',
      'a/integration',
    ]);
  });
});
