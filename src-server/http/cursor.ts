import { ApiError } from './api-error';

/** Where a client is in one workspace's event stream: after `seq`, on the database `databaseId`. */
export interface CursorPosition {
  databaseId: string;
  workspacePk: number;
  seq: number;
}

const VERSION = 'c1';

/** An opaque cursor (base64url); clients store it and send it back, never parse it. */
export function encodeCursor(p: CursorPosition): string {
  return Buffer.from(`${VERSION}.${p.databaseId}.${p.workspacePk}.${p.seq}`).toString('base64url');
}

/**
 * Reads a cursor for one workspace. A garbled one is a bad parameter; a well-formed one from another
 * workspace or another database (the server was reset) is `cursor_expired`: start again from the beginning.
 */
export function decodeCursor(cursor: string, expected: { databaseId: string; workspacePk: number }): number {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('.');
  const [version, databaseId, pk, seq] = parts;
  // Digits only and safe integers: a forged "c1.db.1.99999999999999999999" would round to a float.
  const whole = (text: string | undefined) =>
    /^\d{1,16}$/.test(text ?? '') && Number.isSafeInteger(Number(text));
  if (parts.length !== 4 || version !== VERSION || !whole(pk) || !whole(seq)) {
    throw new ApiError(
      400,
      'invalid_parameter',
      'The query parameter "cursor" is not a cursor this server issued: send a nextCursor exactly as received.',
    );
  }
  if (databaseId !== expected.databaseId || Number(pk) !== expected.workspacePk) {
    throw new ApiError(
      400,
      'cursor_expired',
      'The query parameter "cursor" belongs to another workspace or to a reset server database: page again from the start without a cursor (events are idempotent by id).',
    );
  }
  return Number(seq);
}
