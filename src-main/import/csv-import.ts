import type { Catalog } from '../../src-shared/catalog/catalog';
import { rowsToEvents } from '../../src-shared/csv/csv-events';
import {
  applyMapSpec,
  autoMapping,
  checkMapping,
  CSV_FIELDS,
  type CsvMapping,
} from '../../src-shared/csv/csv-mapping';
import type { CsvImportResult, CsvMonthTotal, CsvPreview } from '../../src-shared/csv/csv-preview';
import { POOL_ORDER, type PoolKind, type UsageEvent } from '../../src-shared/types/ledger';
import { parseInstant, type Millis } from '../../src-shared/time/instant';
import type { Cache } from '../cache/cache';
import { loadEngineInputs, type CachedWorkspaceInput } from '../cache/cached-workspaces';
import { maintainCache } from '../cache/maintain-cache';
import { ManualInputError } from '../manual/manual-input-error';
import { readCsv } from './read-csv';

export interface CsvImportOptions {
  workspaceId: string;
  /** A `--map` spec or a mapping from a form; what it leaves out is matched from the headers. */
  map?: string | CsvMapping;
  /** The pool of rows without a pool column (default: the workspace's integration pool, else its first). */
  pool?: PoolKind;
  /** Names the file in messages. */
  source: string;
  catalog: Catalog;
  now: Millis;
}

function workspaceFor(cache: Cache, options: CsvImportOptions): CachedWorkspaceInput {
  const [ws] = loadEngineInputs(cache, { catalog: options.catalog, workspaceIds: [options.workspaceId] });
  if (!ws)
    throw new ManualInputError(`There is no workspace "${options.workspaceId}" in this cache.`, 'workspace');
  if (ws.origin === 'sync')
    throw new ManualInputError(
      `${ws.resolved.workspace.name} is synced from an account API: its usage comes from there, not from a CSV.`,
      'workspace',
    );
  return ws;
}

/** Reads, maps and checks a whole file: every row becomes an event or the first bad one is named. */
export function prepareCsvImport(
  cache: Cache,
  text: string,
  options: CsvImportOptions,
): { preview: CsvPreview; events: UsageEvent[] } {
  const ws = workspaceFor(cache, options);
  const { headers, records } = readCsv(text, options.source);
  const auto = autoMapping(headers);
  const mapping =
    typeof options.map === 'string'
      ? applyMapSpec(options.map, headers, auto)
      : { ...auto, ...(options.map ?? {}) };
  checkMapping(mapping, headers);
  const pools = ws.resolved.pools.map((p) => p.pool);
  if (options.pool !== undefined && !pools.includes(options.pool))
    throw new ManualInputError(`${ws.resolved.workspace.name} has no ${options.pool} pool.`, 'pool');
  const defaultPool = options.pool ?? (pools.includes('integration') ? 'integration' : pools[0]!);
  const { events, lines } = rowsToEvents(headers, records, mapping, {
    workspaceId: ws.resolved.workspace.id,
    pools,
    defaultPool,
    source: options.source,
    now: options.now,
  });
  const months = new Map<string, CsvMonthTotal>();
  const first: CsvPreview['first'] = [];
  events.forEach((event, i) => {
    const t = parseInstant(event.occurredAt);
    const priced = event.credits === undefined;
    const credits = event.credits ?? ws.price(event.action, event.units, t).credits;
    const month = event.occurredAt.slice(0, 7);
    const total = months.get(month) ?? { month, events: 0, credits: 0, priced: 0 };
    total.events++;
    total.credits += credits;
    if (priced) total.priced++;
    months.set(month, total);
    if (first.length < 5) first.push({ line: lines[i]!, event, credits, priced });
  });
  const matched = CSV_FIELDS.filter(
    (f) =>
      auto[f] !== undefined &&
      mapping[f] === auto[f] &&
      (typeof options.map !== 'string' || !options.map.includes(`${f}=`)),
  );
  return {
    preview: {
      source: options.source,
      headers,
      mapping,
      matched,
      rows: records.length,
      first,
      months: [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1)),
      repeated: records.length - events.length,
    },
    events,
  };
}

/**
 * Imports a usage CSV into a workspace kept on this computer: the whole file is checked first and
 * stored in one transaction, so a bad row stores nothing; ids already cached are skipped, so the
 * same file imported again adds nothing.
 */
export function importUsageCsv(cache: Cache, text: string, options: CsvImportOptions): CsvImportResult {
  const { preview, events } = prepareCsvImport(cache, text, options);
  const ws = cache.read.workspaces.byId(options.workspaceId)!;
  let inserted = 0;
  let skippedOld = 0;
  cache.transaction(() => {
    const rawFrom = new Map(
      POOL_ORDER.map((p) => [p, cache.read.poolState.get(ws.key, p).rawFrom ?? Number.NEGATIVE_INFINITY]),
    );
    const result = cache.write.events.insertMany(ws.key, events, rawFrom);
    inserted = result.inserted;
    for (const [pool, t] of result.earliestByPool) cache.write.poolState.markDirty(ws.key, pool, t);
    for (const [pool, n] of result.skipped) {
      cache.write.poolState.addSkipped(ws.key, pool, n);
      skippedOld += n;
    }
  });
  maintainCache(cache, { now: options.now, catalog: options.catalog, workspaceIds: [options.workspaceId] });
  return { ...preview, inserted, duplicates: events.length - inserted - skippedOld, skippedOld };
}
