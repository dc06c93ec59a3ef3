import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
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

/** The file exists but is not a Creditbar cache (not SQLite, or another program's database); it is never written to. */
export class NotADatabaseError extends Error {
  constructor(
    readonly file: string,
    what = 'not an SQLite database',
  ) {
    super(`${file} is not a Creditbar cache (${what}): choose another file; this one was left untouched`);
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

/** Tables every cache has held since migration 1; the collector's database has none of them. */
const CACHE_TABLES = ['pool_state', 'sync_state', 'period_summaries'];
/** Tables of the collector's (creditbar-server's) database, named when one is given as a cache. */
const SERVER_TABLES = ['tokens', 'meta', 'events'];

/**
 * Why an SQLite file holding tables is not a cache, or null when it is one (or is empty): an empty
 * file becomes a cache, but migrating another program's database would write our tables into it.
 * A version above `known` with tables we do not know is a newer cache (its schema is not ours to
 * judge), unless it is the collector's.
 */
export function foreignDatabase(version: number, known: number, tables: ReadonlySet<string>): string | null {
  if (SERVER_TABLES.every((t) => tables.has(t)) && !CACHE_TABLES.some((t) => tables.has(t)))
    return "it is a collector's database, which creditbar-server opens; the app's cache is cache.sqlite in its data folder";
  if (![...tables].some((t) => !t.startsWith('sqlite_'))) return null;
  if (version > known || (version > 0 && CACHE_TABLES.every((t) => tables.has(t)))) return null;
  return 'an SQLite database of another program';
}

/** Reads user_version without writing anything, so a newer or foreign file is refused before it is touched. */
function existingVersion(file: string, known: number, options: Database.Options): number {
  let probe: Database.Database | undefined;
  let version: number;
  let tables: Set<string>;
  // A read-only connection to a WAL file makes its -wal and -shm and cannot remove them at close.
  // Only a refused file gets them removed: a cache about to be opened keeps them for its connection,
  // and removing them under another process opening it at the same moment could lose its writes.
  const hadWal = existsSync(`${file}-wal`) || existsSync(`${file}-shm`);
  const refuse = (err: unknown): never => {
    probe?.close();
    probe = undefined;
    if (!hadWal) removeEmptyWal(file);
    throw err;
  };
  try {
    probe = new Database(file, { ...options, readonly: true, fileMustExist: true });
    version = probe.pragma('user_version', { simple: true }) as number;
    tables = new Set(
      probe.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
    );
  } catch (err) {
    return refuse(openFailure(err, file));
  } finally {
    probe?.close();
    probe = undefined;
  }
  const foreign = foreignDatabase(version, known, tables);
  if (foreign !== null) refuse(new NotADatabaseError(file, foreign));
  return version;
}

/** Removes the -wal and -shm a read-only probe made (the WAL empty: no writer came meanwhile), so a refused file is left as found. */
function removeEmptyWal(file: string): void {
  try {
    if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) return;
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
  } catch {
    // Left in place: SQLite reads an empty WAL as no WAL.
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
    // SQLite reports a folder as a disk I/O error, which sends the lead to check the disk.
    if (statSync(file).isDirectory()) throw new NotADatabaseError(file, 'it is a folder');
    const found = existingVersion(file, known, sqliteOptions);
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
