import { describe, expect, it } from 'vitest';
import { syncPolicyOf } from '../../../../src-main/app/sync-policy';
import { pool, snapshot, workspace } from '../helpers/snapshot-fixtures';

describe('syncPolicyOf', () => {
  it.each([
    ['calm pools', [40, 70], false],
    ['a pool at 90 %', [40, 90], true],
    ['only a dry pool: nothing can change before its reset', [40, 100], false],
  ])('%s: hot=%s', (_name, percents, hot) => {
    const snap = snapshot([
      workspace(
        'a',
        'A',
        percents.map((p) => pool({ percentUsed: p })),
      ),
    ]);
    expect(syncPolicyOf(snap, { syncIntervalMinutes: 5 })).toMatchObject({ intervalMs: 300_000, hot });
  });

  it('knows the soonest reset among all pools', () => {
    const snap = snapshot([
      workspace('a', 'A', [pool({ percentUsed: 10, periodEnd: '2026-12-01T00:00:00.000Z' })]),
      workspace('b', 'B', [pool({ percentUsed: 10, periodEnd: '2026-11-25T00:00:00.000Z' })]),
    ]);
    expect(syncPolicyOf(snap, { syncIntervalMinutes: 15 }).nextResetAt).toBe(
      Date.parse('2026-11-25T00:00:00.000Z'),
    );
    expect(syncPolicyOf(snapshot([]), { syncIntervalMinutes: 15 }).nextResetAt).toBeNull();
  });
});
