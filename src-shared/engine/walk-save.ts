import type { Millis } from '../time/instant';
import type { CallWindow } from './call-window';
import { CodeSums } from './code-sums';
import type { PoolEvents } from './event-columns';
import type { Holdings } from './holdings';
import { LotBook } from './lots';
import { markUnknown, type PeriodTally } from './period-tally';
import type { Period } from './periods';
import type { PoolWalkConfig } from './pool-walk';
import type { CodeSumsState, WalkState } from './walk-state';

/** The parts of a walk in the middle of a period that a saved walk holds. */
export interface WalkParts {
  p: Period;
  walkedTo: Millis;
  h: Holdings;
  k: PeriodTally;
  window: CallWindow;
  ri: number;
  strings: PoolEvents | null;
}

/** A walk's parts written down (PoolWalk.saveState), to resume it over only the events after `walkedTo`. */
export function savedWalk({ p, walkedTo, h, k, window, ri, strings: s }: WalkParts): WalkState {
  const byMemberAction: [number, CodeSumsState][] = [];
  k.byMemberAction.forEach((sums, m) => byMemberAction.push([m, sums.saved()]));
  const days: number[] = [];
  for (let d = 0; d < k.daySeen.length; d++) if (k.daySeen[d] === 1) days.push(d);
  return {
    period: { start: p.start, end: p.end },
    walkedTo,
    book: h.book.saved(),
    gi: h.gi,
    bonus: h.bonus,
    available: h.available,
    exhaustedAt: h.exhaustedAt,
    used: k.used,
    calls: k.calls,
    blockedCalls: k.blockedCalls,
    blockedCredits: k.blockedCredits,
    halfwayAt: k.halfwayAt,
    reached: [...k.reached],
    nextThreshold: k.nextThreshold,
    members: s ? [...s.members.values] : [],
    actions: s ? [...s.actions.values] : [],
    apps: s ? [...s.apps.values] : [],
    byAction: k.byAction.saved(),
    byMember: k.byMember.saved(),
    byMemberAction,
    byApp: k.byApp.saved(),
    days,
    byDay: days.map((d) => k.byDay[d]!),
    unknown: [...k.unknownOrder],
    budgetReached: [...k.budgetReached],
    repeats: [...k.repeats.values()].map((g) => ({ ...g })),
    ...window.saved(),
    ri,
    observedFrom: k.observedFrom,
    observed: k.observed,
    lastObservation: Number.isFinite(k.lastObservation) ? k.lastObservation : null,
    spans: k.spans.map((x) => ({ ...x })),
    pointsT: Float64Array.from(k.points, (x) => x.t),
    pointsC: Float64Array.from(k.points, (x) => x.credits),
    readingMarks: k.readingMarks.map((m) => ({ ...m })),
  };
}

/** Throws unless `state` can resume a walk of `config` now in period p over `events`. */
export function checkResumable(
  p: Period,
  config: PoolWalkConfig,
  state: WalkState,
  events: PoolEvents,
): void {
  if (p.start !== state.period.start || p.end !== state.period.end)
    throw new Error('a saved walk must be resumed from the period it was in');
  if (state.reached.length !== config.thresholds.length)
    throw new Error('a saved walk must be resumed with the thresholds it walked with');
  if (state.gi > config.grants.length || state.ri > (config.readings ?? []).length)
    throw new Error('a saved walk must be resumed with the grants and readings it walked with');
  if (events.length > 0 && events.time(0) <= state.walkedTo)
    throw new Error('a saved walk resumes over the events after the instant it walked to only');
}

/** The holdings a saved walk held. */
export function restoredHoldings(state: WalkState): Holdings {
  return {
    book: LotBook.restored(state.book),
    gi: state.gi,
    bonus: state.bonus,
    available: state.available,
    exhaustedAt: state.exhaustedAt,
  };
}

/**
 * Fills k, a new tally of the saved period, with what the saved walk counted; `events` are columns
 * whose dictionaries were made from the state (walk-state.ts's columnsFor).
 */
export function restoreTally(k: PeriodTally, state: WalkState, events: PoolEvents): void {
  k.used = state.used;
  k.calls = state.calls;
  k.blockedCalls = state.blockedCalls;
  k.blockedCredits = state.blockedCredits;
  k.halfwayAt = state.halfwayAt;
  k.reached = [...state.reached];
  k.nextThreshold = state.nextThreshold;
  k.byAction = CodeSums.restored(state.byAction, events.actions.size);
  k.byMember = CodeSums.restored(state.byMember, events.members.size);
  k.byMemberAction = [];
  for (const [m, sums] of state.byMemberAction) k.byMemberAction[m] = CodeSums.restored(sums, 8);
  k.byApp = CodeSums.restored(state.byApp, events.apps.size);
  if (state.days.some((d) => d >= k.byDay.length))
    throw new Error('a saved walk must be resumed from the period it was in');
  state.days.forEach((d, i) => {
    k.daySeen[d] = 1;
    k.byDay[d] = state.byDay[i]!;
  });
  for (const a of state.unknown) markUnknown(k, a);
  k.budgetReached = new Map(state.budgetReached);
  for (const g of state.repeats)
    k.repeats.set(events.hashes.find(g.inputHash) * 64 + (g.day - k.firstDay), { ...g });
  k.observedFrom = state.observedFrom;
  k.observed = state.observed;
  k.lastObservation = state.lastObservation ?? Number.NEGATIVE_INFINITY;
  k.spans = state.spans.map((x) => ({ ...x }));
  k.points = Array.from(state.pointsT, (t, i) => ({ t, credits: state.pointsC[i]! }));
  k.readingMarks = state.readingMarks.map((m) => ({ ...m }));
}
