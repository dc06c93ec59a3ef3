import type { Migration } from '../migrate';

/**
 * Members an app reported usage for before the lead named them: ingest accepts an unknown member id
 * and lists it in the workspace (named by its id) with the instant it was first seen, so that the
 * lead can give it a name (`creditbar-server member add`), which clears the mark.
 */
export const unnamedMembers: Migration = {
  version: 3,
  name: 'unnamed-members',
  up: (db) => {
    db.exec('ALTER TABLE members ADD COLUMN first_seen_at TEXT;');
  },
};
