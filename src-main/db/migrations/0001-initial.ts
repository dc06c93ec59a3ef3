import type { Migration } from '../migrate';

/**
 * The first cache schema. Instants are epoch milliseconds (INTEGER); workspaces get a small integer
 * key so that a million events a month do not repeat a text id. Events are unique by workspace and
 * event id: syncing one twice never counts it twice.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id          TEXT PRIMARY KEY,
        label       TEXT NOT NULL,
        server_url  TEXT,
        created_at  INTEGER NOT NULL
      );

      CREATE TABLE workspaces (
        key                 INTEGER PRIMARY KEY,
        id                  TEXT NOT NULL UNIQUE,
        account_id          TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        name                TEXT NOT NULL,
        provider            TEXT NOT NULL,
        plan                TEXT NOT NULL,
        existing_customer   INTEGER,
        pools_declared      INTEGER NOT NULL,
        thresholds_declared INTEGER NOT NULL,
        updated_at          INTEGER NOT NULL
      );
      CREATE INDEX workspaces_by_account ON workspaces (account_id);

      CREATE TABLE pools (
        workspace_key INTEGER NOT NULL REFERENCES workspaces(key) ON DELETE CASCADE,
        pool          TEXT NOT NULL,
        position      INTEGER NOT NULL,
        allowance     REAL,
        reset         TEXT,
        overage       INTEGER,
        PRIMARY KEY (workspace_key, pool)
      ) WITHOUT ROWID;

      CREATE TABLE members (
        workspace_key INTEGER NOT NULL REFERENCES workspaces(key) ON DELETE CASCADE,
        id            TEXT NOT NULL,
        position      INTEGER NOT NULL,
        name          TEXT NOT NULL,
        budget        REAL,
        PRIMARY KEY (workspace_key, id)
      ) WITHOUT ROWID;

      CREATE TABLE thresholds (
        workspace_key INTEGER NOT NULL REFERENCES workspaces(key) ON DELETE CASCADE,
        percent       REAL NOT NULL,
        PRIMARY KEY (workspace_key, percent)
      ) WITHOUT ROWID;

      CREATE TABLE grants (
        workspace_key INTEGER NOT NULL REFERENCES workspaces(key) ON DELETE CASCADE,
        id            TEXT NOT NULL,
        pool          TEXT NOT NULL,
        kind          TEXT NOT NULL,
        credits       REAL NOT NULL,
        granted_at    INTEGER NOT NULL,
        expires_at    INTEGER,
        PRIMARY KEY (workspace_key, id)
      ) WITHOUT ROWID;

      -- Dated rate cards per account: each server prices its own workspaces' events.
      CREATE TABLE rate_cards (
        account_id     TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        provider       TEXT NOT NULL,
        effective_from INTEGER NOT NULL,
        rates          TEXT NOT NULL,
        PRIMARY KEY (account_id, provider, effective_from)
      ) WITHOUT ROWID;

      CREATE TABLE events (
        workspace_key INTEGER NOT NULL REFERENCES workspaces(key) ON DELETE CASCADE,
        id            TEXT NOT NULL,
        pool          TEXT NOT NULL,
        occurred_at   INTEGER NOT NULL,
        member_id     TEXT NOT NULL,
        app           TEXT,
        action        TEXT NOT NULL,
        units         REAL,
        credits       REAL,
        input_hash    TEXT,
        UNIQUE (workspace_key, id)
      );
      CREATE INDEX events_by_time ON events (workspace_key, pool, occurred_at);

      -- Per workspace: where the usage pages resume, and how the last pull went.
      CREATE TABLE sync_state (
        workspace_key   INTEGER PRIMARY KEY REFERENCES workspaces(key) ON DELETE CASCADE,
        cursor          TEXT,
        events_received INTEGER NOT NULL DEFAULT 0,
        last_success_at INTEGER,
        last_error      TEXT,
        last_error_at   INTEGER
      );

      -- Per account: the last attempt as a whole (offline, refused token ...) and the server's clock.
      CREATE TABLE account_sync (
        account_id      TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        last_attempt_at INTEGER,
        last_success_at INTEGER,
        last_error      TEXT,
        last_error_kind TEXT,
        last_error_at   INTEGER,
        server_offset_ms INTEGER
      );

      -- Per pool: what raw history is kept and what needs summarising again.
      CREATE TABLE pool_state (
        workspace_key INTEGER NOT NULL REFERENCES workspaces(key) ON DELETE CASCADE,
        pool          TEXT NOT NULL,
        -- Raw events before this instant were dropped; their periods live on as summaries and rollups.
        raw_from      INTEGER,
        -- New data landed at or after this instant since the last compaction: later summaries are stale.
        dirty_from    INTEGER,
        -- Events received for periods whose raw events were dropped (late or re-sent): not stored.
        skipped_events INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (workspace_key, pool)
      ) WITHOUT ROWID;

      CREATE TABLE period_summaries (
        workspace_key   INTEGER NOT NULL REFERENCES workspaces(key) ON DELETE CASCADE,
        pool            TEXT NOT NULL,
        period_start    INTEGER NOT NULL,
        period_end      INTEGER NOT NULL,
        allowance       REAL NOT NULL,
        bonus           REAL NOT NULL,
        used            REAL NOT NULL,
        calls           INTEGER NOT NULL,
        blocked_calls   INTEGER NOT NULL,
        blocked_credits REAL NOT NULL,
        exhausted_at    INTEGER,
        halfway_at      INTEGER,
        detail          TEXT NOT NULL,
        computed_at     INTEGER NOT NULL,
        PRIMARY KEY (workspace_key, pool, period_start)
      ) WITHOUT ROWID;

      -- Member, action and app names of rollups, stored once.
      CREATE TABLE labels (
        id   INTEGER PRIMARY KEY,
        text TEXT NOT NULL UNIQUE
      );

      CREATE TABLE rollups (
        workspace_key INTEGER NOT NULL REFERENCES workspaces(key) ON DELETE CASCADE,
        pool          TEXT NOT NULL,
        day           INTEGER NOT NULL,
        member        INTEGER NOT NULL REFERENCES labels(id),
        action        INTEGER NOT NULL REFERENCES labels(id),
        app           INTEGER NOT NULL REFERENCES labels(id),
        credits       REAL NOT NULL,
        calls         INTEGER NOT NULL,
        PRIMARY KEY (workspace_key, pool, day, member, action, app)
      ) WITHOUT ROWID;

      CREATE TABLE raised_alerts (
        key          TEXT PRIMARY KEY,
        kind         TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        pool         TEXT,
        percent      REAL,
        at           INTEGER NOT NULL,
        raised_at    INTEGER NOT NULL,
        message      TEXT NOT NULL,
        delivery     TEXT NOT NULL CHECK (delivery IN ('shown', 'queued', 'silent')),
        delivered_at INTEGER
      );
      CREATE INDEX raised_alerts_by_time ON raised_alerts (raised_at);
      CREATE INDEX raised_alerts_queued ON raised_alerts (delivery) WHERE delivery = 'queued';

      -- The last reconciliation of each pool: the local engine against the server's /balance.
      CREATE TABLE drift (
        workspace_key    INTEGER NOT NULL REFERENCES workspaces(key) ON DELETE CASCADE,
        pool             TEXT NOT NULL,
        checked_at       INTEGER NOT NULL,
        as_of            INTEGER NOT NULL,
        local_used       REAL NOT NULL,
        server_used      REAL NOT NULL,
        local_remaining  REAL NOT NULL,
        server_remaining REAL NOT NULL,
        PRIMARY KEY (workspace_key, pool)
      ) WITHOUT ROWID;
    `);
  },
};
