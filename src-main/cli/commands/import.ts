import { importLedger } from '../../cache/ledger-import';
import { dbFlag, openCacheFile, withCache } from '../cache-io';
import { loadCatalog, loadLedger, onePositional, parseFlags, type CliIo } from '../io';

const USAGE = 'creditbar import LEDGER.json --db FILE [--catalog FILE]';

const count = (n: number) => n.toLocaleString('en-US');

/** `creditbar import`: a ledger file into the cache (validated whole first; ids already cached are skipped). */
export async function importCommand(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseFlags(
    'import',
    argv,
    { db: { type: 'string' }, catalog: { type: 'string' } },
    USAGE,
  );
  const path = onePositional('import', positionals, 'the ledger file', USAGE);
  const file = dbFlag('import', values.db, USAGE);
  const catalog = await loadCatalog(values.catalog);
  const ledger = await loadLedger(path, catalog);
  await withCache(openCacheFile(file, io, 'create'), (cache) => {
    const r = importLedger(cache, ledger, { now: io.now(), catalog });
    io.stdout(
      `imported ${path} into ${file}: ${r.workspaces} workspace(s), ${r.grants} grant(s), ${count(r.inserted)} new event(s)` +
        `${r.duplicates > 0 ? `, ${count(r.duplicates)} already cached` : ''}; ${r.maintenance.summarised} closed period(s) summarised\n`,
    );
  });
}
