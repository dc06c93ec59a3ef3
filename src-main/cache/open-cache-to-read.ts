import Database from 'better-sqlite3';
import {
  accessSync,
  constants,
  copyFileSync,
  existsSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
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
  const temp = tmpdir();
  let dir: string;
  try {
    dir = mkdtempSync(join(temp, 'creditbar-read-'));
  } catch (err) {
    throw tempCopyError(err, file, temp);
  }
  const copy = join(dir, 'cache.sqlite');
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    if (withWal) {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        const bytes = db.serialize();
        writeOrSay(() => writeFileSync(copy, bytes), file, temp);
      } finally {
        db.close();
      }
    } else {
      writeOrSay(() => copyFileSync(file, copy, constants.COPYFILE_FICLONE), file, temp);
    }
    // Migrating the copy writes there too: a full temporary folder is not a full cache.
    let cache: Cache;
    try {
      cache = openCache(copy, options);
    } catch (err) {
      throw isNoSpace(err) ? tempCopyError(err, file, temp) : err;
    }
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

/**
 * The temporary copy could not be made: a full or missing temporary folder, said as what it is, not
 * as a cache error (the cache itself is untouched). `creditbar status` prints it as one line.
 */
export class TempCopyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TempCopyError';
  }
}

const isNoSpace = (err: unknown) =>
  ['ENOSPC', 'EDQUOT', 'SQLITE_FULL', 'SQLITE_IOERR_WRITE_FULL'].includes(
    (err as { code?: string }).code ?? '',
  );

function tempCopyError(err: unknown, file: string, temp: string): TempCopyError {
  const reading = `reading ${file} needs a temporary copy of it`;
  if (isNoSpace(err)) {
    const mb = (statSync(file).size / 1_048_576).toFixed(1);
    return new TempCopyError(
      `${reading} (${mb} MB), and there is no space for it in ${temp}: free space there or set TMPDIR to a folder with room; the cache is untouched`,
    );
  }
  const code = (err as { code?: string }).code ?? (err as Error).message;
  return new TempCopyError(
    `${reading}, and it cannot be made in ${temp} (${code}): set TMPDIR to a folder that exists and that you may write in; the cache is untouched`,
  );
}

function readable(file: string): boolean {
  try {
    accessSync(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/** Writes the copy; a write that fails (a full or missing temporary folder) says so. */
function writeOrSay(write: () => void, file: string, temp: string): void {
  try {
    write();
  } catch (err) {
    // An original this user may not read is the file's own problem: left to the caller to say.
    if (!isNoSpace(err) && !readable(file)) throw err;
    throw tempCopyError(err, file, temp);
  }
}

/** An error met on the copy, saying the user's file where it said the copy's path. */
function namingOriginal(err: unknown, copy: string, file: string): unknown {
  if (!(err instanceof Error) || !err.message.includes(copy)) return err;
  err.message = err.message.split(copy).join(file);
  if ('file' in err) (err as { file: string }).file = file;
  return err;
}
