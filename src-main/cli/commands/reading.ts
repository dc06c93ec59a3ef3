import { type PoolKind } from '../../../src-shared/types/ledger';
import { poolKindSchema } from '../../../src-shared/types/ledger-schema';
import type { Cache } from '../../cache/cache';
import { evaluateCache } from '../../cache/evaluate-cache';
import { ManualInputError } from '../../manual/manual-input-error';
import { answerReading, markOf, recordReading, type ReadingOutcome } from '../../manual/record-reading';
import { dbFlag, openCacheFile, withCache } from '../cache-io';
import { CliError, EXIT_USAGE } from '../cli-error';
import { credits, creditsPhrase, percentUsed, shortInstant, table } from '../format/table';
import { creditsFlag, instantFlag, loadCatalog, parseFlags, subcommand, type CliIo } from '../io';
import { manualError } from './workspace';

const USAGE = [
  'creditbar reading add --db FILE --workspace ID [--pool integration|message] (--remaining N | --used N) [--at ISO] [--note TEXT]',
  'creditbar reading list --db FILE [--workspace ID] [--json]',
  'creditbar reading resolve --db FILE --workspace ID --reading RID (--top-up [--credits N] | --mistake)',
].join('\n       ');

const FLAGS: Record<string, string> = {
  workspace: '--workspace',
  pool: '--pool',
  remaining: '--remaining',
  used: '--used',
  at: '--at',
  note: '--note',
  reading: '--reading',
  credits: '--credits',
};

function poolFlag(command: string, value: string | undefined): PoolKind | undefined {
  if (value === undefined) return undefined;
  const parsed = poolKindSchema.safeParse(value);
  if (!parsed.success)
    throw new CliError(`${command}: --pool "${value}" is not a pool: use integration or message`, EXIT_USAGE);
  return parsed.data;
}

/** A path as a POSIX shell takes it back: bare when it is plainly safe, else in single quotes. */
function shellWord(text: string): string {
  return /^[\w./:@%+=,-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * What a reading did, for a terminal: the balance after it, what it added, and the question a
 * backwards one asks, with commands that answer it on `file` (the cache given), ready to paste.
 */
export function describeOutcome(o: ReadingOutcome, file: string): string {
  const r = o.reading;
  const name = o.workspace.workspace.name;
  const shown = r.remaining !== undefined ? `${credits(r.remaining)} left` : `${credits(r.used!)} used`;
  const lines = [`recorded ${r.id}: ${name} (${r.pool}), ${shown} at ${shortInstant(r.at)} UTC`];
  const s = o.status;
  if (o.kind === 'check') {
    if (!o.local) {
      lines.push(
        '  a check of the synced count; that instant is older than the detail kept here, so it was not compared',
      );
    } else {
      const local = r.remaining !== undefined ? o.local.remaining : o.local.used;
      const platform = r.remaining ?? r.used!;
      const diff = Math.round((local - platform) * 100) / 100;
      const what = r.remaining !== undefined ? 'left' : 'used';
      lines.push(
        `  a check of the synced count: the platform says ${credits(platform)} ${what}, Creditbar counted ${credits(local)} ${what} then` +
          (diff === 0
            ? ': in step'
            : `: drift of ${credits(Math.abs(diff))} (${diff > 0 ? 'more' : 'less'} ${what} here)`),
      );
    }
    return lines.join('\n') + '\n';
  }
  const m = o.mark;
  if (m && m.backwardsBy > 0) {
    lines.push(
      `  this shows ${credits(m.backwardsBy)} more left than counted and no grant explains it: it is kept but not counted.`,
      `  Was it a top-up? creditbar reading resolve --db ${shellWord(file)} --workspace ${o.workspace.workspace.id} --reading ${r.id} --top-up [--credits N]`,
      `  A mistake?       creditbar reading resolve --db ${shellWord(file)} --workspace ${o.workspace.workspace.id} --reading ${r.id} --mistake`,
    );
  } else if (m) {
    // The period it fell in may be an older one than the status's below: name its start.
    const since =
      m.after === o.markPeriodStart
        ? `since the period started on ${shortInstant(new Date(m.after).toISOString())}`
        : `since the reading of ${shortInstant(new Date(m.after).toISOString())}`;
    lines.push(`  ${credits(m.credits)} used ${since}`);
  }
  lines.push(
    `  now: ${credits(s.used)} of ${credits(s.available)} used (${percentUsed(s.percentUsed)}), ${credits(s.remaining)} left; resets ${shortInstant(s.periodEnd)} UTC`,
  );
  if (s.forecast.burnPerDay > 0)
    lines.push(
      `  forecast: ${credits(s.forecast.burnPerDay)} a day, ~${credits(s.forecast.projectedUsed)} (${credits(s.forecast.low)}-${credits(s.forecast.high)}) by the reset` +
        (s.forecast.runsOutAt ? `; runs dry around ${shortInstant(s.forecast.runsOutAt)} UTC` : ''),
    );
  return lines.join('\n') + '\n';
}

async function add(argv: string[], io: CliIo): Promise<void> {
  const command = 'reading add';
  const { values, positionals } = parseFlags(
    command,
    argv,
    {
      db: { type: 'string' },
      workspace: { type: 'string' },
      pool: { type: 'string' },
      remaining: { type: 'string' },
      used: { type: 'string' },
      at: { type: 'string' },
      note: { type: 'string' },
      catalog: { type: 'string' },
    },
    USAGE,
  );
  if (positionals.length > 0)
    throw new CliError(`${command}: unexpected argument "${positionals[0]}"\nusage: ${USAGE}`, EXIT_USAGE);
  const file = dbFlag(command, values.db, USAGE);
  if (!values.workspace)
    throw new CliError(`${command}: missing --workspace ID\nusage: ${USAGE}`, EXIT_USAGE);
  if ((values.remaining === undefined) === (values.used === undefined))
    throw new CliError(
      `${command}: give --remaining N or --used N (one of them)\nusage: ${USAGE}`,
      EXIT_USAGE,
    );
  const remaining = creditsFlag(command, 'remaining', values.remaining, USAGE);
  const used = creditsFlag(command, 'used', values.used, USAGE);
  const at = instantFlag(command, 'at', values.at, USAGE);
  const pool = poolFlag(command, values.pool);
  const catalog = await loadCatalog(values.catalog);
  await withCache(openCacheFile(file, io, 'read'), (cache) => {
    try {
      const outcome = recordReading(
        cache,
        {
          workspaceId: values.workspace!,
          ...(pool ? { pool } : {}),
          ...(remaining !== undefined ? { remaining } : {}),
          ...(used !== undefined ? { used } : {}),
          ...(at !== undefined ? { at } : {}),
          ...(values.note !== undefined ? { note: values.note } : {}),
        },
        { catalog, now: io.now() },
      );
      io.stdout(describeOutcome(outcome, file));
    } catch (err) {
      if (err instanceof ManualInputError) throw manualError(command, err, FLAGS);
      throw err;
    }
  });
}

/** Every reading of the cache (or one workspace), with how the engine counted it. */
export function readingRows(
  cache: Cache,
  catalog: Awaited<ReturnType<typeof loadCatalog>>,
  now: number,
  workspaceId?: string,
) {
  const wanted = cache.read.workspaces
    .list()
    .filter((w) => workspaceId === undefined || w.workspace.id === workspaceId);
  if (workspaceId !== undefined && wanted.length === 0)
    throw new CliError(`reading list: there is no workspace "${workspaceId}" in this cache`);
  const rows = [];
  for (const w of wanted) {
    const stored = cache.read.readings.ofWorkspace(w.key, w.workspace.id);
    if (stored.length === 0) continue;
    const evaluation =
      w.origin === 'sync'
        ? null
        : evaluateCache(cache, { asOf: now, catalog, workspaceIds: [w.workspace.id] });
    for (const s of stored) {
      const r = s.reading;
      const pool = evaluation?.pools.find((p) => p.pool === r.pool);
      const mark = pool ? markOf(pool, r.id) : null;
      const status = r.dismissed
        ? 'dismissed: a mistake'
        : w.origin === 'sync'
          ? s.local
            ? `check: ${credits(r.remaining !== undefined ? s.local.remaining : s.local.used)} counted here`
            : 'check: too old to compare'
          : mark && mark.backwardsBy > 0
            ? `backwards by ${credits(mark.backwardsBy)}: top-up or mistake?`
            : '';
      rows.push({
        workspaceId: w.workspace.id,
        id: r.id,
        pool: r.pool,
        at: r.at,
        remaining: r.remaining ?? null,
        used: r.used ?? null,
        note: r.note ?? null,
        kind: w.origin === 'sync' ? ('check' as const) : ('usage' as const),
        counted: mark && mark.backwardsBy === 0 ? mark.credits : null,
        backwardsBy: mark && mark.backwardsBy > 0 ? mark.backwardsBy : null,
        dismissed: r.dismissed ?? false,
        local: s.local,
        status,
      });
    }
  }
  return rows;
}

async function list(argv: string[], io: CliIo): Promise<void> {
  const command = 'reading list';
  const { values, positionals } = parseFlags(
    command,
    argv,
    {
      db: { type: 'string' },
      workspace: { type: 'string' },
      json: { type: 'boolean' },
      catalog: { type: 'string' },
    },
    USAGE,
  );
  if (positionals.length > 0)
    throw new CliError(`${command}: unexpected argument "${positionals[0]}"\nusage: ${USAGE}`, EXIT_USAGE);
  const file = dbFlag(command, values.db, USAGE);
  const catalog = await loadCatalog(values.catalog);
  await withCache(openCacheFile(file, io, 'read'), (cache) => {
    const rows = readingRows(cache, catalog, io.now(), values.workspace);
    if (values.json) {
      io.stdout(JSON.stringify({ readings: rows }, null, 2) + '\n');
      return;
    }
    if (rows.length === 0) {
      io.stdout('No readings yet: record one with "creditbar reading add".\n');
      return;
    }
    io.stdout(
      table(
        ['Workspace', 'Id', 'Pool', 'At (UTC)', 'Shown', 'Counted', 'Status', 'Note'],
        rows.map((r) => [
          r.workspaceId,
          r.id,
          r.pool,
          shortInstant(r.at),
          r.remaining !== null ? `${credits(r.remaining)} left` : `${credits(r.used!)} used`,
          r.counted === null ? '' : `+${credits(r.counted)}`,
          r.status,
          r.note ?? '',
        ]),
        new Set([5]),
      ) + '\n',
    );
  });
}

async function resolve(argv: string[], io: CliIo): Promise<void> {
  const command = 'reading resolve';
  const { values, positionals } = parseFlags(
    command,
    argv,
    {
      db: { type: 'string' },
      workspace: { type: 'string' },
      reading: { type: 'string' },
      'top-up': { type: 'boolean' },
      credits: { type: 'string' },
      mistake: { type: 'boolean' },
      catalog: { type: 'string' },
    },
    USAGE,
  );
  if (positionals.length > 0)
    throw new CliError(`${command}: unexpected argument "${positionals[0]}"\nusage: ${USAGE}`, EXIT_USAGE);
  const file = dbFlag(command, values.db, USAGE);
  if (!values.workspace || !values.reading)
    throw new CliError(`${command}: give --workspace ID and --reading RID\nusage: ${USAGE}`, EXIT_USAGE);
  if (Boolean(values['top-up']) === Boolean(values.mistake))
    throw new CliError(`${command}: say --top-up or --mistake (one of them)\nusage: ${USAGE}`, EXIT_USAGE);
  if (values.credits !== undefined && !values['top-up'])
    throw new CliError(`${command}: --credits goes with --top-up\nusage: ${USAGE}`, EXIT_USAGE);
  const amount = creditsFlag(command, 'credits', values.credits, USAGE);
  const catalog = await loadCatalog(values.catalog);
  await withCache(openCacheFile(file, io, 'read'), (cache) => {
    try {
      const result = answerReading(
        cache,
        values.workspace!,
        values.reading!,
        values.mistake
          ? { as: 'mistake' }
          : { as: 'top-up', ...(amount !== undefined ? { credits: amount } : {}) },
        { catalog, now: io.now() },
      );
      io.stdout(
        result.grantCredits === null
          ? `${values.reading} is kept as a mistake and left out of the balance\n`
          : `recorded a top-up of ${creditsPhrase(result.grantCredits)} at ${shortInstant(result.reading.at)} UTC; ${values.reading} now counts\n`,
      );
    } catch (err) {
      if (err instanceof ManualInputError) throw manualError(command, err, FLAGS);
      throw err;
    }
  });
}

/** `creditbar reading add|list|resolve`: balance readings typed from a platform's usage page. */
export async function readingCommand(argv: string[], io: CliIo): Promise<void> {
  const [name, rest] = subcommand('reading', argv, ['add', 'list', 'resolve'], USAGE);
  if (name === 'add') return add(rest, io);
  if (name === 'list') return list(rest, io);
  return resolve(rest, io);
}
