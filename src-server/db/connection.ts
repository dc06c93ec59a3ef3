import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { assertNotTooNew, migrate } from './migrate';

/** How long a write waits for another connection's lock before failing. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) the server's database: WAL so that pages are read while the simulator
 * writes, foreign keys on, a busy timeout, and the schema migrated. A database from a newer server
 * is refused (DatabaseTooNewError) and closed untouched. `nativeBinding` is for the desktop app's
 * embedded demo, which runs under Electron's build of better-sqlite3.
 */
export function openServerDatabase(
  path: string,
  options: Pick<Database.Options, 'nativeBinding'> = {},
): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, options);
  try {
    assertNotTooNew(db, path); // before any pragma writes to the file
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Safe with WAL: a crash may lose the last transactions, never corrupt the file.
    db.pragma('synchronous = NORMAL');
    migrate(db, path);
    db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('database_id', ?)").run(
      randomBytes(6).toString('hex'),
    );
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** A random id given to each database at creation: cursors carry it, so one from another file is recognised. */
export function databaseId(db: Database.Database): string {
  return (
    (db.prepare("SELECT value FROM meta WHERE key = 'database_id'").pluck().get() as string | undefined) ?? ''
  );
}
