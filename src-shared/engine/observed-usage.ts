import type { PoolKind, Reading } from '../types/ledger';
import { DAY_MS, parseInstant, type Millis } from '../time/instant';
import { EngineInputError } from './errors';
import type { BurnWindow } from './period-result';

/** Length of the trailing window the burn rate is measured over. */
export const BURN_WINDOW_DAYS = 7;

/** A reading reduced to what the walk needs. */
export interface PoolReading {
  id: string;
  t: Millis;
  kind: 'used' | 'remaining';
  value: number;
}

/** What the walk made of one reading. */
export interface ReadingMark {
  id: string;
  at: Millis;
  /** The observation before it: the previous counted reading of the period, or the period start. */
  after: Millis;
  /** Credits it added (the difference from what was counted before); 0 when it went backwards. */
  credits: number;
  /** How far below the count it was, with no grant to explain it (kept, not counted); 0 otherwise. */
  backwardsBy: number;
}

/** Usage observed over (from, to]: the credits a reading added, spread over the time since the one before. */
export interface ObservedSpan {
  from: Millis;
  to: Millis;
  credits: number;
}

/** A charged call, for the window of a period that mixes readings and events. */
export interface ChargedPoint {
  t: Millis;
  credits: number;
}

/**
 * One pool's readings as the walk takes them: not dismissed, in [from, asOf], by instant then id.
 * Readings at one instant with different values would make the order matter, so ids break ties.
 */
export function preparePoolReadings(
  readings: readonly Reading[],
  pool: PoolKind,
  asOf: Millis,
  from = Number.NEGATIVE_INFINITY,
): PoolReading[] {
  const out: PoolReading[] = [];
  for (const r of readings) {
    if (r.pool !== pool || r.dismissed) continue;
    const t = parseInstant(r.at);
    if (Number.isNaN(t)) {
      const record = `reading "${r.id}"`;
      throw new EngineInputError(`${record}: at "${r.at}" is not an ISO 8601 instant`, {
        record,
        field: 'at',
      });
    }
    if (t > asOf || t < from) continue;
    out.push(
      r.used !== undefined
        ? { id: r.id, t, kind: 'used', value: r.used }
        : { id: r.id, t, kind: 'remaining', value: r.remaining ?? 0 },
    );
  }
  return out.sort((a, b) => a.t - b.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Calls `add` with each UTC day's share of a span, in proportion to the time of (from, to] in that day. */
export function spreadOverDays(span: ObservedSpan, add: (day: number, credits: number) => void): void {
  const length = span.to - span.from;
  if (length <= 0) {
    add(Math.floor(span.to / DAY_MS), span.credits);
    return;
  }
  for (let day = Math.floor(span.from / DAY_MS); day * DAY_MS < span.to; day++) {
    const lo = Math.max(span.from, day * DAY_MS);
    const hi = Math.min(span.to, (day + 1) * DAY_MS);
    if (hi > lo) add(day, (span.credits * (hi - lo)) / length);
  }
}

/**
 * The burn window of a period with readings: (end − 7 d, end] clipped to the period start, where
 * `end` is the last observation (a reading, or a later call). What happened since is not known yet,
 * so the window ends there and not at asOf. Each reading's credits count in proportion to the part of
 * its span inside the window and are spread over the 24 h buckets the same way; calls count whole.
 * With readings a day apart, taken at the same hour, this equals the window of one call per reading.
 */
export function observedWindow(
  spans: readonly ObservedSpan[],
  points: readonly ChargedPoint[],
  periodStart: Millis,
  end: Millis,
): BurnWindow {
  const start = Math.max(end - BURN_WINDOW_DAYS * DAY_MS, periodStart);
  const clipped = start === periodStart;
  const buckets = new Array<number>(BURN_WINDOW_DAYS).fill(0);
  let credits = 0;
  let observations = 0;
  const addPoint = (t: Millis, c: number) => {
    if (t > end || !(t > start || (clipped && t === start))) return;
    buckets[Math.min(BURN_WINDOW_DAYS - 1, Math.floor((end - t) / DAY_MS))]! += c;
    credits += c;
    observations++;
  };
  for (const span of spans) {
    const length = span.to - span.from;
    if (length <= 0) {
      addPoint(span.to, span.credits);
      continue;
    }
    if (Math.min(span.to, end) > Math.max(span.from, start)) observations++;
    for (let k = 0; k < BURN_WINDOW_DAYS; k++) {
      const lo = Math.max(span.from, start, end - (k + 1) * DAY_MS);
      const hi = Math.min(span.to, end - k * DAY_MS);
      if (hi <= lo) continue;
      const share = (span.credits * (hi - lo)) / length;
      buckets[k]! += share;
      credits += share;
    }
  }
  for (const p of points) addPoint(p.t, p.credits);
  return { start, end, credits, buckets, observations };
}
