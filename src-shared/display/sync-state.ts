import type { SyncStatus } from '../ipc/snapshot';
import type { DateStyle } from './dates';
import { formatRelative } from './duration';

/** What the sync line is read from: the snapshot's sync status. */
export type SyncFacts = Pick<SyncStatus, 'running' | 'offline' | 'lastError' | 'lastSuccessAt'>;

/** The last attempt could not reach the server, or failed after (or without) the last success. */
export function syncFailing(sync: SyncFacts): boolean {
  if (sync.offline) return true;
  if (!sync.lastError) return false;
  return sync.lastSuccessAt === null || Date.parse(sync.lastError.at) >= Date.parse(sync.lastSuccessAt);
}

/** When a sync happened: "just now" under a minute (the second does not matter), else "12 minutes ago". */
export function syncAgo(at: string | number, now: number, style: DateStyle = { locale: 'en-US' }): string {
  const ms = (typeof at === 'number' ? at : Date.parse(at)) - now;
  return ms > -60_000 ? 'just now' : formatRelative(ms, now, style);
}

/**
 * The sync state in a few words, the same on the tray menu, the overview's header and the status
 * banner: "Syncing…", "Offline: showing data from 2 hours ago", "Sync failed 5 minutes ago" (a
 * failure after the last success wins over it), "Synced just now", "Not synced yet".
 */
export function syncStateText(sync: SyncFacts, now: number, style: DateStyle = { locale: 'en-US' }): string {
  if (sync.running) return 'Syncing…';
  if (sync.offline)
    return sync.lastSuccessAt
      ? `Offline: showing data from ${syncAgo(sync.lastSuccessAt, now, style)}`
      : 'Offline: no data yet';
  if (syncFailing(sync) && sync.lastError) return `Sync failed ${syncAgo(sync.lastError.at, now, style)}`;
  return sync.lastSuccessAt ? `Synced ${syncAgo(sync.lastSuccessAt, now, style)}` : 'Not synced yet';
}

/** The failure's own sentence after the state ("Sync failed 5 minutes ago: …"), or null when none is failing. */
export function syncFailureLine(
  sync: SyncFacts,
  now: number,
  style: DateStyle = { locale: 'en-US' },
): string | null {
  if (sync.running || sync.offline || !syncFailing(sync) || !sync.lastError) return null;
  return `${syncStateText(sync, now, style)}: ${sync.lastError.message}`;
}

/** The tray menu's sync line: the state, with why the last attempt failed when it did. */
export function syncLineText(sync: SyncFacts, now: number, style: DateStyle = { locale: 'en-US' }): string {
  return syncFailureLine(sync, now, style) ?? syncStateText(sync, now, style);
}
