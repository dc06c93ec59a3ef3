import type { StateCreator } from 'zustand';
import type { CreditbarClient } from '../ipc/client';
import type { AppState } from './app-store';

export interface WindowSlice {
  /** Hides the popover (Escape on its first screen); nothing to hide in a browser or the main window. */
  hidePopover(): Promise<void>;
}

export const createWindowSlice =
  (client: CreditbarClient): StateCreator<AppState, [], [], WindowSlice> =>
  () => ({
    async hidePopover() {
      try {
        await client.hidePopover();
      } catch (error) {
        // Hiding is a convenience: the window still closes when it loses focus.
        console.error('hidePopover failed', error);
      }
    },
  });
