import type { Millis } from '../time/instant';
import type { PoolEvents } from './event-columns';
import type { Lot } from './lots';
import type { PoolReading } from './observed-usage';
import type { PeriodResult } from './period-result';
import type { PoolGrant } from './pool-events';
import { PoolWalk } from './pool-walk';
import type { ResolvedPool } from './resolve-workspace';

export { NO_APP } from './event-columns';
export { BURN_WINDOW_DAYS, QUIET_HORIZON_MS } from './pool-walk';

export interface SimulateInput {
  pool: ResolvedPool;
  /** Configured thresholds in percent, ascending. */
  thresholds: readonly number[];
  budgets: ReadonlyMap<string, number>;
  events: PoolEvents;
  /** Grants of this pool granted at or before asOf, by grantedAt then id. */
  grants: readonly PoolGrant[];
  /**
   * Balance readings of this pool (see preparePoolReadings), by instant then id. Each becomes observed
   * usage: the difference between what it shows and what was counted before it, spread over the
   * time since the observation before. A reading at the instant of a call comes after the call.
   */
  readings?: readonly PoolReading[];
  asOf: Millis;
  /**
   * Start at this period with these lots carried in, instead of walking from the first record:
   * closed periods kept as checkpoints need not be walked again. Events and grants before
   * `from.start` must then be left out of the input.
   */
  from?: { start: Millis; carry: Lot[] };
  /** Walk at least from the period holding this instant, even if the first record is later. */
  earliest?: Millis;
  /** Called for every call that ran (not blocked) with its index in `events` and the credits charged: rollups are built from it. */
  onCall?: (index: number, credits: number) => void;
}

/**
 * The instant whose period a walk without a checkpoint starts in: the first record's (event,
 * grant or reading), or asOf's (or `earliest`'s) when that is earlier.
 */
export function firstWalkInstant(
  events: PoolEvents,
  grants: readonly PoolGrant[],
  readings: readonly PoolReading[],
  asOf: Millis,
  earliest?: Millis,
): Millis {
  let first = Math.min(asOf, earliest ?? asOf);
  if (events.length > 0) first = Math.min(first, events.time(0));
  if (grants.length > 0) first = Math.min(first, grants[0]!.grantedAt);
  if (readings.length > 0) first = Math.min(first, readings[0]!.t);
  return first;
}

/**
 * Walks one pool period by period, from its first record (or a checkpoint) to the period that holds
 * asOf, spending every charged call from the grants in burn order. Non-expiring bonuses carry
 * across periods, which is why earlier periods must be walked at all. Returns one result per period.
 */
export function simulatePool(input: SimulateInput): PeriodResult[] {
  const { events, grants, asOf } = input;
  const readings = input.readings ?? [];
  const anchor = input.earliest !== undefined ? { anchor: input.earliest } : {};
  const walk = new PoolWalk(
    {
      pool: input.pool,
      thresholds: input.thresholds,
      budgets: input.budgets,
      grants,
      readings,
      ...(input.onCall ? { onCall: input.onCall } : {}),
    },
    input.from
      ? { ...input.from, ...anchor }
      : { start: firstWalkInstant(events, grants, readings, asOf, input.earliest), carry: [], ...anchor },
  );
  walk.advance(events, asOf);
  return walk.results(asOf);
}
