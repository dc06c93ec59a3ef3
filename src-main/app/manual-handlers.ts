import { catalogVersionsJson } from '../../src-shared/catalog/catalog-text';
import type { Catalog } from '../../src-shared/catalog/catalog';
import { CsvRowError } from '../../src-shared/csv/csv-events';
import { CsvMappingError } from '../../src-shared/csv/csv-mapping';
import type { CsvImportInput, ReadingRow } from '../../src-shared/ipc/manual-contract';
import type { Settings } from '../../src-shared/settings/settings';
import type { Millis } from '../../src-shared/time/instant';
import type { Cache } from '../cache/cache';
import { evaluateCache } from '../cache/evaluate-cache';
import type { InvokeHandlers } from '../ipc/invoke-handlers';
import { ManualInputError } from '../manual/manual-input-error';
import { addManualWorkspace, removeLocalWorkspace } from '../manual/manual-workspaces';
import { answerReading, markOf, recordReading } from '../manual/record-reading';
import type { SettingsStore } from '../settings/settings-store';
import { settingsOverrides } from './engine-view';

type ManualHandlerNames =
  | 'getCatalog'
  | 'addManualWorkspace'
  | 'removeWorkspace'
  | 'recordReading'
  | 'answerReading'
  | 'listReadings'
  | 'previewCsvImport'
  | 'importCsv';

export interface ManualHandlerDeps {
  cache: Cache;
  settings: SettingsStore;
  catalog: () => Catalog;
  now: () => Millis;
  /** Leaves the demo (a workspace kept by hand is real data) and drops its cache. */
  leaveDemo(): Promise<void>;
  /** Runs a write now, or once the cache's write lock is free (AppHandlerDeps.writeSoon). */
  writeSoon<T>(fn: () => T): Promise<Awaited<T>>;
  /** Re-reads the cache and publishes the snapshot. */
  refresh(): void;
}

/** The CSV importer (csv-parse, ~3.5 MB loaded) when the lead first imports, not with every runtime. */
const csvImport = () => import('../import/csv-import');

/** A service's one-sentence complaint as the error the renderer shows; anything else goes up as it is. */
async function said<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ManualInputError || err instanceof CsvRowError || err instanceof CsvMappingError)
      throw new Error(err.message);
    throw err;
  }
}

/** The calls of workspaces kept by hand, their readings and CSV imports, over the runtime's cache. */
export function createManualHandlers(deps: ManualHandlerDeps): Pick<InvokeHandlers, ManualHandlerNames> {
  const { cache } = deps;
  const context = () => {
    const catalog = deps.catalog();
    return {
      catalog,
      now: deps.now(),
      overrides: settingsOverrides(cache.read.workspaces.list(), deps.settings.get() as Settings, catalog),
    };
  };
  // The form's choices as the importer's options (the CLI builds the same from its flags).
  const csvOptions = ({ workspaceId, source, mapping, pool }: CsvImportInput) => {
    const { catalog, now } = context();
    return {
      workspaceId,
      source,
      catalog,
      now,
      ...(mapping ? { map: mapping } : {}),
      ...(pool ? { pool } : {}),
    };
  };
  return {
    getCatalog: () => catalogVersionsJson(deps.catalog()),
    addManualWorkspace: (input) =>
      said(async () => {
        const { catalog, now } = context();
        if (deps.settings.get().demo) await deps.leaveDemo();
        const added = await deps.writeSoon(() => addManualWorkspace(cache, input, { catalog, now }));
        if (!deps.settings.get().onboarded) deps.settings.update({ onboarded: true });
        deps.refresh();
        return { id: added.workspace.id };
      }),
    removeWorkspace: ({ workspaceId }) =>
      said(() => {
        removeLocalWorkspace(cache, workspaceId);
        deps.refresh();
        return { removed: workspaceId };
      }),
    recordReading: (input) =>
      said(() => {
        const o = recordReading(
          cache,
          {
            workspaceId: input.workspaceId,
            pool: input.pool,
            ...(input.remaining !== undefined ? { remaining: input.remaining } : {}),
            ...(input.used !== undefined ? { used: input.used } : {}),
            ...(input.at !== undefined ? { at: Date.parse(input.at) } : {}),
            ...(input.note !== undefined ? { note: input.note } : {}),
          },
          context(),
        );
        deps.refresh();
        const what = o.reading.remaining !== undefined ? 'left' : 'used';
        const platform = o.reading.remaining ?? o.reading.used ?? 0;
        const local = o.local ? (what === 'left' ? o.local.remaining : o.local.used) : null;
        const m = o.mark;
        return {
          id: o.reading.id,
          kind: o.kind,
          counted: m && m.backwardsBy === 0 ? m.credits : null,
          backwardsBy: m && m.backwardsBy > 0 ? Math.round(m.backwardsBy * 100) / 100 : null,
          since: m ? new Date(m.after).toISOString() : null,
          sincePeriodStart: m ? m.after === o.markPeriodStart : false,
          check:
            o.kind === 'check' && local !== null
              ? { what, platform, local, difference: Math.round((local - platform) * 1e8) / 1e8 }
              : null,
        };
      }),
    answerReading: ({ workspaceId, readingId, as, credits }) =>
      said(() => {
        answerReading(
          cache,
          workspaceId,
          readingId,
          as === 'mistake' ? { as } : { as, ...(credits !== undefined ? { credits } : {}) },
          context(),
        );
        deps.refresh();
        return { done: true as const };
      }),
    listReadings: ({ workspaceId }) =>
      said(() => {
        const ws = cache.read.workspaces.byId(workspaceId);
        if (!ws) throw new ManualInputError(`There is no workspace "${workspaceId}" any more.`, 'workspace');
        const { catalog, now, overrides } = context();
        const evaluation =
          ws.origin === 'sync'
            ? null
            : evaluateCache(cache, { asOf: now, catalog, overrides, workspaceIds: [workspaceId] });
        return cache.read.readings.ofWorkspace(ws.key, workspaceId).map((s): ReadingRow => {
          const pool = evaluation?.pools.find((p) => p.pool === s.reading.pool);
          const mark = pool ? markOf(pool, s.reading.id) : null;
          return {
            id: s.reading.id,
            pool: s.reading.pool,
            at: s.reading.at,
            remaining: s.reading.remaining ?? null,
            used: s.reading.used ?? null,
            note: s.reading.note ?? null,
            kind: ws.origin === 'sync' ? 'check' : 'usage',
            dismissed: s.reading.dismissed ?? false,
            counted: mark && mark.backwardsBy === 0 ? mark.credits : null,
            backwardsBy: mark && mark.backwardsBy > 0 ? Math.round(mark.backwardsBy * 100) / 100 : null,
            local: s.local,
          };
        });
      }),
    previewCsvImport: (input) =>
      said(async () => (await csvImport()).prepareCsvImport(cache, input.text, csvOptions(input)).preview),
    importCsv: (input) =>
      said(async () => {
        const { importUsageCsv } = await csvImport();
        const result = await deps.writeSoon(() => importUsageCsv(cache, input.text, csvOptions(input)));
        deps.refresh();
        return result;
      }),
  };
}
