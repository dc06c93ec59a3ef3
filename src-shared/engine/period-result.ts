import type { PoolKind } from '../types/ledger';
import type { Millis } from '../time/instant';
import type { Lot } from './lots';
import type { ReadingMark } from './observed-usage';

/** When a threshold (percent of what the pool held at that moment) was first reached. */
export interface ThresholdMark {
  percent: number;
  reachedAt: Millis | null;
}

/** A member with a budget the lead set, and when they reached it. */
export interface BudgetMark {
  memberId: string;
  budget: number;
  used: number;
  reachedAt: Millis | null;
}

/** Calls of one day sharing an input fingerprint: what a cache would have answered. */
export interface RepeatGroup {
  inputHash: string;
  action: string;
  day: number;
  calls: number;
  credits: number;
}

/** Credits charged per day in the trailing window that feeds the forecast. */
export interface BurnWindow {
  /** Start of the window: end − 7 days, clipped to the period start. */
  start: Millis;
  /**
   * End of the window: asOf, or with readings the last observation (what happened since is not
   * known yet). Summaries written before readings existed leave it out: their windows end at asOf.
   */
  end?: Millis;
  credits: number;
  /** Credits per 24 h bucket counted back from the end; bucket k is (end − (k+1)·24h, end − k·24h]. */
  buckets: number[];
  /**
   * With readings: how many observations (readings and calls) fed the window. A reading's credits are
   * spread evenly over its buckets, so fewer than two say nothing about the day-to-day spread.
   */
  observations?: number;
}

/** One pool in one period, as the engine saw it at `asOf` (a closed period is seen at its end). */
export interface PeriodResult {
  pool: PoolKind;
  start: Millis;
  end: Millis;
  asOf: Millis;
  closed: boolean;
  allowance: number;
  /** Non-plan credits usable in the period: carried in, plus granted up to asOf, less what expired unspent. */
  bonus: number;
  used: number;
  /** Calls that ran (charged, or free). */
  calls: number;
  blockedCalls: number;
  /** What the blocked calls would have cost: demand the pool could not serve. */
  blockedCredits: number;
  exhaustedAt: Millis | null;
  /** What the empty pool stopped: the apps' calls, or only publishing edits (calls ran on). */
  exhaustion: 'calls' | 'publishing';
  thresholds: ThresholdMark[];
  /** When 50 % was first reached, whether or not 50 is a configured threshold (mid-period audit). */
  halfwayAt: Millis | null;
  byAction: Map<string, number>;
  byMember: Map<string, number>;
  /**
   * Credits per member and action, from a walk over the period's calls (who spent on what: the
   * popover's "Ana: 54 % of this period, mostly email"). Absent for a period rebuilt from its summary.
   */
  byMemberAction?: Map<string, Map<string, number>>;
  byApp: Map<string, number>;
  /** Credits per UTC day, keyed by whole days since the epoch. */
  byDay: Map<number, number>;
  unknownActions: Set<string>;
  budgets: BudgetMark[];
  window: BurnWindow;
  /** Credits that came from balance readings (observed usage, not calls): breakdowns leave them out. */
  observed: number;
  /** The readings of the period, as the walk counted them (oldest first). */
  readings: ReadingMark[];
  /** Repeated inputs per day, keyed by fingerprint and day. */
  repeats: Map<string, RepeatGroup>;
  /** Non-plan lots left at asOf: what carries into the next period. */
  carryOut: Lot[];
}

/** Where the burn window ends: the last observation with readings, else asOf. */
export function windowEndOf(r: PeriodResult): Millis {
  return r.window.end ?? r.asOf;
}

/** Credits the pool held at asOf (allowance plus bonus). */
export function availableOf(r: PeriodResult): number {
  return r.allowance + r.bonus;
}

/** Credits still spendable at asOf; negative only past an allowed overage. */
export function remainingOf(r: PeriodResult): number {
  return r.allowance + r.bonus - r.used;
}

/** Used as a percent of available, two decimals; an empty pool counts as fully used. */
export function percentUsedOf(r: PeriodResult): number {
  const available = availableOf(r);
  if (available <= 0) return 100;
  return Math.round((r.used / available) * 10_000) / 100;
}
