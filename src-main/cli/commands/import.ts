import { eventOutsideLimits } from '../../../src-shared/api/ingest';
import { CsvRowError } from '../../../src-shared/csv/csv-events';
import { CSV_FIELDS, CsvMappingError } from '../../../src-shared/csv/csv-mapping';
import { poolKindSchema } from '../../../src-shared/types/ledger-schema';
import { importLedger } from '../../cache/ledger-import';
import type { CsvPreview } from '../../../src-shared/csv/csv-preview';
import { importUsageCsv, prepareCsvImport } from '../../import/csv-import';
import { ManualInputError } from '../../manual/manual-input-error';
import { dbFlag, openCacheFile, withCache } from '../cache-io';
import { CliError, EXIT_USAGE } from '../cli-error';
import { credits, table } from '../format/table';
import { loadCatalog, loadLedger, onePositional, parseFlags, readText, type CliIo } from '../io';

const USAGE = [
  'creditbar import LEDGER.json --db FILE [--catalog FILE]',
  'creditbar import USAGE.csv --db FILE --workspace ID [--map "occurredAt=Date,action=Type,..."] [--pool P] [--dry-run]',
].join('\n       ');

const count = (n: number) => n.toLocaleString('en-US');

/** The mapping, the first rows as events and the totals by month, for a terminal. */
export function previewText(p: CsvPreview): string {
  const lines = [`mapping (${p.source} → events):`];
  for (const field of CSV_FIELDS) {
    const header = p.mapping[field];
    const how = header
      ? `"${header}"${p.matched.includes(field) ? ' (matched by name)' : ''}`
      : field === 'id'
        ? '(none: derived from each row, so importing the file again adds nothing)'
        : field === 'memberId'
          ? '(none: "(not given)")'
          : field === 'pool'
            ? '(none: every row is the default pool)'
            : field === 'credits'
              ? "(none: priced by the workspace's rate card)"
              : '(none)';
    lines.push(`  ${field.padEnd(10)} ← ${how}`);
  }
  lines.push('', `first ${p.first.length} of ${count(p.rows)} row(s) as events:`);
  lines.push(
    table(
      ['line', 'occurredAt', 'pool', 'member', 'action', 'app', 'credits', 'id'],
      p.first.map(({ line, event, credits: c, priced }) => [
        String(line),
        event.occurredAt,
        event.pool,
        event.memberId,
        event.action,
        event.app ?? '',
        `${credits(c)}${priced ? ' (priced)' : ''}`,
        event.id,
      ]),
      new Set([0, 6]),
    ),
  );
  lines.push('', 'totals by month:');
  lines.push(
    table(
      ['month', 'events', 'credits', 'priced by the rate card'],
      p.months.map((m) => [m.month, count(m.events), credits(m.credits), count(m.priced)]),
      new Set([1, 2, 3]),
    ),
  );
  if (p.repeated > 0)
    lines.push('', `${count(p.repeated)} row(s) repeat an id with the same values: counted once.`);
  return lines.join('\n') + '\n';
}

/** `creditbar import`: a ledger file, or a usage CSV into one workspace (checked whole first; ids already cached are skipped). */
export async function importCommand(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseFlags(
    'import',
    argv,
    {
      db: { type: 'string' },
      catalog: { type: 'string' },
      workspace: { type: 'string' },
      map: { type: 'string' },
      pool: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
    USAGE,
  );
  const path = onePositional('import', positionals, 'the ledger file or usage CSV', USAGE);
  const file = dbFlag('import', values.db, USAGE);
  const csv = values.workspace !== undefined || /\.(csv|tsv|txt)$/i.test(path);
  const catalog = await loadCatalog(values.catalog);
  if (!csv) {
    for (const flag of ['map', 'pool', 'dry-run'] as const)
      if (values[flag] !== undefined)
        throw new CliError(
          `import: --${flag} goes with a CSV file and --workspace\nusage: ${USAGE}`,
          EXIT_USAGE,
        );
    const ledger = await loadLedger(path, catalog);
    const outside = eventOutsideLimits(ledger.events, io.now(), path);
    if (outside !== null) throw new CliError(outside);
    await withCache(openCacheFile(file, io, 'create'), (cache) => {
      const r = importLedger(cache, ledger, { now: io.now(), catalog });
      io.stdout(
        `imported ${path} into ${file}: ${r.workspaces} workspace(s), ${r.grants} grant(s), ${count(r.inserted)} new event(s)` +
          `${r.duplicates > 0 ? `, ${count(r.duplicates)} already cached` : ''}; ${r.maintenance.summarised} closed period(s) summarised\n`,
      );
    });
    return;
  }
  if (values.workspace === undefined)
    throw new CliError(
      `import: a CSV goes into one workspace: give --workspace ID\nusage: ${USAGE}`,
      EXIT_USAGE,
    );
  let pool;
  if (values.pool !== undefined) {
    const parsed = poolKindSchema.safeParse(values.pool);
    if (!parsed.success)
      throw new CliError(
        `import: --pool "${values.pool}" is not a pool: use integration or message`,
        EXIT_USAGE,
      );
    pool = parsed.data;
  }
  const text = await readText(path, 'CSV');
  const source = path.split(/[\\/]/).pop() ?? path;
  const options = {
    workspaceId: values.workspace,
    ...(values.map !== undefined ? { map: values.map } : {}),
    ...(pool ? { pool } : {}),
    source,
    catalog,
    now: io.now(),
  };
  await withCache(openCacheFile(file, io, 'read'), (cache) => {
    try {
      if (values['dry-run']) {
        io.stdout(previewText(prepareCsvImport(cache, text, options).preview));
        io.stdout('\nnothing stored (--dry-run)\n');
        return;
      }
      const r = importUsageCsv(cache, text, options);
      io.stdout(
        `imported ${source} into ${values.workspace}: ${count(r.inserted)} new event(s) from ${count(r.rows)} row(s) over ${r.months.length} month(s)` +
          `${r.duplicates > 0 ? `; ${count(r.duplicates)} already in the cache` : ''}` +
          `${r.skippedOld > 0 ? `; ${count(r.skippedOld)} older than the detail kept here, not stored` : ''}\n`,
      );
    } catch (err) {
      if (err instanceof CsvRowError || err instanceof CsvMappingError)
        throw new CliError(`import: ${err.message}`);
      if (err instanceof ManualInputError) throw new CliError(`import: ${err.message} (--${err.field})`);
      throw err;
    }
  });
}
