import { BURN_WINDOW_DAYS } from '../../src-shared/engine/simulate-pool';
import { DAY_MS } from '../../src-shared/time/instant';
import type { PoolRole } from './demo-cast';
import type { Part } from './fill';

/** The live pace the demo's defaults assume: one real minute carries an hour of usage. */
export const DEFAULT_PACE = 60;

/** Live activity never drops below this share of a workspace's average (quiet nights still move). */
export const LIVE_ACTIVITY_FLOOR = 0.6;

/**
 * The near-half pool starts this much live activity short of 50 %. Events come whole (up to 10
 * credits), so the crossing lands 20-45 s after start at the default pace, whatever the hour.
 */
export const NEAR_HALF_CROSSING_MS = 20_000;

/** The forecast the pace-90 pool is set up to reach by its reset, as a fraction of what it holds. */
const PACE_90_PROJECTED = 0.96;
/** Just under 90 %: the 90 % threshold is still ahead of it. */
const PACE_90_CAP = 0.8999;
/** The run-dry pool asks for this much more than it holds, so it runs dry and calls get blocked. */
const RUNS_DRY_DEMAND = 1.25;
/** The engine's trailing window for the burn rate: calibrating the same window makes its forecast land. */
const BURN_WINDOW_MS = BURN_WINDOW_DAYS * DAY_MS;

export interface CurrentPeriod {
  start: number;
  end: number;
  now: number;
  /** What the pool holds this period (allowance plus usable bonus). */
  available: number;
  /** Usual fraction used over a whole period. */
  pace: number;
  /** Credits live activity adds in NEAR_HALF_CROSSING_MS at the default pace (near-half only). */
  liveCrossingCredits: number;
}

export interface Calibration {
  /** Parts of [start, now] and the credits each must hold. */
  parts: Part[];
  /** Credits per millisecond of live activity at pace 1 (before the time-of-day factor). */
  liveRatePerMs: number;
}

/**
 * The credits of a pool's current period up to `now`, by role, so that what the role promises holds
 * whatever day of the period `now` falls on (see PoolRole). Pure arithmetic; the generator then
 * lands within one credit of each part.
 */
export function calibrateCurrentPeriod(role: PoolRole, p: CurrentPeriod): Calibration {
  const length = p.end - p.start;
  const elapsed = Math.max(0, p.now - p.start);
  const usualRate = (p.pace * p.available) / length;
  switch (role) {
    case 'near-half':
      return {
        parts: [
          { start: p.start, end: p.now, credits: Math.max(0, 0.5 * p.available - p.liveCrossingCredits) },
        ],
        liveRatePerMs: usualRate,
      };
    case 'steady':
      return {
        parts: [{ start: p.start, end: p.now, credits: usualRate * elapsed }],
        liveRatePerMs: usualRate,
      };
    case 'runs-dry':
      return {
        parts: [{ start: p.start, end: p.now, credits: RUNS_DRY_DEMAND * p.available }],
        liveRatePerMs: usualRate,
      };
    case 'pace-90': {
      // Used so far: on a 96 % pace, capped just under 90 %. The trailing burn window then burns
      // fast enough for the engine's forecast (used + burn x days left) to reach 96 % by the reset.
      const usedFraction = Math.min(PACE_90_PROJECTED * (elapsed / length), PACE_90_CAP);
      const windowMs = Math.min(BURN_WINDOW_MS, elapsed);
      const left = p.end - p.now;
      if (windowMs <= 0) return { parts: [], liveRatePerMs: usualRate };
      const uniform = usedFraction / elapsed;
      const needed = left > 0 ? (PACE_90_PROJECTED - usedFraction) / left : uniform;
      const burn = Math.min(Math.max(uniform, needed), usedFraction / windowMs); // fraction per ms
      // Whole credits, rounded up: events come whole and fillPart never overshoots, so in the first
      // hour of a period (0.67 credits due 3 minutes in, 6.7 at 30) the window landed a credit short
      // and its burn projected 89 % or nothing at all; one credit more only projects higher.
      const windowCredits = Math.ceil(burn * windowMs * p.available);
      const used = Math.max(usedFraction * p.available, windowCredits);
      const windowStart = p.now - windowMs;
      return {
        parts: [
          { start: p.start, end: windowStart, credits: used - windowCredits },
          { start: windowStart, end: p.now, credits: windowCredits },
        ],
        liveRatePerMs: burn * p.available,
      };
    }
  }
}
