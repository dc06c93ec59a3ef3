import { existsSync } from 'node:fs';
import { createAdmin, type ServerAdmin } from '../admin';
import { createStore, type ServerStore } from '../db/store';
import { ServerCliError, type ServerCliIo } from './cli-io';
import { defaultDbPath } from './flags';
import { withServerDatabase } from './with-database';

/** What an administration command works on: one open database and one account of it. */
export interface AdminContext {
  dbPath: string;
  store: ServerStore;
  admin: ServerAdmin;
  accountId: number;
  accountName: string;
  /** True when this command created the account. */
  createdAccount: boolean;
}

export interface AdminContextOptions {
  /** Create the database file when it does not exist (workspace add, the first step of a set-up). */
  createDb?: boolean;
  /** Create the account named by --account when the database has none of that name. */
  createAccount?: boolean;
}

/** The account named by --account, or the only one of the database when it is left out. */
function resolveAccount(
  store: ServerStore,
  admin: ServerAdmin,
  dbPath: string,
  name: string | undefined,
  createAccount: boolean,
): { accountId: number; accountName: string; created: boolean } {
  const accounts = store.accounts.list();
  if (name !== undefined) {
    if (name.trim() === '') throw new ServerCliError('--account needs a name');
    const found = admin.findAccount(name);
    if (found !== undefined) return { accountId: found, accountName: name, created: false };
    if (createAccount) {
      const accountId = store.accounts.create(name, new Date().toISOString());
      return { accountId, accountName: name, created: true };
    }
    const known = accounts.length > 0 ? ` (it has ${accounts.map((a) => `"${a.name}"`).join(', ')})` : '';
    throw new ServerCliError(`no account "${name}" in ${dbPath}${known}: check --account`, 1);
  }
  if (accounts.length === 1)
    return { accountId: accounts[0]!.id, accountName: accounts[0]!.name, created: false };
  if (accounts.length === 0)
    throw new ServerCliError(
      createAccount
        ? `${dbPath} has no account yet: name the one to create with --account NAME`
        : `${dbPath} has no account yet: name one with --account NAME (workspace add creates it)`,
      1,
    );
  throw new ServerCliError(
    `${dbPath} has ${accounts.length} accounts (${accounts.map((a) => `"${a.name}"`).join(', ')}): say which with --account NAME`,
  );
}

/**
 * Opens the database, resolves the account and runs fn in one transaction (an account created for
 * a command that then fails is not left behind, nor a database file it created); always closes it.
 */
export function withAdmin<T>(
  values: { db?: string | undefined; account?: string | undefined },
  io: ServerCliIo,
  options: AdminContextOptions,
  fn: (ctx: AdminContext) => T,
): T {
  const dbPath = values.db ?? defaultDbPath(io.env);
  if (!options.createDb && dbPath !== ':memory:' && !existsSync(dbPath)) {
    throw new ServerCliError(
      `no server database at ${dbPath}: check --db (or CREDITBAR_SERVER_DB), or create it with "creditbar-server workspace add"`,
      1,
    );
  }
  return withServerDatabase(dbPath, (db) => {
    const store = createStore(db);
    const admin = createAdmin(store, Date.now);
    return store.transaction(() => {
      const account = resolveAccount(store, admin, dbPath, values.account, options.createAccount === true);
      return fn({
        dbPath,
        store,
        admin,
        accountId: account.accountId,
        accountName: account.accountName,
        createdAccount: account.created,
      });
    });
  });
}
