import type { Migration } from '../migrate';

/**
 * The digests built per account and slot ("daily|2026-11-20"): sent or skipped because nothing
 * changed, with each pool's figures, so the next digest says what changed since and a restart
 * never sends a slot twice.
 */
export const digests: Migration = {
  version: 4,
  name: 'digests',
  up(db) {
    db.exec(`
      CREATE TABLE digests (
        account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        slot        TEXT NOT NULL,
        built_at    INTEGER NOT NULL,
        sent        INTEGER NOT NULL CHECK (sent IN (0, 1)),
        pools       TEXT NOT NULL,
        PRIMARY KEY (account_id, slot)
      ) WITHOUT ROWID;
    `);
  },
};
