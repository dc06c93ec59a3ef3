import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CreditbarClient } from '../ipc/client';
import { createChannelsSlice, type ChannelsSlice } from './channels-slice';
import { createHistorySlice, type HistorySlice } from './history-slice';
import { createManualSlice, type ManualSlice } from './manual-slice';
import type { Route } from './route';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createSnapshotSlice, type SnapshotSlice } from './snapshot-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createUpdateSlice, type UpdateSlice } from './update-slice';
import { createWindowSlice, type WindowSlice } from './window-slice';
import { setDisplayZone } from '../components/format';

export type AppState = SnapshotSlice &
  SettingsSlice &
  ChannelsSlice &
  HistorySlice &
  UiSlice &
  UpdateSlice &
  WindowSlice &
  ManualSlice;
export type AppStore = StoreApi<AppState>;

/**
 * One store per app instance, built around the client it is given (the real window.api, or a
 * fake in tests), so nothing needs a module-level mock.
 */
export function createAppStore(
  client: CreditbarClient,
  initialRoute: Route = { screen: 'overview' },
): AppStore {
  const store = createStore<AppState>()((...a) => ({
    ...createSnapshotSlice(client)(...a),
    ...createSettingsSlice(client)(...a),
    ...createChannelsSlice(client)(...a),
    ...createHistorySlice(client)(...a),
    ...createManualSlice(client)(...a),
    ...createUiSlice(initialRoute)(...a),
    ...createUpdateSlice(client)(...a),
    ...createWindowSlice(client)(...a),
  }));
  // Dates in the zone the main process words its alert sentences in, set before any view re-renders.
  setDisplayZone(undefined);
  store.subscribe((state) => setDisplayZone(state.snapshot?.timeZone));
  return store;
}

/** Subscribes the store to the main process's pushes; returns the unsubscribe. */
export function connectPushes(store: AppStore, client: CreditbarClient): () => void {
  const offSnapshot = client.onSnapshot((snapshot) => store.getState().receiveSnapshot(snapshot));
  // An empty id (the digest's notification) opens the overview.
  const offOpen = client.onOpenWorkspace(({ workspaceId }) =>
    store.getState().navigate(workspaceId ? { screen: 'workspace', workspaceId } : { screen: 'overview' }),
  );
  const offUpdate = client.onUpdateStatus((status) => store.getState().receiveUpdateStatus(status));
  return () => {
    offSnapshot();
    offOpen();
    offUpdate();
  };
}
