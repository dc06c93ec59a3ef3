import type { Migration } from '../migrate';

/**
 * The catalog version a workspace's plan is on and its billing day, so /v1/workspaces can say which
 * rules price its events (and /balance prices them by the same). Rows stored before this have
 * neither: the API leaves them out and clients read those plans with the seed's version, as before.
 */
export const workspaceRules: Migration = {
  version: 6,
  name: 'workspace-rules',
  up: (db) => {
    db.exec(`
      ALTER TABLE workspaces ADD COLUMN catalog_version TEXT;
      ALTER TABLE workspaces ADD COLUMN billing_day INTEGER;
    `);
  },
};
