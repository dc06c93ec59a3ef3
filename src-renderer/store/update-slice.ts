import type { StateCreator } from 'zustand';
import type { UpdateAction, UpdateStatus } from '../../src-shared/ipc/update-status';
import { errorMessage, type CreditbarClient } from '../ipc/client';
import type { AppState } from './app-store';

export interface UpdateSlice {
  /** Where the release updater stands (main pushes every change), or null before the first answer. */
  updateStatus: UpdateStatus | null;
  /** The last update call that failed, in words. */
  updateError: string | null;
  loadUpdateStatus(): Promise<void>;
  receiveUpdateStatus(status: UpdateStatus): void;
  runUpdateAction(action: UpdateAction): Promise<void>;
}

export const createUpdateSlice =
  (client: CreditbarClient): StateCreator<AppState, [], [], UpdateSlice> =>
  (set) => ({
    updateStatus: null,
    updateError: null,
    async loadUpdateStatus() {
      try {
        set({ updateStatus: await client.getUpdateStatus(), updateError: null });
      } catch (error) {
        set({ updateError: errorMessage(error) });
      }
    },
    receiveUpdateStatus(status) {
      set({ updateStatus: status });
    },
    async runUpdateAction(action) {
      set({ updateError: null });
      try {
        if (action === 'install') await client.installUpdate();
        else
          set({
            updateStatus: await (action === 'check' ? client.checkForUpdates() : client.downloadUpdate()),
          });
      } catch (error) {
        set({ updateError: errorMessage(error) });
      }
    },
  });
