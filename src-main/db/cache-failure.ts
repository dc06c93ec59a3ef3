/** What went wrong with the cache file itself, as opposed to its contents or the server. */
export type CacheFailureKind = 'read-only' | 'full' | 'damaged' | 'io' | 'busy';

/**
 * A failure of the cache file a user can act on (read-only, disk full, damaged, I/O error, held by
 * another process), in one sentence that says what happened and what to do. Nothing stored is lost:
 * SQLite rolls back the transaction that failed.
 */
export class CacheFailure extends Error {
  constructor(
    readonly kind: CacheFailureKind,
    readonly file: string,
    message: string,
    readonly code: string,
    /** What SQLite said (damaged, I/O), or ''. */
    readonly detail = '',
  ) {
    super(message);
    this.name = 'CacheFailure';
  }
}

/** The kind of a better-sqlite3 error code (extended codes included), or null for other errors. */
export function failureKindOf(code: string | undefined): CacheFailureKind | null {
  if (!code) return null;
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH')
    return 'read-only';
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE_FULL') return 'full';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code.startsWith('SQLITE_IOERR')) return 'io';
  return null;
}

/** The one sentence for each kind, naming the file and what to do. */
export function cacheFailureMessage(kind: CacheFailureKind, file: string, detail = ''): string {
  switch (kind) {
    case 'read-only':
      return `the cache ${file} cannot be written: the file or its folder is read-only (or belongs to another user); make both writable by you and run again (nothing stored was changed)`;
    case 'full':
      return `the disk holding the cache ${file} is full: free some space and run again (everything stored before was kept)`;
    case 'damaged':
      return `the cache ${file} is damaged${detail ? ` (${detail})` : ''}: move it aside (keep it, it holds your history) and sync again to rebuild it from the server`;
    case 'busy':
      return `another process is writing the cache ${file}: wait for it to finish and run again`;
    case 'io':
      return `the cache ${file} could not be read or written (disk I/O error${detail ? `: ${detail}` : ''}): check the disk and run again (nothing stored was changed)`;
  }
}

/** `err` as a CacheFailure of `file` when it is one (a CacheFailure already, or an SQLite error of a known kind). */
export function cacheFailureOf(err: unknown, file: string): CacheFailure | null {
  if (err instanceof CacheFailure) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const kind = failureKindOf(typeof code === 'string' ? code : undefined);
  if (kind === null) return null;
  const detail = kind === 'damaged' || kind === 'io' ? (err as Error).message : '';
  return new CacheFailure(kind, file, cacheFailureMessage(kind, file, detail), code as string, detail);
}

/** Runs `fn`, turning an SQLite failure of the file into a CacheFailure (anything else passes through). */
export function asCacheFailure<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw cacheFailureOf(err, file) ?? err;
  }
}
