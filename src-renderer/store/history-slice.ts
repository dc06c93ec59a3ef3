import type { StateCreator } from 'zustand';
import type { ExportResult, HistoryResult } from '../../src-shared/ipc/contract';
import { errorMessage, type CreditbarClient } from '../ipc/client';
import type { AppState } from './app-store';
import type { LoadStatus } from './snapshot-slice';
import type { ActionResult } from './settings-slice';

export interface HistoryEntry {
  status: Exclude<LoadStatus, 'idle'>;
  result: HistoryResult | null;
  error: string | null;
}

export interface HistorySlice {
  months: string[] | null;
  monthsStatus: LoadStatus;
  monthsError: string | null;
  /** Reviews by `period|workspaceId`, kept so that going back to a month is instant and offline. */
  reviews: Record<string, HistoryEntry>;
  selectedMonth: string | null;
  compareMonth: string | null;
  /** Only this workspace, or all. */
  historyWorkspace: string | null;
  loadMonths(): Promise<void>;
  selectMonth(period: string): Promise<void>;
  selectCompare(period: string | null): Promise<void>;
  setHistoryWorkspace(workspaceId: string | null): Promise<void>;
  loadReview(period: string, force?: boolean): Promise<void>;
  exportHistory(format: 'csv' | 'json'): Promise<ActionResult<ExportResult>>;
}

/** The cache key of one review. */
export function reviewKey(period: string, workspaceId: string | null): string {
  return `${period}|${workspaceId ?? ''}`;
}

export const createHistorySlice =
  (client: CreditbarClient): StateCreator<AppState, [], [], HistorySlice> =>
  (set, get) => ({
    months: null,
    monthsStatus: 'idle',
    monthsError: null,
    reviews: {},
    selectedMonth: null,
    compareMonth: null,
    historyWorkspace: null,
    async loadMonths() {
      set({ monthsStatus: 'loading', monthsError: null });
      try {
        const months = await client.getHistoryMonths();
        set({ months, monthsStatus: 'ready' });
        const selected = get().selectedMonth;
        if (months.length > 0 && (selected === null || !months.includes(selected))) {
          await get().selectMonth(defaultMonth(months, get().snapshot?.asOf));
        }
      } catch (error) {
        console.error('getHistoryMonths failed', error);
        set({ monthsStatus: 'error', monthsError: errorMessage(error) });
      }
    },
    async selectMonth(period) {
      set({ selectedMonth: period, ...(get().compareMonth === period ? { compareMonth: null } : {}) });
      await get().loadReview(period);
    },
    async selectCompare(period) {
      set({ compareMonth: period });
      if (period) await get().loadReview(period);
    },
    async setHistoryWorkspace(workspaceId) {
      set({ historyWorkspace: workspaceId });
      const { selectedMonth, compareMonth } = get();
      await Promise.all(
        [selectedMonth, compareMonth].filter((p): p is string => p !== null).map((p) => get().loadReview(p)),
      );
    },
    async loadReview(period, force = false) {
      const workspaceId = get().historyWorkspace;
      const key = reviewKey(period, workspaceId);
      const existing = get().reviews[key];
      if (!force && existing && existing.status !== 'error') return;
      performance.mark(`creditbar:history-requested:${period}`);
      set({
        reviews: {
          ...get().reviews,
          [key]: { status: 'loading', result: existing?.result ?? null, error: null },
        },
      });
      try {
        const result = await client.getHistory(workspaceId ? { period, workspaceId } : { period });
        set({ reviews: { ...get().reviews, [key]: { status: 'ready', result, error: null } } });
      } catch (error) {
        console.error('getHistory failed', period, error);
        set({
          reviews: { ...get().reviews, [key]: { status: 'error', result: null, error: errorMessage(error) } },
        });
      }
    },
    async exportHistory(format) {
      const { selectedMonth, historyWorkspace } = get();
      if (!selectedMonth) return { ok: false, message: 'Pick a month to export first.' };
      try {
        const request = historyWorkspace
          ? { period: selectedMonth, format, workspaceId: historyWorkspace }
          : { period: selectedMonth, format };
        return { ok: true, value: await client.exportHistory(request) };
      } catch (error) {
        console.error('exportHistory failed', error);
        return { ok: false, message: errorMessage(error) };
      }
    },
  });

/** The month to open first: the newest closed one (the current month is still running). */
export function defaultMonth(months: string[], asOf: string | undefined): string {
  const current = (asOf ?? new Date().toISOString()).slice(0, 7);
  return months.find((m) => m < current) ?? months[0]!;
}
