import type { Migration } from '../migrate';

/**
 * Token scopes: `read` (what the desktop app syncs with; every token issued before this migration)
 * and `ingest` (what an app reports usage with: it may only POST events to one workspace). A token
 * also keeps a short prefix so that it can be listed and revoked without ever being shown again;
 * tokens issued before this migration have none (they are listed by label and date).
 */
export const tokenScopes: Migration = {
  version: 2,
  name: 'token-scopes',
  up: (db) => {
    db.exec(`
      ALTER TABLE tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'read' CHECK (scope IN ('read', 'ingest'));
      ALTER TABLE tokens ADD COLUMN workspace_pk INTEGER REFERENCES workspaces(pk) ON DELETE CASCADE;
      ALTER TABLE tokens ADD COLUMN prefix TEXT;
      CREATE INDEX tokens_by_workspace ON tokens(workspace_pk);
    `);
  },
};
