import type { Migration } from '../migrate';

/**
 * Small pieces of app state that must survive a restart but are not settings a lead edits: the
 * snooze's end, for now. One row per key, the value as JSON text.
 */
export const appState: Migration = {
  version: 2,
  name: 'app-state',
  up(db) {
    db.exec(`
      CREATE TABLE app_state (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
