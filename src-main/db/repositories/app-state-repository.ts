import type { AppNotice } from '../../../src-shared/ipc/snapshot';
import type { Db } from '../connection';

/** Keys of the app_state table, each with the type of its value. */
export interface AppStateValues {
  /** Notifications are held until this instant (epoch ms), or null. */
  pausedUntil: number | null;
  /** Notices about the app itself the lead has not dismissed yet, oldest first. */
  notices: AppNotice[];
  /** Keys of notices the lead dismissed that would otherwise come back at every start. */
  dismissedNotices: string[];
  /** The last update check that got an answer, and the last one attempted (epoch ms). */
  updateLastCheckAt: number | null;
  updateLastAttemptAt: number | null;
  /** The local day (YYYY-MM-DD) the last reading reminder was for: one a day at most. */
  readingReminderDay: string | null;
  /** This cache file's random identity (migration 10): what is saved beside it names it. */
  cacheId: string | null;
}

export type AppStateKey = keyof AppStateValues;

export function createAppStateReader(db: Db) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM app_state WHERE key = ?');
  return {
    /** The stored value, or `fallback` when none was ever stored. */
    get<K extends AppStateKey>(key: K, fallback: AppStateValues[K]): AppStateValues[K] {
      const row = get.get(key);
      return row ? (JSON.parse(row.value) as AppStateValues[K]) : fallback;
    },
  };
}

export function createAppStateWriter(db: Db) {
  const put = db.prepare<[string, string]>(
    'INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    set: <K extends AppStateKey>(key: K, value: AppStateValues[K]): void =>
      void put.run(key, JSON.stringify(value)),
  };
}
