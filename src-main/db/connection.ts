import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { CacheFailure, cacheFailureMessage, cacheFailureOf } from './cache-failure';
import { MIGRATIONS } from './migrations';
import { latestVersion, migrate, type Migration } from './migrate';

export type Db = Database.Database;

/** better-sqlite3's own options (e.g. `nativeBinding` for Electron's build), plus the migrations to apply. */
export interface OpenDatabaseOptions extends Database.Options {
  /** Defaults to the cache's migrations; tests pass their own. */
  migrations?: readonly Migration[];
}

/** How long a writer waits for another connection's lock before failing (ms). */
export const BUSY_TIMEOUT_MS = 5_000;

/** The file was written by a newer Creditbar: refused, and left exactly as it was. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly file: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `the cache ${file} was written by a newer Creditbar (schema ${found}, this version knows up to ${known}): update Creditbar to open it; the file was left untouched`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

/** The file exists but is not an SQLite database (or is damaged); it is never overwritten. */
export class NotADatabaseError extends Error {
  constructor(readonly file: string) {
    super(
      `${file} is not a Creditbar cache (not an SQLite database): choose another file; this one was left untouched`,
    );
    this.name = 'NotADatabaseError';
  }
}

function isNotADatabase(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'SQLITE_NOTADB' || code?.startsWith('SQLITE_CORRUPT') === true;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** True when the file starts like an SQLite database: a failure to read it then means damage, not a foreign file. */
export function hasSqliteHeader(file: string): boolean {
  try {
    const fd = openSync(file, 'r');
    try {
      const head = Buffer.alloc(SQLITE_HEADER.length);
      return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/**
 * What to throw for an error met while opening `file`: a foreign file is NotADatabaseError, an
 * SQLite file that cannot be read is a damaged cache, and read-only, full or I/O failures say so.
 */
function openFailure(err: unknown, file: string): unknown {
  if (isNotADatabase(err)) {
    if (!hasSqliteHeader(file)) return new NotADatabaseError(file);
    return new CacheFailure(
      'damaged',
      file,
      cacheFailureMessage('damaged', file, (err as Error).message),
      'SQLITE_CORRUPT',
    );
  }
  return cacheFailureOf(err, file) ?? err;
}

/** Reads user_version without writing anything, so a newer file is refused before it is touched. */
function existingVersion(file: string, options: Database.Options): number {
  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, { ...options, readonly: true, fileMustExist: true });
    return probe.pragma('user_version', { simple: true }) as number;
  } catch (err) {
    throw openFailure(err, file);
  } finally {
    probe?.close();
  }
}

/**
 * Opens (or creates) the cache: WAL, foreign keys, a busy timeout, then every pending migration in
 * one transaction. A database from a newer schema is refused with DatabaseTooNewError and never
 * changed; `:memory:` works for throwaway caches.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const { migrations = MIGRATIONS, ...sqliteOptions } = options;
  const known = latestVersion(migrations);
  if (file !== ':memory:' && existsSync(file)) {
    const found = existingVersion(file, sqliteOptions);
    if (found > known) throw new DatabaseTooNewError(file, found, known);
  }
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS, ...sqliteOptions });
  try {
    if (!sqliteOptions.readonly) {
      db.pragma('journal_mode = WAL');
      // NORMAL is durable across application crashes in WAL mode; only a power cut may lose the last commit.
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, file);
    return db;
  } catch (err) {
    db.close();
    throw openFailure(err, file);
  }
}
