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

  it('says an at-risk run-out to the nearest unit under its "~" (2 h 58 min is ~3 hours, 23 h 40 min ~1 day)', () => {
    const atRisk = (ms: number): SummaryRow[] => {
      const r = row('A', 'at-risk');
      const forecast = { ...r.pool.forecast, runsOutAt: new Date(NOW + ms).toISOString() };
      return [{ ...r, pool: { ...r.pool, forecast } }];
    };
    expect(overviewHeadline(atRisk(2 * 3_600_000 + 58 * 60_000), NOW, style)).toBe('A runs dry in ~3 hours');
    expect(overviewHeadline(atRisk(2 * 3_600_000 + 29 * 60_000), NOW, style)).toBe('A runs dry in ~2 hours');
    expect(overviewHeadline(atRisk(23 * 3_600_000 + 40 * 60_000), NOW, style)).toBe('A runs dry in ~1 day');
  });

  it('names a stale workspace once, however many pools it has', () => {
    const two = row('Studio', 'stale');
    const pools = [{}, {}] as SummaryRow['workspace']['pools'];
    const a = { ...two, workspace: { ...two.workspace, pools } };
    const b = { workspace: a.workspace, pool: { ...a.pool, pool: 'message' as const } };
    expect(overviewHeadline([a, b], NOW, style)).toBe('Stale data: Studio');
  });

  it('a pool of a two-pool workspace, named as the tray names it, takes a plural verb in every variant', () => {
    // "Help desk integrations" (the tray's name: workspace, then the plural kind) reads with "run",
    // "are"; the one-pool workspaces above keep "runs", "is". Dry 2 hours before NOW, at risk 4 hours
    // after it, the about-to-run-dry case 1 minute before it, past 90 %.
    const pools = [{}, {}] as SummaryRow['workspace']['pools'];
    const of = (state: PoolState, more: Partial<SummaryRow['pool']> = {}): SummaryRow[] => {
      const r = row('Help desk', state, state === 'past-threshold' ? 90 : null);
      return [{ workspace: { ...r.workspace, pools }, pool: { ...r.pool, ...more } }];
    };
    const at = (ms: number) =>
      ({ forecast: { runsOutAt: new Date(NOW + ms).toISOString() } }) as Partial<SummaryRow['pool']>;
    expect(overviewHeadline(of('at-risk', at(4 * 3_600_000)), NOW, style)).toBe(
      'Help desk integrations run dry in ~4 hours',
    );
    expect(overviewHeadline(of('at-risk', at(-60_000)), NOW, style)).toBe(
      'Help desk integrations are about to run dry',
    );
    expect(overviewHeadline(of('dry'), NOW, style)).toBe('Help desk integrations ran dry 2 hours ago');
    expect(overviewHeadline(of('dry', { exhaustedAt: null }), NOW, style)).toBe(
      'Help desk integrations are dry',
    );
    expect(overviewHeadline(of('past-threshold'), NOW, style)).toBe('Help desk integrations are past 90%');
    expect(overviewHeadline(of('stale'), NOW, style)).toBe('Stale data: Help desk');
  });
});
