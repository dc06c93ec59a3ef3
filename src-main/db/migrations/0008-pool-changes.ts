import type { Migration } from '../migrate';

/**
 * The change feed of pool data: one row each time new data lands in a pool (events stored, grants,
 * rate cards or a workspace's plan changed), with the instant from which its balance must be
 * recomputed. The evaluator thread keeps each pool's current period in memory and reads this feed
 * to top it up; AUTOINCREMENT so that a position in the feed is never reused. No foreign key:
 * rows of a removed workspace are harmless and cascading them away would look like a gap.
 */
export const poolChanges: Migration = {
  version: 8,
  name: 'pool-changes',
  up(db) {
    db.exec(`
      CREATE TABLE pool_changes (
        seq           INTEGER PRIMARY KEY AUTOINCREMENT,
        workspace_key INTEGER NOT NULL,
        pool          TEXT NOT NULL,
        from_t        INTEGER NOT NULL
      );
    `);
  },
};
