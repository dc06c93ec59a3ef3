import type { EventColumns } from '../../../../src-shared/engine/event-columns';
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

/** Copies events [from, to) of `src` into `into` (a source handing its events from an instant on). */
export function copyFrom(src: EventColumns, from: number, into: EventColumns, to = src.length): void {
  for (let i = from; i < to; i++) {
    into.push(
      src.time(i),
      src.priceOf(i),
      src.unknown[i] === 1,
      src.members.values[src.member[i]!]!,
      src.actions.values[src.action[i]!]!,
      src.apps.values[src.app[i]!]!,
      src.inputHash[i]! < 0 ? undefined : src.hashes.values[src.inputHash[i]!],
    );
  }
}
