import type Database from 'better-sqlite3';
import type { UsageEvent } from '../../src-shared/types/ledger';
import { parseInstant, toIso } from '../../src-shared/time/instant';

/** Column order of every event read: seq first, then the ledger fields. */
const COLUMNS = 'seq, id, pool, member_id, app, action, units, credits, occurred_at, input_hash';

type EventRow = [
  seq: number,
  id: string,
  pool: UsageEvent['pool'],
  memberId: string,
  app: string | null,
  action: string,
  units: number | null,
  credits: number | null,
  occurredAt: string,
  inputHash: string | null,
];

/** A stored row as a ledger event, fields in the ledger's order; optional ones left out, never null. */
function toEvent(r: EventRow, workspaceId: string): UsageEvent {
  const e: UsageEvent = { id: r[1], workspaceId, pool: r[2], memberId: r[3] } as UsageEvent;
  if (r[4] !== null) e.app = r[4];
  e.action = r[5];
  if (r[6] !== null) e.units = r[6];
  if (r[7] !== null) e.credits = r[7];
  e.occurredAt = r[8];
  if (r[9] !== null) e.inputHash = r[9];
  return e;
}

/**
 * The form every instant is stored in (UTC, milliseconds), so that stored instants sort as text.
 * Callers pass validated instants; one already in this form (the common case) is returned as it is.
 */
export function canonicalInstant(iso: string): string {
  if (iso.length === 24 && iso.charCodeAt(23) === 90 /* Z */ && iso.charCodeAt(19) === 46 /* . */) return iso;
  return toIso(parseInstant(iso));
}

export interface EventPage {
  events: UsageEvent[];
  /** seq of the last event returned, or `afterSeq` when there were none. */
  lastSeq: number;
  hasMore: boolean;
}

export interface EventsWriter {
  /** Inserts events of one workspace, skipping ids it already has; returns how many were new. Call inside a transaction. */
  insert(workspacePk: number, events: readonly UsageEvent[]): number;
}

export interface EventsReader {
  /** Up to `limit` events stored after `afterSeq`, in seq order. */
  page(workspacePk: number, workspaceId: string, afterSeq: number, limit: number): EventPage;
  /** Every event that occurred at or before `upTo` (canonical ISO), for the engine. */
  upTo(workspacePk: number, workspaceId: string, upTo: string): UsageEvent[];
  /** The events of one pool that occurred at or after `from` (canonical ISO): a late event's tail. */
  poolFrom(workspacePk: number, workspaceId: string, pool: string, from: string): UsageEvent[];
  count(workspacePk: number): number;
  /** How many events of the workspace name this member. */
  countOfMember(workspacePk: number, memberId: string): number;
  /** When the event stored last happened (by arrival, not by time), or null when there is none. */
  lastArrived(workspacePk: number): string | null;
  /** The pools that have stored events. */
  pools(workspacePk: number): string[];
}

export function createEventsWriter(db: Database.Database): EventsWriter {
  const insertRow = db.prepare(`
    INSERT OR IGNORE INTO events (workspace_pk, id, pool, member_id, app, action, units, credits, occurred_at, input_hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  return {
    insert: (pk, events) => {
      let inserted = 0;
      for (const e of events) {
        inserted += insertRow.run(
          pk,
          e.id,
          e.pool,
          e.memberId,
          e.app ?? null,
          e.action,
          e.units ?? null,
          e.credits ?? null,
          canonicalInstant(e.occurredAt),
          e.inputHash ?? null,
        ).changes;
      }
      return inserted;
    },
  };
}

export function createEventsReader(db: Database.Database): EventsReader {
  const pageRows = db
    .prepare(`SELECT ${COLUMNS} FROM events WHERE workspace_pk = ? AND seq > ? ORDER BY seq LIMIT ?`)
    .raw(true);
  const upToRows = db
    .prepare(`SELECT ${COLUMNS} FROM events WHERE workspace_pk = ? AND occurred_at <= ? ORDER BY seq`)
    .raw(true);
  const poolFromRows = db
    .prepare(`SELECT ${COLUMNS} FROM events WHERE workspace_pk = ? AND pool = ? AND occurred_at >= ?`)
    .raw(true);
  const countRows = db.prepare('SELECT count(*) FROM events WHERE workspace_pk = ?').pluck();
  const poolRows = db.prepare('SELECT DISTINCT pool FROM events WHERE workspace_pk = ?').pluck();
  const memberRows = db
    .prepare('SELECT count(*) FROM events WHERE workspace_pk = ? AND member_id = ?')
    .pluck();
  const lastRow = db
    .prepare('SELECT occurred_at FROM events WHERE workspace_pk = ? ORDER BY seq DESC LIMIT 1')
    .pluck();
  return {
    page: (pk, workspaceId, afterSeq, limit) => {
      // One row more than asked says whether another page is already waiting.
      const rows = pageRows.all(pk, afterSeq, limit + 1) as EventRow[];
      const hasMore = rows.length > limit;
      if (hasMore) rows.pop();
      const events = rows.map((r) => toEvent(r, workspaceId));
      return { events, lastSeq: rows.length > 0 ? rows[rows.length - 1]![0] : afterSeq, hasMore };
    },
    upTo: (pk, workspaceId, upTo) =>
      (upToRows.all(pk, upTo) as EventRow[]).map((r) => toEvent(r, workspaceId)),
    poolFrom: (pk, workspaceId, pool, from) =>
      (poolFromRows.all(pk, pool, from) as EventRow[]).map((r) => toEvent(r, workspaceId)),
    count: (pk) => countRows.get(pk) as number,
    countOfMember: (pk, memberId) => memberRows.get(pk, memberId) as number,
    lastArrived: (pk) => (lastRow.get(pk) as string | undefined) ?? null,
    pools: (pk) => poolRows.all(pk) as string[],
  };
}
