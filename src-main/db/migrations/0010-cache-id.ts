import type { Migration } from '../migrate';

/**
 * A random identity for this cache file, so that what is kept beside it (the evaluator's saved
 * walks, see evaluator/saved-walks.ts) is recognised as belonging to it: a damaged cache replaced
 * by a fresh one, or another cache put in its place, gets a new identity and the walks saved for
 * the old one are ignored. Kept in app_state as JSON text like every value there.
 */
export const cacheId: Migration = {
  version: 10,
  name: 'cache-id',
  up(db) {
    db.exec(
      `INSERT INTO app_state (key, value) VALUES ('cacheId', '"' || lower(hex(randomblob(16))) || '"')`,
    );
  },
};
