import type { Db } from '../connection';

/** An account the cache syncs from; `serverUrl` is null for the local account that holds imports. */
export interface CachedAccount {
  id: string;
  label: string;
  serverUrl: string | null;
}

/** The account that owns workspaces imported from ledger files. */
export const LOCAL_ACCOUNT_ID = 'local';

interface AccountRow {
  id: string;
  label: string;
  server_url: string | null;
}

const toAccount = (r: AccountRow): CachedAccount => ({ id: r.id, label: r.label, serverUrl: r.server_url });

export function createAccountReader(db: Db) {
  const get = db.prepare<[string], AccountRow>('SELECT id, label, server_url FROM accounts WHERE id = ?');
  const list = db.prepare<[], AccountRow>(
    'SELECT id, label, server_url FROM accounts ORDER BY created_at, id',
  );
  const createdAt = db.prepare<[string], { created_at: number }>(
    'SELECT created_at FROM accounts WHERE id = ?',
  );
  return {
    /** When the account first came into the cache (its first sync): since when Creditbar watches it. */
    createdAt: (id: string): number | null => createdAt.get(id)?.created_at ?? null,
    get: (id: string): CachedAccount | null => {
      const row = get.get(id);
      return row ? toAccount(row) : null;
    },
    list: (): CachedAccount[] => list.all().map(toAccount),
  };
}

export function createAccountWriter(db: Db) {
  const upsert = db.prepare<[string, string, string | null, number]>(
    `INSERT INTO accounts (id, label, server_url, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET label = excluded.label, server_url = excluded.server_url`,
  );
  const remove = db.prepare<[string]>('DELETE FROM accounts WHERE id = ?');
  return {
    upsert: (account: CachedAccount, now: number): void =>
      void upsert.run(account.id, account.label, account.serverUrl, now),
    /** Removes the account with its workspaces and everything cached for them. */
    remove: (id: string): void => void remove.run(id),
  };
}
