import { existsSync, rmdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { openServerDatabase } from '../db/connection';

/** The folders above `path` that do not exist yet, deepest first (what opening it would create). */
function missingFolders(path: string): string[] {
  const missing: string[] = [];
  for (let dir = dirname(path); !existsSync(dir) && dirname(dir) !== dir; dir = dirname(dir))
    missing.push(dir);
  return missing;
}

/** Removes a database file this command created, its WAL companions and the folders made for it. */
function removeCreated(path: string, folders: string[]): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
  for (const dir of folders) {
    try {
      rmdirSync(dir); // only when empty: never anything someone else put there meanwhile
    } catch {
      return;
    }
  }
}

/**
 * Opens the server database at `path` (created, with its folders, when missing), runs fn and closes
 * it. When this call created the file and fn (or the migration) fails, the file and the folders go
 * again, so a refused first `workspace add --db new.sqlite` leaves nothing that looks like a set-up.
 */
export function withServerDatabase<T>(path: string, fn: (db: Database.Database) => T): T {
  const created = path !== ':memory:' && !existsSync(path);
  const folders = created ? missingFolders(path) : [];
  let db: Database.Database | undefined;
  let ok = false;
  try {
    db = openServerDatabase(path);
    const result = fn(db);
    ok = true;
    return result;
  } finally {
    db?.close();
    if (created && !ok) removeCreated(path, folders);
  }
}
