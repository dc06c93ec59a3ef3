import type { Snapshot } from '../../src-shared/ipc/snapshot';
import { DEFAULT_SETTINGS, type Settings } from '../../src-shared/settings/settings';
import type { RaisedAlertStore } from '../alerts/raised-alert-store';
import type { ShellServices } from './shell-services';

/**
 * Stand-in services until the cache, sync and settings services are wired in (app wiring step):
 * the shell runs with an onboarding snapshot, and calls that need data say so in one sentence.
 */
export function createOnboardingServices(now: () => number = Date.now): ShellServices {
  let settings: Settings = DEFAULT_SETTINGS;
  let pausedUntil: number | null = null;
  const snapshot = (): Snapshot => ({
    asOf: new Date(now()).toISOString(),
    mode: 'onboarding',
    sync: { running: false, lastSuccessAt: null, lastError: null, nextSyncAt: null, offline: false },
    workspaces: [],
    alerts: [],
    pausedUntil: pausedUntil === null ? null : new Date(pausedUntil).toISOString(),
  });
  const notWired = (): never => {
    throw new Error('This build has no cache or sync service yet: use the browser mode (npm run web) for data.');
  };
  // Without workspaces there are no alert candidates, so nothing is ever recorded.
  const store: RaisedAlertStore = { has: () => false, record: () => false, setDelivery: () => {}, list: () => [] };
  return {
    handlers: {
      getSnapshot: snapshot,
      getHistoryMonths: () => [],
      getHistory: notWired,
      exportHistory: notWired,
      getSettings: () => settings,
      updateSettings: (patch) => (settings = { ...settings, ...patch }),
      addAccount: notWired,
      removeAccount: notWired,
      testConnection: notWired,
      startDemo: notWired,
    },
    snapshot,
    subscribe: () => () => {},
    settings: () => settings,
    sync: async () => {},
    alertCandidates: () => [],
    alertStore: store,
    pausedUntil: () => pausedUntil,
    setPausedUntil: (until) => (pausedUntil = until),
    log: {
      info: (message, context) => console.log(message, context ?? ''),
      warn: (message, context) => console.warn(message, context),
      error: (message, context) => console.error(message, context),
    },
  };
}
