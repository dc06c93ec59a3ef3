import type { Migration } from '../migrate';

/**
 * A counter every write to a workspace's records bumps (events, grants, members, plan), in the same
 * transaction: a cache of evaluations keyed by it stays right even when another process (the CLI,
 * while the server runs) wrote to the file.
 */
export const workspaceRevision: Migration = {
  version: 4,
  name: 'workspace-revision',
  up: (db) => {
    db.exec('ALTER TABLE workspaces ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;');
  },
};
