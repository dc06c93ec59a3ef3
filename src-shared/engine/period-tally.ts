import { DAY_MS, type Millis } from '../time/instant';
import type { CallWindow } from './call-window';
import { CodeSums } from './code-sums';
import type { PoolEvents } from './event-columns';
import type { Holdings } from './holdings';
import { observedWindow, type ChargedPoint, type ObservedSpan, type ReadingMark } from './observed-usage';
import type { PeriodResult, RepeatGroup } from './period-result';
import type { Period } from './periods';
import type { PoolWalkConfig } from './pool-walk';

/** What a walk has counted in its current period; a new period starts a new tally. */
export interface PeriodTally {
  used: number;
  calls: number;
  blockedCalls: number;
  blockedCredits: number;
  halfwayAt: Millis | null;
  reached: (Millis | null)[];
  nextThreshold: number;
  byAction: CodeSums;
  byMember: CodeSums;
  /** Per member code, that member's credits by action code (who spent on what). */
  byMemberAction: CodeSums[];
  byApp: CodeSums;
  /** Credits per day of the period, by day index from the period's first day. */
  byDay: Float64Array;
  daySeen: Uint8Array;
  firstDay: number;
  unknownSeen: Uint8Array;
  unknownOrder: number[];
  budgetReached: Map<number, Millis>;
  repeats: Map<number, RepeatGroup>;
  // Readings: the observation each one's span starts from, what they added, and (only for a pool
  // that has readings) the charged calls, since its window ends at the last observation.
  observedFrom: number;
  observed: number;
  lastObservation: number;
  spans: ObservedSpan[];
  points: ChargedPoint[];
  readingMarks: ReadingMark[];
}

/** An empty tally for period p, its sums sized for the dictionaries of `s` (null: no events yet). */
export function openTally(p: Period, thresholds: readonly number[], s: PoolEvents | null): PeriodTally {
  const firstDay = Math.floor(p.start / DAY_MS);
  const days = Math.floor((p.end - 1) / DAY_MS) - firstDay + 1;
  return {
    used: 0,
    calls: 0,
    blockedCalls: 0,
    blockedCredits: 0,
    halfwayAt: null,
    reached: thresholds.map(() => null),
    nextThreshold: 0,
    byAction: new CodeSums(s?.actions.size ?? 0),
    byMember: new CodeSums(s?.members.size ?? 0),
    byMemberAction: [],
    byApp: new CodeSums(s?.apps.size ?? 0),
    firstDay,
    byDay: new Float64Array(days),
    daySeen: new Uint8Array(days),
    unknownSeen: new Uint8Array(Math.max(8, s?.actions.size ?? 0)),
    unknownOrder: [],
    budgetReached: new Map(),
    repeats: new Map(),
    observedFrom: p.start,
    observed: 0,
    lastObservation: Number.NEGATIVE_INFINITY,
    spans: [],
    points: [],
    readingMarks: [],
  };
}

/** Notes action code `a` as priced unknown (once, in the order met). */
export function markUnknown(k: PeriodTally, a: number): void {
  if (a >= k.unknownSeen.length) {
    const seen = new Uint8Array(Math.max(a + 1, k.unknownSeen.length * 2));
    seen.set(k.unknownSeen);
    k.unknownSeen = seen;
  }
  if (k.unknownSeen[a] === 0) {
    k.unknownSeen[a] = 1;
    k.unknownOrder.push(a);
  }
}

/** The period as the tally, holdings `h` and calls window show it at `at`, codes named by `s`'s dictionaries. */
export function tallyResult(
  config: PoolWalkConfig,
  p: Period,
  k: PeriodTally,
  window: CallWindow,
  s: PoolEvents | null,
  at: Millis,
  closed: boolean,
  h: Holdings,
): PeriodResult {
  const byDay = new Map<number, number>();
  for (let d = 0; d < k.byDay.length; d++) if (k.daySeen[d] === 1) byDay.set(k.firstDay + d, k.byDay[d]!);
  const byMember = s ? k.byMember.toMap(s.members) : new Map<string, number>();
  const byMemberAction = new Map<string, Map<string, number>>();
  if (s)
    for (const m of k.byMember.order)
      byMemberAction.set(s.members.values[m]!, k.byMemberAction[m]?.toMap(s.actions) ?? new Map());
  const reachedBy = new Map<string, Millis>();
  if (s) for (const [m, t] of k.budgetReached) reachedBy.set(s.members.values[m]!, t);
  const repeats = new Map<string, RepeatGroup>();
  for (const g of k.repeats.values()) repeats.set(`${g.day}|${g.inputHash}`, { ...g });
  return {
    pool: config.pool.pool,
    start: p.start,
    end: p.end,
    asOf: at,
    closed,
    allowance: config.pool.allowance,
    bonus: h.bonus,
    used: k.used,
    calls: k.calls,
    blockedCalls: k.blockedCalls,
    blockedCredits: k.blockedCredits,
    exhaustedAt: h.exhaustedAt,
    exhaustion: config.pool.exhaustion,
    thresholds: config.thresholds.map((percent, i) => ({ percent, reachedAt: k.reached[i]! })),
    halfwayAt: k.halfwayAt,
    byAction: s ? k.byAction.toMap(s.actions) : new Map(),
    byMember,
    byMemberAction,
    byApp: s ? k.byApp.toMap(s.apps) : new Map(),
    byDay,
    unknownActions: new Set(s ? k.unknownOrder.map((a) => s.actions.values[a]!) : []),
    budgets: [...config.budgets].map(([memberId, budget]) => ({
      memberId,
      budget,
      used: byMember.get(memberId) ?? 0,
      reachedAt: reachedBy.get(memberId) ?? null,
    })),
    window:
      k.spans.length > 0
        ? observedWindow(k.spans, k.points, p.start, k.lastObservation)
        : window.at(at, p.start),
    observed: k.observed,
    readings: k.readingMarks.map((m) => ({ ...m })),
    repeats,
    carryOut: h.book.carry(),
  };
}
