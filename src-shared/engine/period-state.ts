import { parseInstant, type Millis } from '../time/instant';
import type { PoolKind } from '../types/ledger';
import type { Period } from './periods';

/**
 * Where a reviewed period stands at the instant of the review:
 * - `closed`: it ended; its review is final.
 * - `in-progress`: it holds the instant: used so far, days left, compared to date.
 * - `not-started`: it starts after the instant; there is nothing to review.
 * - `no-data`: it ended before (or holds no record up to) the pool's first record: Creditbar has no
 *   usage from then, which is not the same as "0 used, never ran dry".
 */
export type PeriodState = 'closed' | 'in-progress' | 'not-started' | 'no-data';

/** The state of `period` at `asOf`, given the pool's first record at or before asOf (null: none). */
export function periodStateOf(period: Period, asOf: Millis, firstRecord: Millis | null): PeriodState {
  if (period.start > asOf) return 'not-started';
  if (firstRecord === null || firstRecord >= period.end) return 'no-data';
  return period.end <= asOf ? 'closed' : 'in-progress';
}

/**
 * The instant of `previous` that matches `asOf` in `current`: as long after its start as asOf is
 * after the current period's start (at most its end). An in-progress period is compared with the
 * one before it at this point, to date against to date, never a whole period against a partial one.
 */
export function samePointIn(previous: Period, current: Period, asOf: Millis): Millis {
  return Math.min(previous.end, previous.start + Math.max(0, asOf - current.start));
}

/** A record of a pool that shows Creditbar has data from its instant on. */
interface PoolRecord {
  pool: PoolKind;
}

/**
 * The first record (event, grant or reading) of one pool at or before asOf, or null. Records after
 * asOf do not exist yet, as for the engine.
 */
export function firstRecordOf(
  pool: PoolKind,
  asOf: Millis,
  records: {
    events: readonly (PoolRecord & { occurredAt: string })[];
    grants: readonly (PoolRecord & { grantedAt: string })[];
    readings: readonly (PoolRecord & { at: string })[];
  },
): Millis | null {
  let first = Number.POSITIVE_INFINITY;
  const see = (p: PoolKind, iso: string) => {
    if (p !== pool) return;
    const t = parseInstant(iso);
    if (t <= asOf && t < first) first = t;
  };
  for (const e of records.events) see(e.pool, e.occurredAt);
  for (const g of records.grants) see(g.pool, g.grantedAt);
  for (const r of records.readings) see(r.pool, r.at);
  return Number.isFinite(first) ? first : null;
}
