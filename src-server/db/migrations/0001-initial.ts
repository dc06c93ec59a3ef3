import type { Migration } from '../migrate';

/**
 * Accounts, hashed tokens, workspaces with their pools and members, grants, events and rate cards.
 * Events get a global AUTOINCREMENT seq: it is the stable page order and what a cursor points at,
 * and AUTOINCREMENT guarantees a seq is never reused, so a stored cursor never skips a newer event.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up: (db) => {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE tokens (
        hash TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX tokens_by_account ON tokens(account_id);
      CREATE TABLE workspaces (
        pk INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        provider TEXT NOT NULL,
        plan TEXT NOT NULL,
        existing_customer INTEGER NOT NULL DEFAULT 0,
        thresholds TEXT,
        UNIQUE (account_id, id)
      ) STRICT;
      CREATE TABLE pools (
        workspace_pk INTEGER NOT NULL REFERENCES workspaces(pk) ON DELETE CASCADE,
        pool TEXT NOT NULL,
        allowance REAL NOT NULL,
        reset TEXT NOT NULL,
        overage INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (workspace_pk, pool)
      ) STRICT;
      CREATE TABLE members (
        workspace_pk INTEGER NOT NULL REFERENCES workspaces(pk) ON DELETE CASCADE,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        budget REAL,
        PRIMARY KEY (workspace_pk, id)
      ) STRICT;
      CREATE TABLE grants (
        seq INTEGER PRIMARY KEY,
        workspace_pk INTEGER NOT NULL REFERENCES workspaces(pk) ON DELETE CASCADE,
        id TEXT NOT NULL,
        pool TEXT NOT NULL,
        kind TEXT NOT NULL,
        credits REAL NOT NULL,
        granted_at TEXT NOT NULL,
        expires_at TEXT,
        UNIQUE (workspace_pk, id)
      ) STRICT;
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        workspace_pk INTEGER NOT NULL REFERENCES workspaces(pk) ON DELETE CASCADE,
        id TEXT NOT NULL,
        pool TEXT NOT NULL,
        member_id TEXT NOT NULL,
        app TEXT,
        action TEXT NOT NULL,
        units REAL,
        credits REAL,
        occurred_at TEXT NOT NULL,
        input_hash TEXT,
        UNIQUE (workspace_pk, id)
      ) STRICT;
      CREATE INDEX events_by_workspace ON events(workspace_pk, seq);
      CREATE TABLE rate_cards (
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        provider TEXT NOT NULL,
        effective_from TEXT NOT NULL,
        rates TEXT NOT NULL,
        PRIMARY KEY (account_id, provider, effective_from)
      ) STRICT;
    `);
  },
};
