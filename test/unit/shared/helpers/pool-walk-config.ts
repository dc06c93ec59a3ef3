import type { PoolWalkConfig } from '../../../../src-shared/engine/pool-walk';
import type { ResolvedPool } from '../../../../src-shared/engine/resolve-workspace';

/** The walk of a calendar-month pool of `allowance` credits where calls are blocked once it is empty, thresholds at 50 %. */
export function calendarMonthPool(allowance: number): PoolWalkConfig {
  const pool: ResolvedPool = {
    pool: 'integration',
    allowance,
    reset: { kind: 'calendar-month' },
    overage: false,
    exhaustion: 'calls',
    thresholds: [50, 90, 100],
  };
  return { pool, thresholds: [50], budgets: new Map(), grants: [] };
}
