import { useEffect } from 'react';
import { openAlertCount } from '../store/snapshot-slice';
import { useAppStore } from '../store/store-context';
import { signal, type ReadyState, type SyncState } from './readiness';

/** Mirrors the app's state into <body data-*> readiness signals (see readiness.ts). */
export function useReadinessSignals(screen: string): void {
  const status = useAppStore((s) => s.snapshotStatus);
  const snapshot = useAppStore((s) => s.snapshot);
  const syncRequested = useAppStore((s) => s.syncRequested);
  const settingsReady = useAppStore((s) => s.settingsStatus === 'ready');

  useEffect(() => {
    const ready: ReadyState = snapshot ? 'snapshot' : status === 'error' ? 'error' : 'loading';
    signal('ready', ready);
    signal('screen', screen);
    signal('mode', snapshot?.mode ?? null);
    signal('snapshot-at', snapshot?.asOf ?? null);
    signal('alerts', snapshot ? openAlertCount(snapshot) : null);
    const sync = snapshot?.sync;
    const syncState: SyncState | null = !sync
      ? null
      : sync.running || syncRequested
        ? 'running'
        : sync.offline
          ? 'offline'
          : sync.lastError
            ? 'error'
            : 'idle';
    signal('sync-state', syncState);
    signal('last-sync', sync?.lastSuccessAt ?? null);
  }, [status, snapshot, syncRequested, screen]);

  useEffect(() => {
    signal('settings-ready', settingsReady ? 'true' : null);
  }, [settingsReady]);
}
