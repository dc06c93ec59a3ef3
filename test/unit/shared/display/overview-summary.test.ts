import { describe, expect, it } from 'vitest';
import { overviewHeadline, type SummaryRow } from '../../../../src-shared/display/overview-summary';
import type { PoolState } from '../../../../src-shared/display/pool-state';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const style = { locale: 'en-US', timeZone: 'UTC' };

/** A one-pool workspace in `state` (dry since 2 hours before NOW; at risk running dry 2 days after). */
function row(name: string, state: PoolState, passedThreshold: number | null = null): SummaryRow {
  return {
    workspace: {
      name,
      pools: [{}] as SummaryRow['workspace']['pools'],
      source: 'sync',
      freshness: { kind: state === 'stale' ? 'stale' : 'live', lastSyncAt: null, ageSeconds: null },
    },
    pool: {
      pool: 'integration',
      state,
      exhaustedAt: state === 'dry' ? new Date(NOW - 2 * 3_600_000).toISOString() : null,
      forecast: { runsOutAt: state === 'at-risk' ? new Date(NOW + 2 * 86_400_000).toISOString() : null },
      passedThreshold,
    } as SummaryRow['pool'],
  };
}

describe('overviewHeadline: the worst of the pools, by the state each card shows', () => {
  it.each([
    // Dry and at-risk first; a stale workspace is not named beside them.
    [[row('A', 'dry'), row('B', 'stale')], 'A ran dry 2 hours ago'],
    [[row('A', 'at-risk'), row('B', 'stale')], 'A runs dry in ~2 days'],
    // Stale before a threshold, and never "OK": the card says "Stale".
    [[row('A', 'stale'), row('B', 'past-threshold', 90)], 'Stale data: A'],
    [[row('A', 'stale'), row('B', 'ok')], 'Stale data: A'],
    [
      [row('A', 'stale'), row('B', 'stale'), row('C', 'stale'), row('D', 'stale')],
      'Stale data: A, B and 2 more',
    ],
    [[row('B', 'past-threshold', 90), row('C', 'ok')], 'B is past 90%'],
    [[row('C', 'ok'), row('D', 'ok')], 'Both pools OK'],
  ])('%#', (rows, text) => {
    expect(overviewHeadline(rows, NOW, style)).toBe(text);
  });

  it('names a stale workspace once, however many pools it has', () => {
    const two = row('Studio', 'stale');
    const pools = [{}, {}] as SummaryRow['workspace']['pools'];
    const a = { ...two, workspace: { ...two.workspace, pools } };
    const b = { workspace: a.workspace, pool: { ...a.pool, pool: 'message' as const } };
    expect(overviewHeadline([a, b], NOW, style)).toBe('Stale data: Studio');
  });
});
