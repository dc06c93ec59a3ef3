import { existsSync } from 'node:fs';
import { openCache, type Cache } from '../cache/cache';
import { CacheHistoryError } from '../cache/walk-cached-pool';
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
 */
export function openCacheFile(file: string, io: CliIo, mode: 'read' | 'create'): Cache {
  if (mode === 'read' && !existsSync(file)) {
    throw new CliError(`no cache at ${file}: create it with "creditbar sync" or "creditbar import" first`);
  }
  try {
    return openCache(file, { now: io.now });
  } catch (err) {
    if (err instanceof DatabaseTooNewError || err instanceof NotADatabaseError)
      throw new CliError(err.message);
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_CANTOPEN')
      throw new CliError(`cannot open the cache ${file}: check that its folder exists and is writable`);
    throw err;
  }
}

/** Runs `fn` over an open cache, closing it after and turning cache errors a user can meet into one line. */
export async function withCache<T>(cache: Cache, fn: (cache: Cache) => Promise<T> | T): Promise<T> {
  try {
    return await fn(cache);
  } catch (err) {
    if (err instanceof WorkspaceOwnerError || err instanceof CacheHistoryError)
      throw new CliError(err.message);
    throw err;
  } finally {
    cache.close();
  }
}
