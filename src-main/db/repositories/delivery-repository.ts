import type { Millis } from '../../../src-shared/time/instant';
import type { Db } from '../connection';

/** What a (channel, key) carries: an alert, or a digest. */
export type DeliveryItemKind = 'alert' | 'digest';
export type DeliveryMessageKind = 'alerts' | 'digest' | 'test';

/** An alert or digest routed to a channel and not yet put in a message. */
export interface WaitingItem {
  channelId: string;
  key: string;
  kind: DeliveryItemKind;
  /** The item as the message body carries it (JSON text). */
  item: string;
  createdAt: Millis;
}

/** A message to a channel: its body is fixed when formed, so every retry sends the same bytes. */
export interface DeliveryMessage {
  id: number;
  channelId: string;
  idempotencyKey: string;
  kind: DeliveryMessageKind;
  body: string;
  createdAt: Millis;
  attempts: number;
  nextAttemptAt: Millis;
  lastAttemptAt: Millis | null;
  lastError: string | null;
  deliveredAt: Millis | null;
  givenUpAt: Millis | null;
}

/** What Settings shows of a channel's log. */
export interface ChannelLogSummary {
  lastDeliveredAt: Millis | null;
  /** The latest attempt, if it failed: its error and when. */
  lastFailure: { error: string; at: Millis } | null;
  /** Messages not yet delivered (retrying) plus items waiting for the rate limit. */
  pending: number;
  /** Messages given up on (a day of failures) in the last 7 days. */
  givenUp: number;
}

interface MessageRow {
  id: number;
  channel_id: string;
  idempotency_key: string;
  kind: DeliveryMessageKind;
  body: string;
  created_at: number;
  attempts: number;
  next_attempt_at: number;
  last_attempt_at: number | null;
  last_error: string | null;
  delivered_at: number | null;
  given_up_at: number | null;
}

const toMessage = (r: MessageRow): DeliveryMessage => ({
  id: r.id,
  channelId: r.channel_id,
  idempotencyKey: r.idempotency_key,
  kind: r.kind,
  body: r.body,
  createdAt: r.created_at,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastAttemptAt: r.last_attempt_at,
  lastError: r.last_error,
  deliveredAt: r.delivered_at,
  givenUpAt: r.given_up_at,
});

/** Messages still to (re)send; a test is tried once and never queued. */
const OPEN = "delivered_at IS NULL AND given_up_at IS NULL AND kind <> 'test'";
const WEEK = 7 * 86_400_000;

export function createDeliveryReader(db: Db) {
  const open = db.prepare<[string], MessageRow>(
    `SELECT * FROM delivery_messages WHERE channel_id = ? AND ${OPEN} ORDER BY id LIMIT 1`,
  );
  const waiting = db.prepare<
    [string],
    { key: string; kind: DeliveryItemKind; item: string; created_at: number }
  >(
    'SELECT key, kind, item, created_at FROM delivery_items WHERE channel_id = ? AND message_id IS NULL ORDER BY created_at, key',
  );
  const lastFormed = db.prepare<[string], { at: number | null }>(
    "SELECT max(created_at) AS at FROM delivery_messages WHERE channel_id = ? AND kind <> 'test'",
  );
  const channelsWithWork = db.prepare<[], { channel_id: string }>(
    `SELECT channel_id FROM delivery_messages WHERE ${OPEN}
     UNION SELECT channel_id FROM delivery_items WHERE message_id IS NULL`,
  );
  const has = db.prepare<[string, string], { one: number }>(
    'SELECT 1 AS one FROM delivery_items WHERE channel_id = ? AND key = ?',
  );
  const itemsOf = db.prepare<[number], { key: string }>(
    'SELECT key FROM delivery_items WHERE message_id = ? ORDER BY key',
  );
  const lastDelivered = db.prepare<[string], { at: number | null }>(
    'SELECT max(delivered_at) AS at FROM delivery_messages WHERE channel_id = ?',
  );
  const lastAttempt = db.prepare<[string], MessageRow>(
    'SELECT * FROM delivery_messages WHERE channel_id = ? AND last_attempt_at IS NOT NULL ORDER BY last_attempt_at DESC, id DESC LIMIT 1',
  );
  const pending = db.prepare<[string, string], { n: number }>(
    `SELECT (SELECT count(*) FROM delivery_messages WHERE channel_id = ? AND ${OPEN})
          + (SELECT count(*) FROM delivery_items WHERE channel_id = ? AND message_id IS NULL) AS n`,
  );
  const givenUp = db.prepare<[string, number], { n: number }>(
    "SELECT count(*) AS n FROM delivery_messages WHERE channel_id = ? AND given_up_at >= ? AND kind <> 'test'",
  );
  const messages = db.prepare<[string, number], MessageRow>(
    'SELECT * FROM delivery_messages WHERE channel_id = ? ORDER BY id DESC LIMIT ?',
  );
  return {
    /** The oldest message of a channel not yet delivered or given up: the one to (re)send next. */
    openMessage: (channelId: string): DeliveryMessage | null => {
      const r = open.get(channelId);
      return r ? toMessage(r) : null;
    },
    /** Items routed to a channel that no message carries yet, oldest first. */
    waiting: (channelId: string): WaitingItem[] =>
      waiting.all(channelId).map((r) => ({
        channelId,
        key: r.key,
        kind: r.kind,
        item: r.item,
        createdAt: r.created_at,
      })),
    /** When the last alert or digest message to a channel was formed (the rate limit counts from it). */
    lastFormedAt: (channelId: string): Millis | null => lastFormed.get(channelId)?.at ?? null,
    /** Channels with a message to (re)send or items waiting. */
    channelsWithWork: (): string[] => channelsWithWork.all().map((r) => r.channel_id),
    /** Whether this key was ever routed to this channel. */
    has: (channelId: string, key: string): boolean => has.get(channelId, key) !== undefined,
    /** The keys a message carries. */
    keysOf: (messageId: number): string[] => itemsOf.all(messageId).map((r) => r.key),
    /** Newest first: what `creditbar channel list --json` and tests inspect. */
    messages: (channelId: string, limit = 50): DeliveryMessage[] =>
      messages.all(channelId, limit).map(toMessage),
    summary(channelId: string, now: Millis): ChannelLogSummary {
      const last = lastAttempt.get(channelId);
      return {
        lastDeliveredAt: lastDelivered.get(channelId)?.at ?? null,
        lastFailure:
          last && last.delivered_at === null && last.last_error !== null
            ? { error: last.last_error, at: last.last_attempt_at! }
            : null,
        pending: pending.get(channelId, channelId)?.n ?? 0,
        givenUp: givenUp.get(channelId, now - WEEK)?.n ?? 0,
      };
    },
  };
}

export function createDeliveryWriter(db: Db) {
  const route = db.prepare<[string, string, string, string, number]>(
    'INSERT OR IGNORE INTO delivery_items (channel_id, key, kind, item, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertMessage = db.prepare<[string, string, string, string, number, number]>(
    `INSERT INTO delivery_messages (channel_id, idempotency_key, kind, body, created_at, next_attempt_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const attach = db.prepare<[number, string, string]>(
    'UPDATE delivery_items SET message_id = ? WHERE channel_id = ? AND key = ? AND message_id IS NULL',
  );
  const attempt = db.prepare<[number, number]>(
    'UPDATE delivery_messages SET attempts = attempts + 1, last_attempt_at = ? WHERE id = ?',
  );
  const delivered = db.prepare<[number, number]>(
    'UPDATE delivery_messages SET delivered_at = ?, last_error = NULL WHERE id = ?',
  );
  const failed = db.prepare<[string, number, number]>(
    'UPDATE delivery_messages SET last_error = ?, next_attempt_at = ? WHERE id = ?',
  );
  const giveUp = db.prepare<[string, number, number]>(
    'UPDATE delivery_messages SET last_error = ?, given_up_at = ? WHERE id = ?',
  );
  const removeChannel = [
    db.prepare<[string]>('DELETE FROM delivery_items WHERE channel_id = ?'),
    db.prepare<[string]>('DELETE FROM delivery_messages WHERE channel_id = ?'),
  ];
  return {
    /** Routes an alert or digest to a channel; false when that key was routed there before (once per key). */
    route: (item: WaitingItem): boolean =>
      route.run(item.channelId, item.key, item.kind, item.item, item.createdAt).changes === 1,
    /** Forms a message from waiting items (none for a test) and returns its id; call inside a transaction. */
    form(
      message: Pick<DeliveryMessage, 'channelId' | 'idempotencyKey' | 'kind' | 'body' | 'createdAt'>,
      keys: readonly string[],
    ): number {
      const id = Number(
        insertMessage.run(
          message.channelId,
          message.idempotencyKey,
          message.kind,
          message.body,
          message.createdAt,
          message.createdAt,
        ).lastInsertRowid,
      );
      for (const key of keys) attach.run(id, message.channelId, key);
      return id;
    },
    /** Counts an attempt before it is made: a crash mid-send leaves it due, and it is sent again. */
    attempt: (id: number, at: Millis): void => void attempt.run(at, id),
    delivered: (id: number, at: Millis): void => void delivered.run(at, id),
    failed: (id: number, error: string, nextAttemptAt: Millis): void =>
      void failed.run(error, nextAttemptAt, id),
    giveUp: (id: number, error: string, at: Millis): void => void giveUp.run(error, at, id),
    /** Forgets a removed channel's log. */
    removeChannel: (channelId: string): void => {
      for (const statement of removeChannel) statement.run(channelId);
    },
  };
}
