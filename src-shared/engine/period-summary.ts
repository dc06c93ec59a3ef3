import type { PoolKind } from '../types/ledger';
import type { Millis } from '../time/instant';
import { lotsFromJson, lotsToJson, type LotJson, type PoolCheckpoint } from './checkpoint';
import type { ReadingMark } from './observed-usage';
import type { BudgetMark, BurnWindow, PeriodResult } from './period-result';

/**
 * Percents whose crossing instants a summary keeps besides the configured thresholds: every whole
 * percent, so that a lead who changes thresholds later still reviews a closed month exactly.
 */
export const SUMMARY_MARKS: readonly number[] = Array.from({ length: 100 }, (_, i) => i + 1);

/** The marks to walk a period with before summarising it: every whole percent plus the configured ones. */
export function summaryThresholds(configured: readonly number[]): number[] {
  return [...new Set([...SUMMARY_MARKS, ...configured])].sort((a, b) => a - b);
}

/**
 * A closed period reduced to what a month review needs, in JSON-safe values: totals, the instants
 * thresholds were crossed, exhaustion, blocked calls, breakdowns, the burn window (for the
 * forecast seen at the period's end) and the lots it carried out (the checkpoint of the next one).
 */
export interface PeriodSummary {
  pool: PoolKind;
  start: Millis;
  end: Millis;
  allowance: number;
  bonus: number;
  used: number;
  calls: number;
  blockedCalls: number;
  blockedCredits: number;
  exhaustedAt: Millis | null;
  halfwayAt: Millis | null;
  /** Percent → instant it was first reached; percents never reached are left out. */
  marks: Record<string, Millis>;
  budgets: BudgetMark[];
  unknownActions: string[];
  window: BurnWindow;
  byAction: Record<string, number>;
  byMember: Record<string, number>;
  byApp: Record<string, number>;
  /** Whole days since the epoch → credits. */
  byDay: Record<string, number>;
  carryOut: LotJson[];
  /** Set when an empty pool stopped only publishing (calls ran on); absent means calls. */
  exhaustion?: 'publishing';
  /** Credits from readings and the readings as counted; absent in summaries of periods without any. */
  observed?: number;
  readings?: ReadingMark[];
}

/** Summarises a closed period walked with summaryThresholds(...). */
export function summarizePeriod(r: PeriodResult): PeriodSummary {
  if (!r.closed)
    throw new Error(
      `period ${new Date(r.start).toISOString()} of pool ${r.pool} is not closed and cannot be summarised`,
    );
  const marks: Record<string, Millis> = {};
  for (const m of r.thresholds) if (m.reachedAt !== null) marks[String(m.percent)] = m.reachedAt;
  return {
    pool: r.pool,
    start: r.start,
    end: r.end,
    allowance: r.allowance,
    bonus: r.bonus,
    used: r.used,
    calls: r.calls,
    blockedCalls: r.blockedCalls,
    blockedCredits: r.blockedCredits,
    exhaustedAt: r.exhaustedAt,
    halfwayAt: r.halfwayAt,
    marks,
    budgets: r.budgets.map((b) => ({ ...b })),
    unknownActions: [...r.unknownActions].sort(),
    window: copyWindow(r.window),
    byAction: Object.fromEntries(r.byAction),
    byMember: Object.fromEntries(r.byMember),
    byApp: Object.fromEntries(r.byApp),
    byDay: Object.fromEntries(r.byDay),
    carryOut: lotsToJson(r.carryOut),
    ...(r.exhaustion === 'publishing' ? { exhaustion: 'publishing' as const } : {}),
    ...(r.readings.length > 0 ? { observed: r.observed, readings: r.readings.map((m) => ({ ...m })) } : {}),
  };
}

function copyWindow(w: BurnWindow): BurnWindow {
  return {
    start: w.start,
    ...(w.end !== undefined ? { end: w.end } : {}),
    credits: w.credits,
    buckets: [...w.buckets],
    ...(w.observations !== undefined ? { observations: w.observations } : {}),
  };
}

/** The checkpoint a summary hands to the period after it. */
export function checkpointAfter(s: PeriodSummary): PoolCheckpoint {
  return { start: s.end, carry: lotsFromJson(s.carryOut) };
}

/**
 * A closed period rebuilt from its summary as the engine would have seen it at its end, with the
 * given thresholds. A threshold that is neither a whole percent nor was configured when the period
 * was summarised has no recorded instant and shows as not reached.
 */
export function periodFromSummary(s: PeriodSummary, thresholds: readonly number[]): PeriodResult {
  return {
    pool: s.pool,
    start: s.start,
    end: s.end,
    asOf: s.end,
    closed: true,
    allowance: s.allowance,
    bonus: s.bonus,
    used: s.used,
    calls: s.calls,
    blockedCalls: s.blockedCalls,
    blockedCredits: s.blockedCredits,
    exhaustedAt: s.exhaustedAt,
    exhaustion: s.exhaustion ?? 'calls',
    thresholds: thresholds.map((percent) => ({ percent, reachedAt: s.marks[String(percent)] ?? null })),
    halfwayAt: s.halfwayAt,
    byAction: new Map(Object.entries(s.byAction)),
    byMember: new Map(Object.entries(s.byMember)),
    byApp: new Map(Object.entries(s.byApp)),
    byDay: new Map(Object.entries(s.byDay).map(([d, c]) => [Number(d), c])),
    unknownActions: new Set(s.unknownActions),
    budgets: s.budgets.map((b) => ({ ...b })),
    window: copyWindow(s.window),
    observed: s.observed ?? 0,
    readings: (s.readings ?? []).map((m) => ({ ...m })),
    repeats: new Map(),
    carryOut: lotsFromJson(s.carryOut),
  };
}
