import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';
import type { Route } from './route';

export interface UiSlice {
  route: Route;
  navigate(route: Route): void;
}

export const createUiSlice =
  (initial: Route): StateCreator<AppState, [], [], UiSlice> =>
  (set) => ({
    route: initial,
    navigate(route) {
      set({ route });
    },
  });
