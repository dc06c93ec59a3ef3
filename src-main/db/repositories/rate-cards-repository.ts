import type { RateCard } from '../../../src-shared/types/ledger';
import { parseInstant, toIso } from '../../../src-shared/time/instant';
import type { Db } from '../connection';

interface RateCardRow {
  provider: RateCard['provider'];
  effective_from: number;
  rates: string;
}

const toCard = (r: RateCardRow): RateCard => ({
  provider: r.provider,
  effectiveFrom: toIso(r.effective_from),
  rates: JSON.parse(r.rates) as RateCard['rates'],
});

export function createRateCardReader(db: Db) {
  const ofAccount = db.prepare<[string], RateCardRow>(
    'SELECT provider, effective_from, rates FROM rate_cards WHERE account_id = ? ORDER BY provider, effective_from',
  );
  const all = db.prepare<[], RateCardRow>(
    'SELECT DISTINCT provider, effective_from, rates FROM rate_cards ORDER BY provider, effective_from',
  );
  return {
    /** The dated rate cards that price one account's workspaces. */
    ofAccount: (accountId: string): RateCard[] => ofAccount.all(accountId).map(toCard),
    /** Every account's cards (a ledger export has one list). */
    all: (): RateCard[] => all.all().map(toCard),
  };
}

export function createRateCardWriter(db: Db) {
  const get = db.prepare<[string, string, number], { rates: string }>(
    'SELECT rates FROM rate_cards WHERE account_id = ? AND provider = ? AND effective_from = ?',
  );
  const upsert = db.prepare<[string, string, number, string]>(
    `INSERT INTO rate_cards (account_id, provider, effective_from, rates) VALUES (?, ?, ?, ?)
     ON CONFLICT (account_id, provider, effective_from) DO UPDATE SET rates = excluded.rates`,
  );
  return {
    /** Stores an account's dated rate card; returns the instant from which prices changed, or null if it was already known. */
    upsert: (accountId: string, card: RateCard): number | null => {
      const from = parseInstant(card.effectiveFrom);
      const rates = JSON.stringify(card.rates);
      if (get.get(accountId, card.provider, from)?.rates === rates) return null;
      upsert.run(accountId, card.provider, from, rates);
      return from;
    },
  };
}
