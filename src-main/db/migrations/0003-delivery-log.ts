import type { Migration } from '../migrate';

/**
 * The delivery log of alert channels (webhook, Slack, Teams, shell hook): each (channel, key) an
 * alert or digest was routed to, and the messages that carry them with their attempts. Written
 * before anything is sent, so a restart resends what was not delivered and never what was.
 */
export const deliveryLog: Migration = {
  version: 3,
  name: 'delivery-log',
  up(db) {
    db.exec(`
      CREATE TABLE delivery_messages (
        id               INTEGER PRIMARY KEY,
        channel_id       TEXT NOT NULL,
        idempotency_key  TEXT NOT NULL,
        kind             TEXT NOT NULL CHECK (kind IN ('alerts', 'digest', 'test')),
        body             TEXT NOT NULL,
        created_at       INTEGER NOT NULL,
        attempts         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  INTEGER NOT NULL,
        last_attempt_at  INTEGER,
        last_error       TEXT,
        delivered_at     INTEGER,
        given_up_at      INTEGER,
        UNIQUE (channel_id, idempotency_key)
      );
      CREATE INDEX delivery_messages_open ON delivery_messages (channel_id, id)
        WHERE delivered_at IS NULL AND given_up_at IS NULL;

      CREATE TABLE delivery_items (
        channel_id  TEXT NOT NULL,
        key         TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('alert', 'digest')),
        item        TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        message_id  INTEGER REFERENCES delivery_messages (id) ON DELETE CASCADE,
        PRIMARY KEY (channel_id, key)
      ) WITHOUT ROWID;
      CREATE INDEX delivery_items_waiting ON delivery_items (channel_id, created_at) WHERE message_id IS NULL;
      CREATE INDEX delivery_items_by_message ON delivery_items (message_id);
    `);
  },
};
