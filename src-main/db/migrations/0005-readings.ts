import type { Migration } from '../migrate';

/**
 * Balance readings: what a platform's usage page showed for one pool, typed in by the lead. On a
 * workspace with no other source they feed the engine; on a synced one they are checks, and the
 * local count at the reading's instant is kept beside it (local_used, local_remaining).
 */
export const readings: Migration = {
  version: 5,
  name: 'readings',
  up(db) {
    db.exec(`
      CREATE TABLE readings (
        workspace_key   INTEGER NOT NULL REFERENCES workspaces(key) ON DELETE CASCADE,
        id              TEXT NOT NULL,
        pool            TEXT NOT NULL,
        at              INTEGER NOT NULL,
        remaining       REAL,
        used            REAL,
        note            TEXT,
        dismissed       INTEGER NOT NULL DEFAULT 0,
        local_used      REAL,
        local_remaining REAL,
        recorded_at     INTEGER NOT NULL,
        PRIMARY KEY (workspace_key, id),
        CHECK ((remaining IS NULL) <> (used IS NULL))
      ) WITHOUT ROWID;
      CREATE INDEX readings_by_time ON readings (workspace_key, pool, at);
    `);
  },
};
