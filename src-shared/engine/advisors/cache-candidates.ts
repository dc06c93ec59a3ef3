import type { PeriodResult } from '../period-result';

/** The seed's rule: more than 100 similar calls a day means cache it. */
export const CACHE_MIN_CALLS_PER_DAY = 100;

/** An input fingerprint repeated often enough in a day that a cache would pay. */
export interface CacheCandidate {
  inputHash: string;
  action: string;
  /** Days on which it was called more than the limit. */
  days: number;
  /** Calls on those days. */
  calls: number;
  credits: number;
  /** What a cache would have saved: every call of such a day but the first. */
  creditsSaved: number;
}

/** Repeated inputs of a period that pass the daily limit, most saving first. */
export function cacheCandidates(r: PeriodResult, minCallsPerDay = CACHE_MIN_CALLS_PER_DAY): CacheCandidate[] {
  const byHash = new Map<string, CacheCandidate>();
  for (const g of r.repeats.values()) {
    if (g.calls <= minCallsPerDay) continue;
    const saved = g.credits - g.credits / g.calls;
    const c = byHash.get(g.inputHash);
    if (c) {
      c.days++;
      c.calls += g.calls;
      c.credits += g.credits;
      c.creditsSaved += saved;
    } else {
      byHash.set(g.inputHash, {
        inputHash: g.inputHash,
        action: g.action,
        days: 1,
        calls: g.calls,
        credits: g.credits,
        creditsSaved: saved,
      });
    }
  }
  return [...byHash.values()]
    .map((c) => ({ ...c, creditsSaved: Math.round(c.creditsSaved * 100) / 100 }))
    .sort((a, b) => b.creditsSaved - a.creditsSaved || (a.inputHash < b.inputHash ? -1 : 1));
}

/**
 * The period with only the repeated inputs that can pass the daily limit: all cacheCandidates
 * reads of it. The rest (most groups: a few calls of a fingerprint a day) never shows, yet makes
 * up most of an evaluation posted from the evaluator thread to the main thread.
 */
export function withCacheableRepeats(
  r: PeriodResult,
  minCallsPerDay = CACHE_MIN_CALLS_PER_DAY,
): PeriodResult {
  let small = false;
  for (const g of r.repeats.values())
    if (g.calls <= minCallsPerDay) {
      small = true;
      break;
    }
  if (!small) return r;
  return { ...r, repeats: new Map([...r.repeats].filter(([, g]) => g.calls > minCallsPerDay)) };
}
