import type { RateCard } from '../../../src-shared/types/ledger';
import { parseInstant, toIso } from '../../../src-shared/time/instant';
import type { Db } from '../connection';

interface RateCardRow {
  provider: RateCard['provider'];
  effective_from: number;
  rates: string;
}

export function createRateCardReader(db: Db) {
  const list = db.prepare<[], RateCardRow>('SELECT provider, effective_from, rates FROM rate_cards ORDER BY provider, effective_from');
  return {
    list: (): RateCard[] =>
      list.all().map((r) => ({ provider: r.provider, effectiveFrom: toIso(r.effective_from), rates: JSON.parse(r.rates) as RateCard['rates'] })),
  };
}

export function createRateCardWriter(db: Db) {
  const get = db.prepare<[string, number], { rates: string }>('SELECT rates FROM rate_cards WHERE provider = ? AND effective_from = ?');
  const upsert = db.prepare<[string, number, string]>(
    'INSERT INTO rate_cards (provider, effective_from, rates) VALUES (?, ?, ?) ON CONFLICT (provider, effective_from) DO UPDATE SET rates = excluded.rates',
  );
  return {
    /** Stores a dated rate card; returns the instant from which prices changed, or null if it was already known. */
    upsert: (card: RateCard): number | null => {
      const from = parseInstant(card.effectiveFrom);
      const rates = JSON.stringify(card.rates);
      if (get.get(card.provider, from)?.rates === rates) return null;
      upsert.run(card.provider, from, rates);
      return from;
    },
  };
}
