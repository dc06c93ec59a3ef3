import type { StateCreator } from 'zustand';
import type { CatalogVersionJson } from '../../src-shared/catalog/catalog-text';
import type { CsvImportResult, CsvPreview } from '../../src-shared/csv/csv-preview';
import type { InvokeInput } from '../../src-shared/ipc/contract';
import type { ReadingResult, ReadingRow } from '../../src-shared/ipc/manual-contract';
import type { CreditbarClient } from '../ipc/client';
import type { AppState } from './app-store';
import { attempt, type ActionResult } from './settings-slice';

/** Workspaces kept by hand, their readings, the catalog their form reads, and CSV imports. */
export interface ManualSlice {
  /** The catalog's versions (null until loaded). */
  catalog: CatalogVersionJson[] | null;
  loadCatalog(): Promise<void>;
  addManualWorkspace(input: InvokeInput<'addManualWorkspace'>): Promise<ActionResult<{ id: string }>>;
  removeWorkspace(workspaceId: string): Promise<ActionResult<{ removed: string }>>;
  recordReading(input: InvokeInput<'recordReading'>): Promise<ActionResult<ReadingResult>>;
  answerReading(input: InvokeInput<'answerReading'>): Promise<ActionResult<{ done: true }>>;
  listReadings(workspaceId: string): Promise<ActionResult<ReadingRow[]>>;
  previewCsv(input: InvokeInput<'previewCsvImport'>): Promise<ActionResult<CsvPreview>>;
  importCsv(input: InvokeInput<'importCsv'>): Promise<ActionResult<CsvImportResult>>;
}

export const createManualSlice =
  (client: CreditbarClient): StateCreator<AppState, [], [], ManualSlice> =>
  (set, get) => ({
    catalog: null,
    async loadCatalog() {
      const r = await attempt('getCatalog', () => client.getCatalog());
      if (r.ok) set({ catalog: r.value });
    },
    async addManualWorkspace(input) {
      const r = await attempt('addManualWorkspace', () => client.addManualWorkspace(input));
      // A first workspace leaves onboarding (or the demo): reload what the mode changes.
      if (r.ok) await Promise.all([get().loadSettings(), get().loadSnapshot()]);
      return r;
    },
    async removeWorkspace(workspaceId) {
      const r = await attempt('removeWorkspace', () => client.removeWorkspace({ workspaceId }));
      if (r.ok) await get().loadSnapshot();
      return r;
    },
    async recordReading(input) {
      const r = await attempt('recordReading', () => client.recordReading(input));
      if (r.ok) await get().loadSnapshot();
      return r;
    },
    async answerReading(input) {
      const r = await attempt('answerReading', () => client.answerReading(input));
      if (r.ok) await get().loadSnapshot();
      return r;
    },
    listReadings(workspaceId) {
      return attempt('listReadings', () => client.listReadings({ workspaceId }));
    },
    previewCsv(input) {
      return attempt('previewCsvImport', () => client.previewCsvImport(input));
    },
    async importCsv(input) {
      const r = await attempt('importCsv', () => client.importCsv(input));
      if (r.ok) await get().loadSnapshot();
      return r;
    },
  });
