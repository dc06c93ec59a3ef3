import Database from 'better-sqlite3';
import { constants, copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadOnlySchemaError } from '../db/migrate';
import { openCache, type Cache, type OpenCacheOptions } from './cache';

/**
 * Opens a cache for a command that only reads it (`creditbar status`), leaving the file and its
 * folder exactly as they were: nothing created beside it, nothing migrated, its journal mode kept.
 *
 * - The app's -wal and -shm beside it (the app has it open, or stopped without a checkpoint): a
 *   read-only connection over the file itself, which creates nothing there, when its schema is
 *   current.
 * - Otherwise a private copy in a temporary folder, migrated there as the app would migrate it and
 *   removed at close: a read-only connection to a WAL file alone leaves a -wal and -shm beside it
 *   that it cannot remove (and removing them could lose the writes of an app opening it meanwhile),
 *   and an older schema cannot be read without migrating it. The copy of a file with the app's WAL
 *   beside it is taken through a read-only connection, so it holds what that WAL commits.
 *
 * The Cache it returns names the original `file` (errors and damage markers name it); its writers
 * would write to the copy or fail on the read-only connection: callers only read.
 */
export function openCacheToRead(file: string, options: OpenCacheOptions = {}): Cache {
  const withWal = existsSync(`${file}-wal`) && existsSync(`${file}-shm`);
  if (withWal) {
    try {
      return openCache(file, { ...options, readonly: true, fileMustExist: true });
    } catch (err) {
      if (!(err instanceof ReadOnlySchemaError)) throw err;
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'creditbar-read-'));
  const copy = join(dir, 'cache.sqlite');
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    if (withWal) {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        writeFileSync(copy, db.serialize());
      } finally {
        db.close();
      }
    } else {
      copyFileSync(file, copy, constants.COPYFILE_FICLONE);
    }
    const cache = openCache(copy, options);
    return {
      ...cache,
      file,
      close: () => {
        try {
          cache.close();
        } finally {
          remove();
        }
      },
    };
  } catch (err) {
    remove();
    throw namingOriginal(err, copy, file);
  }
}

/** An error met on the copy, saying the user's file where it said the copy's path. */
function namingOriginal(err: unknown, copy: string, file: string): unknown {
  if (!(err instanceof Error) || !err.message.includes(copy)) return err;
  err.message = err.message.split(copy).join(file);
  if ('file' in err) (err as { file: string }).file = file;
  return err;
}
