import { describeReset } from '../../../src-shared/catalog/catalog-text';
import { resolveWorkspace } from '../../../src-shared/engine/resolve-workspace';
import { type Member, type PoolKind } from '../../../src-shared/types/ledger';
import { poolKindSchema, providerSchema } from '../../../src-shared/types/ledger-schema';
import { ManualInputError } from '../../manual/manual-input-error';
import { addManualWorkspace, removeLocalWorkspace } from '../../manual/manual-workspaces';
import type { Cache } from '../../cache/cache';
import { dbFlag, openCacheFile, withCache } from '../cache-io';
import { CliError, EXIT_USAGE } from '../cli-error';
import { credits, shortInstant, table } from '../format/table';
import { creditsFlag, loadCatalog, parseFlags, subcommand, type CliIo } from '../io';

const USAGE = [
  'creditbar workspace add --db FILE --provider zite|base44|custom --plan PLAN --name NAME [--billing-day N] [--id ID]',
  '                        [--catalog-version ID] [--allowance N | --allowance POOL=N ...] [--member ID[:NAME] ...]',
  'creditbar workspace list --db FILE [--json]',
  'creditbar workspace remove --db FILE ID',
].join('\n       ');

/** The flag behind each field a manual workspace is checked on, to point at in an error. */
const FLAGS: Record<string, string> = {
  name: '--name',
  plan: '--plan',
  billingDay: '--billing-day',
  allowance: '--allowance',
  catalogVersion: '--catalog-version',
  id: '--id',
};

/** A service's complaint as one line naming the flag to change. */
export function manualError(command: string, err: ManualInputError, flags: Record<string, string>): CliError {
  const flag = flags[err.field];
  return new CliError(`${command}: ${err.message}${flag ? ` (${flag})` : ''}`);
}

function parseAllowances(values: string[] | undefined): Partial<Record<PoolKind, number>> {
  const out: Partial<Record<PoolKind, number>> = {};
  for (const value of values ?? []) {
    const [left, right] = value.includes('=') ? value.split('=', 2) : ['integration', value];
    const pool = poolKindSchema.safeParse(left!.trim());
    if (!pool.success)
      throw new CliError(
        `workspace add: --allowance "${value}": the pool must be integration or message (e.g. --allowance message=250)`,
        EXIT_USAGE,
      );
    out[pool.data] = creditsFlag('workspace add', 'allowance', right, USAGE)!;
  }
  return out;
}

function parseMembers(values: string[] | undefined): Member[] {
  return (values ?? []).map((value) => {
    const [id, ...name] = value.split(':');
    if (!id || !/^[^\s:]+$/.test(id))
      throw new CliError(
        `workspace add: --member "${value}" must be ID or ID:NAME (e.g. ana:Ana Ruiz)`,
        EXIT_USAGE,
      );
    return { id, name: name.join(':').trim() || id };
  });
}

async function add(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseFlags(
    'workspace add',
    argv,
    {
      db: { type: 'string' },
      provider: { type: 'string' },
      plan: { type: 'string' },
      name: { type: 'string' },
      'billing-day': { type: 'string' },
      id: { type: 'string' },
      'catalog-version': { type: 'string' },
      allowance: { type: 'string', multiple: true },
      member: { type: 'string', multiple: true },
      catalog: { type: 'string' },
    },
    USAGE,
  );
  if (positionals.length > 0)
    throw new CliError(`workspace add: unexpected argument "${positionals[0]}"\nusage: ${USAGE}`, EXIT_USAGE);
  const file = dbFlag('workspace add', values.db, USAGE);
  for (const flag of ['provider', 'plan', 'name'] as const)
    if (values[flag] === undefined)
      throw new CliError(`workspace add: missing --${flag}\nusage: ${USAGE}`, EXIT_USAGE);
  const provider = providerSchema.safeParse(values.provider);
  if (!provider.success)
    throw new CliError(
      `workspace add: --provider "${values.provider}" is not a provider: use zite, base44 or custom`,
      EXIT_USAGE,
    );
  let billingDay: number | undefined;
  if (values['billing-day'] !== undefined) {
    billingDay = Number(values['billing-day']);
    if (!/^\d{1,2}$/.test(values['billing-day']) || billingDay < 1 || billingDay > 31)
      throw new CliError(
        `workspace add: --billing-day "${values['billing-day']}" must be a day of the month, 1 to 31`,
        EXIT_USAGE,
      );
  }
  const catalog = await loadCatalog(values.catalog);
  await withCache(openCacheFile(file, io, 'create'), (cache) => {
    try {
      const added = addManualWorkspace(
        cache,
        {
          provider: provider.data,
          plan: values.plan!,
          name: values.name!,
          ...(billingDay !== undefined ? { billingDay } : {}),
          ...(values.id !== undefined ? { id: values.id } : {}),
          ...(values['catalog-version'] !== undefined ? { catalogVersion: values['catalog-version'] } : {}),
          allowances: parseAllowances(values.allowance),
          members: parseMembers(values.member),
        },
        { catalog, now: io.now() },
      );
      const ws = added.workspace;
      const pools = resolveWorkspace(ws, catalog)
        .pools.map((p) => `${p.pool} ${credits(p.allowance)} (resets ${describeReset(p.reset)})`)
        .join('; ');
      io.stderr(
        `added ${ws.name} (${ws.provider} ${ws.plan}, catalog version ${ws.catalogVersion}): ${pools}\n`,
      );
      io.stdout(`${ws.id}\n`);
    } catch (err) {
      if (err instanceof ManualInputError) throw manualError('workspace add', err, FLAGS);
      throw err;
    }
  });
}

const ORIGIN: Record<string, string> = { manual: 'manual', sync: 'synced', ledger: 'imported' };

/** Every workspace of the cache with where it comes from and its pools. */
export function workspaceRows(cache: Cache, catalog: Awaited<ReturnType<typeof loadCatalog>>) {
  return cache.read.workspaces.list().map((w) => {
    let pools: { pool: PoolKind; allowance: number; reset: string }[] | null = null;
    try {
      pools = resolveWorkspace(w.workspace, catalog).pools.map((p) => ({
        pool: p.pool,
        allowance: p.allowance,
        reset: describeReset(p.reset),
      }));
    } catch {
      pools = null; // a pool the catalog cannot fill: status says why
    }
    const last = cache.read.readings
      .ofWorkspace(w.key, w.workspace.id)
      .filter((r) => !r.reading.dismissed)
      .at(-1);
    return {
      id: w.workspace.id,
      name: w.workspace.name,
      origin: w.origin,
      provider: w.workspace.provider,
      plan: w.workspace.plan,
      catalogVersion: w.workspace.catalogVersion ?? null,
      billingDay: w.workspace.billingDay ?? null,
      pools,
      lastReadingAt: last?.reading.at ?? null,
    };
  });
}

async function list(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseFlags(
    'workspace list',
    argv,
    { db: { type: 'string' }, json: { type: 'boolean' }, catalog: { type: 'string' } },
    USAGE,
  );
  if (positionals.length > 0)
    throw new CliError(
      `workspace list: unexpected argument "${positionals[0]}"\nusage: ${USAGE}`,
      EXIT_USAGE,
    );
  const file = dbFlag('workspace list', values.db, USAGE);
  const catalog = await loadCatalog(values.catalog);
  await withCache(openCacheFile(file, io, 'read'), (cache) => {
    const rows = workspaceRows(cache, catalog);
    if (values.json) {
      io.stdout(JSON.stringify({ workspaces: rows }, null, 2) + '\n');
      return;
    }
    if (rows.length === 0) {
      io.stdout('No workspaces: add one with "creditbar workspace add".\n');
      return;
    }
    io.stdout(
      table(
        ['Id', 'Name', 'Source', 'Provider', 'Plan', 'Catalog', 'Pools', 'Last reading'],
        rows.map((r) => [
          r.id,
          r.name,
          ORIGIN[r.origin] ?? r.origin,
          r.provider,
          r.plan,
          r.catalogVersion ?? 'seed',
          r.pools ? r.pools.map((p) => `${p.pool} ${credits(p.allowance)}`).join(', ') : 'no allowance',
          r.lastReadingAt ? shortInstant(r.lastReadingAt) : '-',
        ]),
      ) + '\n',
    );
  });
}

async function remove(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseFlags(
    'workspace remove',
    argv,
    { db: { type: 'string' }, id: { type: 'string' } },
    USAGE,
  );
  const id = values.id ?? positionals[0];
  if (id === undefined || positionals.length > (values.id ? 0 : 1))
    throw new CliError(`workspace remove: give one workspace id\nusage: ${USAGE}`, EXIT_USAGE);
  const file = dbFlag('workspace remove', values.db, USAGE);
  await withCache(openCacheFile(file, io, 'read'), (cache) => {
    try {
      const { removed, alerts } = removeLocalWorkspace(cache, id);
      const alertsText = alerts === 0 ? 'no alert' : alerts === 1 ? '1 alert' : `${alerts} alerts`;
      io.stdout(`removed ${removed.workspace.name} (${id}) with its readings, usage and ${alertsText}\n`);
    } catch (err) {
      if (err instanceof ManualInputError) throw new CliError(`workspace remove: ${err.message}`);
      throw err;
    }
  });
}

/** `creditbar workspace add|list|remove`: workspaces kept by hand (no account API behind them). */
export async function workspaceCommand(argv: string[], io: CliIo): Promise<void> {
  const [name, rest] = subcommand('workspace', argv, ['add', 'list', 'remove'], USAGE);
  if (name === 'add') return add(rest, io);
  if (name === 'list') return list(rest, io);
  return remove(rest, io);
}
