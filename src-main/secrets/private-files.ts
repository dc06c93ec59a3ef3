import { lstatSync, mkdirSync, type Stats } from 'node:fs';

/** A folder or file holding secrets that other users of the machine could read or change. */
export class InsecureSecretsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InsecureSecretsError';
  }
}

/** What the permission checks need to know about the process (injected so tests can vary it). */
export interface PrivacyContext {
  platform: NodeJS.Platform;
  /** The process's user id; undefined where there is none (Windows). */
  uid: number | undefined;
}

export const processPrivacy = (): PrivacyContext => ({
  platform: process.platform,
  uid: process.getuid?.(),
});

function statOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Refuses `path` unless it is the expected kind (not a symlink another user could point elsewhere),
 * owned by this user and closed to group and others (0700 for a folder, 0600 for a file). Windows
 * has no such modes: its profile folders are private by ACL, so nothing is checked there.
 */
export function assertPrivate(path: string, kind: 'folder' | 'file', ctx: PrivacyContext): boolean {
  const stats = statOrNull(path);
  if (stats === null) return false;
  if (ctx.platform === 'win32') return true;
  const expected = kind === 'folder' ? stats.isDirectory() : stats.isFile();
  if (!expected)
    throw new InsecureSecretsError(
      `${path} should be a ${kind === 'folder' ? 'folder' : 'plain file'} (not a link or anything else): move it away and start again`,
    );
  if (ctx.uid !== undefined && stats.uid !== ctx.uid)
    throw new InsecureSecretsError(
      `${path} belongs to another user (uid ${stats.uid}): Creditbar keeps secrets only in files of its own user`,
    );
  if ((stats.mode & 0o077) !== 0) {
    const mode = (stats.mode & 0o777).toString(8).padStart(3, '0');
    const fix = kind === 'folder' ? '700' : '600';
    throw new InsecureSecretsError(
      `${path} is open to other users (mode ${mode}): run "chmod ${fix} ${path}" and start again`,
    );
  }
  return true;
}

/** Creates `dir` (and parents) if missing, the last folder 0700, then checks it is private. */
export function ensurePrivateFolder(dir: string, ctx: PrivacyContext): void {
  if (!assertPrivate(dir, 'folder', ctx)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    assertPrivate(dir, 'folder', ctx);
  }
}
