import { EngineInputError } from '../../../src-shared/engine/errors';
import { parseMonth, reportMonth } from '../../../src-shared/engine/report';
import { reportJson } from '../../../src-shared/engine/report-json';
import { CliError, EXIT_USAGE } from '../cli-error';
import { reportTable } from '../format/report-table';
import { reportFromCache } from './report-from-cache';
import { tableNames } from '../format/names';
import { asOfFlag, loadCatalog, loadLedger, onePositional, parseFlags, type CliIo } from '../io';

const USAGE =
  'creditbar report (LEDGER.json | --db FILE) --period YYYY-MM [--as-of ISO] [--json] [--catalog FILE]';

/** `creditbar report`: the review of a past month. */
export async function reportCommand(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseFlags(
    'report',
    argv,
    {
      period: { type: 'string' },
      json: { type: 'boolean' },
      catalog: { type: 'string' },
      db: { type: 'string' },
      'as-of': { type: 'string' },
    },
    USAGE,
  );
  if (values.db !== undefined && positionals.length > 0) {
    throw new CliError(
      `report: give either a ledger file or --db FILE, not both\nusage: ${USAGE}`,
      EXIT_USAGE,
    );
  }
  const path =
    values.db === undefined ? onePositional('report', positionals, 'the ledger file', USAGE) : undefined;
  if (values.period === undefined)
    throw new CliError(`report: missing --period YYYY-MM\nusage: ${USAGE}`, EXIT_USAGE);
  let month;
  try {
    month = parseMonth(values.period);
  } catch (err) {
    if (err instanceof EngineInputError) throw new CliError(`--${err.message}`, EXIT_USAGE);
    throw err;
  }
  // A period still running is reviewed as it stands now (or at --as-of); one not started is said so.
  const asOf = asOfFlag(values['as-of'], io);
  const catalog = await loadCatalog(values.catalog);
  if (path === undefined)
    return reportFromCache(values.db!, month, { asOf, json: values.json ?? false, catalog }, io);
  const ledger = await loadLedger(path, catalog);
  const result = reportJson(reportMonth(ledger, month, { catalog, asOf }));
  if (values.json) io.stdout(JSON.stringify(result, null, 2) + '\n');
  else io.stdout(reportTable(result, tableNames(ledger.workspaces)));
}
