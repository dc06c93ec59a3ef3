import type Database from 'better-sqlite3';
import type { Provider, RateCard } from '../../src-shared/types/ledger';

export interface RateCardsRepository {
  upsert(accountId: number, cards: readonly RateCard[]): void;
  list(accountId: number): RateCard[];
}

export function createRateCardsRepository(db: Database.Database): RateCardsRepository {
  const upsertRow = db.prepare(`
    INSERT INTO rate_cards (account_id, provider, effective_from, rates) VALUES (?, ?, ?, ?)
    ON CONFLICT (account_id, provider, effective_from) DO UPDATE SET rates = excluded.rates`);
  const listRows = db.prepare(
    'SELECT provider, effective_from, rates FROM rate_cards WHERE account_id = ? ORDER BY provider, effective_from',
  );
  return {
    upsert: (accountId, cards) => {
      for (const c of cards) upsertRow.run(accountId, c.provider, c.effectiveFrom, JSON.stringify(c.rates));
    },
    list: (accountId) =>
      (listRows.all(accountId) as { provider: Provider; effective_from: string; rates: string }[]).map(
        (r) => ({
          provider: r.provider,
          effectiveFrom: r.effective_from,
          rates: JSON.parse(r.rates) as Record<string, number>,
        }),
      ),
  };
}
