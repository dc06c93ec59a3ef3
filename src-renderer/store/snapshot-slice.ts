import type { StateCreator } from 'zustand';
import type { Snapshot } from '../../src-shared/ipc/snapshot';
import { errorMessage, type CreditbarClient } from '../ipc/client';
import type { AppState } from './app-store';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface SnapshotSlice {
  snapshot: Snapshot | null;
  snapshotStatus: LoadStatus;
  snapshotError: string | null;
  /** The user asked for a sync and main has not answered yet. */
  syncRequested: boolean;
  /** The last failed user action (sync, snooze, demo), shown until dismissed. */
  actionError: string | null;
  loadSnapshot(): Promise<void>;
  receiveSnapshot(snapshot: Snapshot): void;
  syncNow(): Promise<void>;
  snooze(duration: '1h' | 'tomorrow' | 'off'): Promise<void>;
  startDemo(): Promise<void>;
  dismissActionError(): void;
  /** Dismisses a notice about the app itself (a damaged cache put aside ...). */
  dismissNotice(key: string): Promise<void>;
  /** Marks alerts as dealt with (by key, or every open one of a workspace); the count drops at once. */
  acknowledgeAlerts(which: { keys: string[] } | { workspaceId: string }): Promise<void>;
}

/** Alerts the lead has not acknowledged yet: the alert centre's tab count. */
export function openAlertCount(snapshot: Snapshot | null): number {
  if (!snapshot) return 0;
  return snapshot.openAlerts ?? snapshot.alerts.filter((a) => !a.acknowledgedAt).length;
}

/** A pushed snapshot may overtake the answer to getSnapshot: keep whichever is newer. */
function newer(current: Snapshot | null, next: Snapshot): boolean {
  return current === null || Date.parse(next.asOf) >= Date.parse(current.asOf);
}

export const createSnapshotSlice =
  (client: CreditbarClient): StateCreator<AppState, [], [], SnapshotSlice> =>
  (set, get) => ({
    snapshot: null,
    snapshotStatus: 'idle',
    snapshotError: null,
    syncRequested: false,
    actionError: null,
    async loadSnapshot() {
      if (get().snapshot === null) set({ snapshotStatus: 'loading', snapshotError: null });
      try {
        const snapshot = await client.getSnapshot();
        get().receiveSnapshot(snapshot);
      } catch (error) {
        console.error('getSnapshot failed', error);
        if (get().snapshot === null) set({ snapshotStatus: 'error', snapshotError: errorMessage(error) });
      }
    },
    receiveSnapshot(snapshot) {
      if (!newer(get().snapshot, snapshot)) return;
      performance.clearMarks('creditbar:snapshot-received');
      performance.mark('creditbar:snapshot-received');
      set({ snapshot, snapshotStatus: 'ready', snapshotError: null });
    },
    async syncNow() {
      set({ syncRequested: true, actionError: null });
      try {
        const result = await client.syncNow();
        // Nothing could sync (every account lacks its token): say why instead of doing nothing.
        if (!result.started && result.reason) set({ actionError: result.reason });
      } catch (error) {
        console.error('syncNow failed', error);
        set({ actionError: `Sync could not start: ${errorMessage(error)}` });
      } finally {
        set({ syncRequested: false });
      }
    },
    async snooze(duration) {
      try {
        const { pausedUntil } = await client.snoozeAlerts({ for: duration });
        const snapshot = get().snapshot;
        if (snapshot) set({ snapshot: { ...snapshot, pausedUntil } });
      } catch (error) {
        console.error('snoozeAlerts failed', error);
        set({ actionError: `Notifications could not be paused: ${errorMessage(error)}` });
      }
    },
    async startDemo() {
      set({ actionError: null });
      try {
        const settings = await client.startDemo();
        set({ settings });
        await get().loadSnapshot();
      } catch (error) {
        console.error('startDemo failed', error);
        set({ actionError: `The demo could not start: ${errorMessage(error)}` });
      }
    },
    dismissActionError() {
      set({ actionError: null });
    },
    async acknowledgeAlerts(which) {
      // Shown at once; the pushed snapshot that follows carries the stored instant and the count.
      const snapshot = get().snapshot;
      if (snapshot) {
        const hit = (a: Snapshot['alerts'][number]) =>
          !a.acknowledgedAt &&
          ('keys' in which ? which.keys.includes(a.key) : a.workspaceId === which.workspaceId);
        const at = new Date().toISOString();
        const alerts = snapshot.alerts.map((a) => (hit(a) ? { ...a, acknowledgedAt: at } : a));
        const dropped = snapshot.alerts.filter(hit).length;
        set({
          snapshot: {
            ...snapshot,
            alerts,
            ...(snapshot.openAlerts !== undefined
              ? { openAlerts: Math.max(0, snapshot.openAlerts - dropped) }
              : {}),
          },
        });
      }
      try {
        await client.acknowledgeAlerts(which);
      } catch (error) {
        console.error('acknowledgeAlerts failed', error);
        set({ actionError: `The alerts could not be acknowledged: ${errorMessage(error)}` });
        await get().loadSnapshot();
      }
    },
    async dismissNotice(key) {
      const snapshot = get().snapshot;
      if (snapshot?.notices)
        set({ snapshot: { ...snapshot, notices: snapshot.notices.filter((n) => n.key !== key) } });
      try {
        await client.dismissNotice({ key });
      } catch (error) {
        console.error('dismissNotice failed', error);
        set({ actionError: `The notice could not be dismissed: ${errorMessage(error)}` });
      }
    },
  });
