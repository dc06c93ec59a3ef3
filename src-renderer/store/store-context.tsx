import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { WorkspaceCard } from '../../src-shared/ipc/snapshot';
import type { AppState, AppStore } from './app-store';

const StoreContext = createContext<AppStore | null>(null);

export const StoreProvider = StoreContext.Provider;

/** Reads a slice of the app store; components re-render only when that slice changes. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore needs a StoreProvider above it.');
  return useStore(store, selector);
}

const NO_WORKSPACES: WorkspaceCard[] = [];

/** The snapshot's workspaces, or one stable empty list (a fresh [] each time would re-render forever). */
export function useWorkspaces(): WorkspaceCard[] {
  return useAppStore((s) => s.snapshot?.workspaces ?? NO_WORKSPACES);
}
