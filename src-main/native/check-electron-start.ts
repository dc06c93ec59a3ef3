import { join } from 'node:path';
import { ELECTRON_SQLITE_DIR, MANIFEST_FILE, manifestMismatch } from './electron-sqlite-binding';
import { electronBinaryStatus } from './electron-binary';
import { readSqliteManifest } from './read-sqlite-manifest';

/** The line `npm start` prints where Electron cannot run. */
export const NO_ELECTRON_MESSAGE =
  "Electron's binary is not installed here (its download needs GitHub); run the browser mode instead: npm run web";

/**
 * What stops `npm start` on this machine, as one line, or null when Electron can start: its binary
 * must be installed and better-sqlite3 must have a build for it.
 */
export function electronStartProblem(
  projectRoot: string,
  env: NodeJS.ProcessEnv,
  platform: string,
  arch: string,
): string | null {
  const electron = electronBinaryStatus(projectRoot, env);
  if (!electron.installed) return NO_ELECTRON_MESSAGE;
  return manifestMismatch(readSqliteManifest(join(projectRoot, ELECTRON_SQLITE_DIR, MANIFEST_FILE)), {
    electronVersion: electron.version,
    platform,
    arch,
  });
}
