import type { Migration } from '../migrate';

/**
 * When each token last made an authenticated request (null: never since this migration), so that
 * `token list` shows which app or laptop still uses a token before the lead revokes it.
 */
export const tokenLastUsed: Migration = {
  version: 5,
  name: 'token-last-used',
  up: (db) => {
    db.exec('ALTER TABLE tokens ADD COLUMN last_used_at TEXT;');
  },
};
