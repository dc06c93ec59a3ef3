import { parseArgs } from 'node:util';
import { createAdmin } from '../admin';
import { openServerDatabase } from '../db/connection';
import { createStore } from '../db/store';
import { ServerCliError, type ServerCliIo } from './cli-io';
import { defaultDbPath } from './flags';

export const TOKEN_USAGE = `creditbar-server token --account NAME [--db PATH] [--create]
                        print a new token for an account (--create makes the account if needed)`;

/** `creditbar-server token`: issues another bearer token for an account. */
export async function tokenCommand(argv: string[], io: ServerCliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { db: { type: 'string' }, account: { type: 'string' }, create: { type: 'boolean' } },
  });
  if (positionals.length > 0 || values.account === undefined)
    throw new ServerCliError(`usage: ${TOKEN_USAGE}`);
  const dbPath = values.db ?? defaultDbPath(io.env);
  const db = openServerDatabase(dbPath);
  try {
    const admin = createAdmin(createStore(db), Date.now);
    const accountId = admin.findAccount(values.account);
    if (accountId === undefined) {
      if (!values.create)
        throw new ServerCliError(
          `no account "${values.account}" in ${dbPath}: add --create, or import a ledger first`,
          1,
        );
      io.stdout(`${admin.createAccount(values.account).token}\n`);
      return;
    }
    io.stdout(`${admin.createToken(accountId, 'cli')}\n`);
  } finally {
    db.close();
  }
}
