import type { Millis } from '../time/instant';
import { EPSILON, type LotBook } from './lots';
import type { PoolGrant } from './pool-events';

/** The grant side of a walk: what the pool holds, which a result at asOf must advance on a copy. */
export interface Holdings {
  book: LotBook;
  /** Index of the next grant to arrive. */
  gi: number;
  bonus: number;
  available: number;
  exhaustedAt: Millis | null;
}

/** Marks the pool exhausted at t once `used` takes everything available. */
export function checkExhausted(h: Holdings, used: number, t: Millis): void {
  if (h.exhaustedAt === null && h.available - used <= EPSILON) h.exhaustedAt = t;
}

/**
 * Applies grant arrivals and expiries up to t (inclusive or not) to the holdings of a period starting
 * at `periodStart`; at equal instants an arrival comes first, so a bonus replacing an expiring one
 * never shows a false exhaustion. Returns the instant of the next arrival or expiry after them.
 */
export function applyGrantsUpTo(
  h: Holdings,
  grants: readonly PoolGrant[],
  allowance: number,
  periodStart: Millis,
  used: number,
  t: Millis,
  inclusive: boolean,
): Millis {
  for (;;) {
    const g = h.gi < grants.length ? grants[h.gi]! : undefined;
    const nextArrival = g ? g.grantedAt : Number.POSITIVE_INFINITY;
    const nextExpiry = h.book.nextExpiry();
    const next = Math.min(nextArrival, nextExpiry);
    if (inclusive ? next > t : next >= t) return next;
    if (g && nextArrival <= nextExpiry) {
      h.gi++;
      if (g.expiresAt <= Math.max(g.grantedAt, periodStart)) continue; // never usable in this period
      if (g.credits >= 0) {
        h.book.add({
          id: g.id,
          kind: g.kind,
          grantedAt: g.grantedAt,
          expiresAt: g.expiresAt,
          balance: g.credits,
        });
        h.bonus += g.credits;
      } else {
        // A negative adjustment takes credits in burn order; it cannot take a pool below zero.
        h.bonus -= h.book.take(-g.credits);
      }
    } else {
      h.bonus -= h.book.expire(nextExpiry).other;
    }
    h.available = allowance + h.bonus;
    checkExhausted(h, used, next);
  }
}
