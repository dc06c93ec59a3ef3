import type Database from 'better-sqlite3';

/** One schema step; `version` numbers run 1, 2, 3 ... and are recorded in PRAGMA user_version. */
export interface Migration {
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}

/** A read-only connection met a schema it would have to migrate (`found`, older than this Creditbar's). */
export class ReadOnlySchemaError extends Error {
  constructor(
    readonly file: string,
    readonly found: number,
  ) {
    super(
      `the cache ${file} is at schema ${found} and opened read-only: open it once read-write to upgrade it`,
    );
    this.name = 'ReadOnlySchemaError';
  }
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/**
 * Applies every migration above the database's user_version in one transaction, so a failure
 * leaves the file at its old version. A newer version than we know is refused by the caller
 * before this runs; this checks again inside the lock in case another process upgraded meanwhile.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], file: string): void {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(
        `migrations must be numbered 1, 2, 3 ...: found ${m.version} (${m.name}) at position ${i + 1}`,
      );
  });
  const known = latestVersion(sorted);
  const run = db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > known) {
      throw new Error(
        `the cache ${file} has schema ${current}, newer than this Creditbar knows (${known}): update Creditbar to open it`,
      );
    }
    for (const m of sorted) if (m.version > current) m.up(db);
    if (known > current) db.pragma(`user_version = ${known}`);
  });
  if (db.readonly) {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current !== known) throw new ReadOnlySchemaError(file, current);
    return;
  }
  run.immediate();
}
