import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { assertServerSchema, migrate, NotAServerDatabaseError } from './migrate';

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
  // SQLite reports a folder as "unable to open" with a stack; the lead gave a folder for a file.
  if (path !== ':memory:' && existsSync(path) && statSync(path).isDirectory())
    throw new NotAServerDatabaseError(path, 'it is a folder');
  const db = new Database(path, options);
  try {
    assertServerSchema(db, path); // before any pragma writes to the file
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
    if ((err as { code?: string }).code === 'SQLITE_NOTADB')
      throw new NotAServerDatabaseError(path, 'not an SQLite database');
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
