import type { Snapshot } from '../../src-shared/ipc/snapshot';
import type { Settings } from '../../src-shared/settings/settings';
import type { AlertCandidate } from '../alerts/alert-candidate';
import type { RaisedAlertStore } from '../alerts/raised-alert-store';
import type { DispatchLog } from '../ipc/dispatch-invoke';
import type { InvokeHandlers } from '../ipc/invoke-handlers';
import type { SyncReason } from './scheduler';

/**
 * What the Electron shell needs from the app's services (cache, sync, settings, engine). The shell
 * owns the scheduler and the alert loop, so it answers syncNow and snoozeAlerts itself; every other
 * call of the contract comes from `handlers`, the same object the browser transport registers.
 */
export interface ShellServices {
  handlers: Omit<InvokeHandlers, 'syncNow' | 'snoozeAlerts'>;
  /** The current snapshot, and a subscription to every new one (after a sync, a settings change...). */
  snapshot(): Snapshot;
  subscribe(listener: (snapshot: Snapshot) => void): () => void;
  settings(): Settings;
  /** One sync of every account; rejects when it failed (the sync service keeps the error in the snapshot). */
  sync(reason: SyncReason): Promise<void>;
  /** Every alert condition that holds now: the engine's alerts of the current periods plus sync-stale and drift. */
  alertCandidates(): AlertCandidate[];
  alertStore: RaisedAlertStore;
  /** The snooze end (epoch ms), persisted across restarts, or null. */
  pausedUntil(): number | null;
  setPausedUntil(until: number | null): void;
  log: DispatchLog & { info(message: string, context?: Record<string, unknown>): void };
}
