import type { Migration } from '../migrate';

/**
 * Where a workspace came from (sync, ledger or manual: added by hand), the catalog version its plan
 * is on, and its billing day. Rows cached before this read as their account says (null origin).
 */
export const workspaceOrigin: Migration = {
  version: 6,
  name: 'workspace-origin',
  up(db) {
    db.exec(`
      ALTER TABLE workspaces ADD COLUMN origin TEXT CHECK (origin IN ('sync', 'ledger', 'manual'));
      ALTER TABLE workspaces ADD COLUMN catalog_version TEXT;
      ALTER TABLE workspaces ADD COLUMN billing_day INTEGER;
    `);
  },
};
