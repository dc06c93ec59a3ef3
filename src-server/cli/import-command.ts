import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { eventOutsideLimits } from '../../src-shared/api/ingest';
import { LedgerError, parseLedgerText } from '../../src-shared/ledger/parse-ledger';
import { createAdmin } from '../admin';
import { createStore } from '../db/store';
import { ServerCliError, usageError, type ServerCliIo } from './cli-io';
import { defaultDbPath } from './flags';
import { withServerDatabase } from './with-database';

export const IMPORT_USAGE = `creditbar-server import LEDGER.json [--db PATH] [--account NAME]
                        load a ledger file into an account (created, with a token printed once,
                        if it does not exist; default account "default"); ids already stored are skipped`;

/** `creditbar-server import`: validates a ledger file whole, then stores it in one transaction. */
export async function importCommand(argv: string[], io: ServerCliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { db: { type: 'string' }, account: { type: 'string' } },
  });
  if (positionals.length !== 1) throw usageError('import takes one ledger file', 'import');
  const file = positionals[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ServerCliError(
      `cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): check the path`,
      1,
    );
  }
  let ledger;
  try {
    ledger = parseLedgerText(text, file);
  } catch (err) {
    if (err instanceof LedgerError) throw new ServerCliError(err.message, 1);
    throw err;
  }
  const outside = eventOutsideLimits(ledger.events, Date.now(), file);
  if (outside !== null) throw new ServerCliError(outside, 1);
  const dbPath = values.db ?? defaultDbPath(io.env);
  const accountName = values.account ?? 'default';
  withServerDatabase(dbPath, (db) => {
    const admin = createAdmin(createStore(db), Date.now);
    let accountId = admin.findAccount(accountName);
    let token: string | undefined;
    if (accountId === undefined) ({ accountId, token } = admin.createAccount(accountName));
    const s = admin.importLedger(accountId, ledger);
    io.stdout(
      `Imported ${file} into account "${accountName}" (${dbPath}): ${s.workspaces} workspaces, ${s.grants} grants, ` +
        `${s.events.received.toLocaleString('en-US')} events (${s.events.inserted.toLocaleString('en-US')} new, ${s.events.duplicates.toLocaleString('en-US')} already there).\n`,
    );
    if (token)
      io.stdout(
        `New account "${accountName}": token ${token}\n  (shown once and stored only hashed: keep it now, or make another with creditbar-server token)\n`,
      );
  });
}
