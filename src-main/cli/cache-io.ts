import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs';
import { openCache, type Cache } from '../cache/cache';
import { openCacheToRead, TempCopyError } from '../cache/open-cache-to-read';
import { CacheHistoryError } from '../cache/walk-cached-pool';
import { cacheFailureOf } from '../db/cache-failure';
import { DatabaseTooNewError, NotADatabaseError } from '../db/connection';
import { WorkspaceOwnerError } from '../db/repositories/workspaces-repository';
import { CliError, EXIT_USAGE } from './cli-error';
import type { CliIo } from './io';

/** Reads the required --db flag. */
export function dbFlag(command: string, value: string | undefined, usage: string): string {
  if (!value)
    throw new CliError(`${command}: missing --db FILE (the cache file)\nusage: ${usage}`, EXIT_USAGE);
  return value;
}

/**
 * Opens the cache file for a command. Reading commands need an existing cache (a typo must not
 * create an empty one); a newer or foreign file is refused with one line and left untouched.
 * `read-only` (status) leaves the file as it was: no side files, no migration (openCacheToRead).
 */
export function openCacheFile(file: string, io: CliIo, mode: 'read' | 'read-only' | 'create'): Cache {
  if (mode !== 'create' && !existsSync(file)) {
    throw new CliError(`no cache at ${file}: create it with "creditbar sync" or "creditbar import" first`);
  }
  try {
    if (mode === 'read-only') {
      if (statSync(file).isDirectory()) throw new NotADatabaseError(file, 'it is a folder');
      return openCacheToRead(file, { now: io.now });
    }
    return openCache(file, { now: io.now });
  } catch (err) {
    throw cacheOpenError(err, file);
  }
}

/** What a command says when the cache cannot be opened: one line for what a user can fix, else the error. */
export function cacheOpenError(err: unknown, file: string): unknown {
  if (err instanceof DatabaseTooNewError || err instanceof NotADatabaseError || err instanceof TempCopyError)
    return new CliError(err.message);
  const code = (err as { code?: string }).code;
  // better-sqlite3 checks the folder itself: one it cannot see is a TypeError with no code.
  const noFolder = err instanceof TypeError && /directory does not exist/.test(err.message);
  if (code === 'SQLITE_CANTOPEN' || noFolder)
    return new CliError(`cannot open the cache ${file}: check that its folder exists and is writable`);
  // Reading a cache to copy it (openCacheToRead) meets the file's own permissions.
  if (code === 'EACCES' || code === 'EPERM')
    return new CliError(`cannot read the cache ${file}: check that you may read it`);
  const failure = cacheFailureOf(err, file);
  return failure ? new CliError(failure.message) : err;
}

/**
 * Creates an empty cache file if none is there, exclusively (`wx`), and says whether this call
 * created it: only a file this process created may be removed again by `removeCreatedCache`.
 * Any other failure (missing folder, no permission) is left for `openCacheFile` to report.
 */
export function createCacheIfAbsent(file: string): boolean {
  try {
    closeSync(openSync(file, 'wx'));
    return true;
  } catch {
    return false;
  }
}

/** Removes a cache file this process created, with SQLite's side files; call it once the cache is closed. */
export function removeCreatedCache(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/**
 * Runs `fn` over an open cache, closing it after and turning cache errors a user can meet into one
 * line: what is wrong with the contents, or with the file itself (read-only, full, damaged).
 */
export async function withCache<T>(cache: Cache, fn: (cache: Cache) => Promise<T> | T): Promise<T> {
  try {
    return await fn(cache);
  } catch (err) {
    if (err instanceof WorkspaceOwnerError || err instanceof CacheHistoryError)
      throw new CliError(err.message);
    const failure = cacheFailureOf(err, cache.file);
    if (failure) throw new CliError(failure.message);
    throw err;
  } finally {
    try {
      cache.close();
    } catch {
      // A connection over a full or read-only file may fail its final checkpoint: the data is in the WAL.
    }
  }
}
