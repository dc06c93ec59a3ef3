import type { GrantKind } from '../types/ledger';
import type { Millis } from '../time/instant';

/** Credits still spendable from one grant; the plan allowance of a period is a lot too. */
export interface Lot {
  id: string;
  kind: GrantKind | 'allowance';
  grantedAt: Millis;
  /** Infinity when the grant never expires. */
  expiresAt: Millis;
  balance: number;
}

/** Credits below this are rounding noise of fractional prices, not a balance. */
export const EPSILON = 1e-9;

/** Top-ups are bought credits: spent only after every other credit, the earliest purchase first (Base44's rule). */
function lastResort(l: Lot): number {
  return l.kind === 'top-up' ? 1 : 0;
}

/**
 * Burn order: the lot that expires first is spent first, ties by the oldest grant, then by id;
 * top-ups come after every other lot (a top-up in its last month is still not spent before the plan).
 */
export function burnOrder(a: Lot, b: Lot): number {
  return (
    lastResort(a) - lastResort(b) ||
    a.expiresAt - b.expiresAt ||
    a.grantedAt - b.grantedAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The lots of one pool, kept in burn order. */
export class LotBook {
  private readonly lots: Lot[] = [];

  /** Total spendable credits. */
  total = 0;

  add(lot: Lot): void {
    let i = this.lots.length;
    while (i > 0 && burnOrder(this.lots[i - 1]!, lot) > 0) i--;
    this.lots.splice(i, 0, lot);
    this.total += lot.balance;
  }

  /** Spends up to `credits` in burn order and returns what was actually taken. */
  take(credits: number): number {
    let left = credits;
    while (left > EPSILON && this.lots.length > 0) {
      const lot = this.lots[0]!;
      const used = Math.min(lot.balance, left);
      lot.balance -= used;
      left -= used;
      if (lot.balance <= EPSILON) this.lots.shift();
    }
    const taken = credits - Math.max(left, 0);
    this.total -= taken;
    if (this.total < EPSILON) this.total = 0;
    return taken;
  }

  /** The instant the next lot expires (Infinity when none does). */
  nextExpiry(): Millis {
    let next = Number.POSITIVE_INFINITY;
    for (const lot of this.lots) if (lot.expiresAt < next) next = lot.expiresAt;
    return next;
  }

  /** Drops every lot expiring at or before `t`; returns the unspent credits that left, split by kind. */
  expire(t: Millis): { allowance: number; other: number } {
    const gone = { allowance: 0, other: 0 };
    for (let i = this.lots.length - 1; i >= 0; i--) {
      const lot = this.lots[i]!;
      if (lot.expiresAt <= t) {
        if (lot.kind === 'allowance') gone.allowance += lot.balance;
        else gone.other += lot.balance;
        this.total -= lot.balance;
        this.lots.splice(i, 1);
      }
    }
    if (this.total < EPSILON) this.total = 0;
    return gone;
  }

  /** An independent copy (a result at a later instant advances grants on a copy, not on the walk). */
  clone(): LotBook {
    const copy = new LotBook();
    for (const lot of this.lots) copy.lots.push({ ...lot });
    copy.total = this.total;
    return copy;
  }

  /** Every lot in burn order and the total, copied: what a saved walk keeps (see walk-state.ts). */
  saved(): { lots: Lot[]; total: number } {
    return { lots: this.lots.map((l) => ({ ...l })), total: this.total };
  }

  /** A book holding exactly these lots (already in burn order) and total, as saved(). */
  static restored(saved: { lots: readonly Lot[]; total: number }): LotBook {
    const book = new LotBook();
    for (const lot of saved.lots) book.lots.push({ ...lot });
    book.total = saved.total;
    return book;
  }

  /** The non-plan lots still holding credits, copied: what a period hands to the next one. */
  carry(): Lot[] {
    return this.lots.filter((l) => l.kind !== 'allowance' && l.balance > EPSILON).map((l) => ({ ...l }));
  }
}
