import { toIso } from '../../../src-shared/time/instant';
import { exportLedger } from '../../cache/ledger-export';
import { dbFlag, openCacheFile, withCache } from '../cache-io';
import { CliError, EXIT_USAGE } from '../cli-error';
import { parseFlags, type CliIo } from '../io';

const USAGE = 'creditbar export --db FILE > ledger.json';

/** `creditbar export`: the cache as a ledger file on stdout (events streamed). */
export async function exportCommand(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseFlags('export', argv, { db: { type: 'string' } }, USAGE);
  if (positionals.length > 0)
    throw new CliError(`export: unexpected argument "${positionals[0]}"\nusage: ${USAGE}`, EXIT_USAGE);
  const file = dbFlag('export', values.db, USAGE);
  await withCache(openCacheFile(file, io, 'read'), (cache) => {
    const result = exportLedger(cache, io.stdout);
    // Older periods live on as summaries only: say so on stderr, where it does not spoil the JSON.
    for (const r of result.rawFrom) {
      io.stderr(
        `creditbar: note: ${r.workspaceId} (${r.pool}) events before ${toIso(r.rawFrom)} are kept as monthly summaries only and are not in the export\n`,
      );
    }
  });
}
