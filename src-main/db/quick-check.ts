import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from './connection';

/**
 * `PRAGMA quick_check` over a connection: null when the file is sound, else its first finding (the
 * sentence the lead reads names it; the rest, often dozens of pages, says nothing more to them).
 */
export function quickCheck(db: Database.Database): string | null {
  try {
    const rows = db.pragma('quick_check(5)') as { quick_check: string }[];
    const found = rows.map((r) => r.quick_check);
    if (found.length === 1 && found[0] === 'ok') return null;
    const lines = found
      .join('\n')
      .replace(/\*\*\* in database \w+ \*\*\*/g, '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    return lines[0] ?? 'quick_check failed';
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * quick_check of a cache file over a read-only connection of its own, closed after (the evaluator
 * thread runs it beside its reader, so the reader's page cache and open statements are untouched).
 * A file SQLite cannot even open is damage too; a missing file is not.
 */
export function quickCheckFile(file: string, options: { nativeBinding?: string } = {}): string | null {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS, ...options });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'SQLITE_CANTOPEN') throw err;
    return (err as Error).message;
  }
  try {
    return quickCheck(db);
  } finally {
    db.close();
  }
}
