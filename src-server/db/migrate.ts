import type Database from 'better-sqlite3';
import { initial } from './migrations/0001-initial';
import { tokenScopes } from './migrations/0002-token-scopes';
import { unnamedMembers } from './migrations/0003-unnamed-members';
import { workspaceRevision } from './migrations/0004-workspace-revision';
import { tokenLastUsed } from './migrations/0005-token-last-used';
import { workspaceRules } from './migrations/0006-workspace-rules';

/** One schema step; `version` is what user_version reads once it has run. */
export interface Migration {
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}

/** Every migration, oldest first; append, never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  tokenScopes,
  unnamedMembers,
  workspaceRevision,
  tokenLastUsed,
  workspaceRules,
];

/** The schema version this server writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** The database was written by a newer server: it is refused and left exactly as it was. */
export class DatabaseTooNewError extends Error {
  constructor(path: string, found: number) {
    super(
      `The database ${path} has schema version ${found}, newer than this server's ${SCHEMA_VERSION}: upgrade Creditbar or point --db at another file (the database was left untouched).`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

/** The file is not this server's database (the app's cache, another program's, a folder): refused, never written to. */
export class NotAServerDatabaseError extends Error {
  constructor(path: string, what: string) {
    super(
      `${path} is not a collector database (${what}): point --db at another file (this one was left untouched).`,
    );
    this.name = 'NotAServerDatabaseError';
  }
}

/** Tables every server database has held since migration 1; the app's cache has neither. */
const SERVER_TABLES = ['meta', 'tokens'];
/** Tables of the desktop app's cache, named when one is given as a server database. */
const CACHE_TABLES = ['pool_state', 'sync_state'];

/**
 * Throws NotAServerDatabaseError for a file holding another program's tables (migrating it would
 * write ours into it: an empty file is fine), and DatabaseTooNewError for a newer server's schema.
 */
export function assertServerSchema(db: Database.Database, path: string): number {
  const found = db.pragma('user_version', { simple: true }) as number;
  const tables = new Set(
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
  );
  if (CACHE_TABLES.every((t) => tables.has(t)))
    throw new NotAServerDatabaseError(
      path,
      "it is the desktop app's cache, which the creditbar command opens with --db",
    );
  const ours = found > 0 && SERVER_TABLES.every((t) => tables.has(t));
  if (!ours && found <= SCHEMA_VERSION && [...tables].some((t) => !t.startsWith('sqlite_')))
    throw new NotAServerDatabaseError(path, 'an SQLite database of another program');
  if (found > SCHEMA_VERSION) throw new DatabaseTooNewError(path, found);
  return found;
}

/** Applies the pending migrations in one transaction: all of them or none. */
export function migrate(db: Database.Database, path: string): { from: number; to: number } {
  const from = assertServerSchema(db, path);
  const pending = MIGRATIONS.filter((m) => m.version > from);
  if (pending.length > 0) {
    db.transaction(() => {
      for (const m of pending) m.up(db);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
  }
  return { from, to: SCHEMA_VERSION };
}
