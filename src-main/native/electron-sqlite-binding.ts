import { join } from 'node:path';

/**
 * better-sqlite3 in two runtimes. Node (tests, the CLI) loads the regular build in
 * node_modules/better-sqlite3/build; Electron loads a second copy compiled for its ABI, kept apart
 * so neither install ever overwrites the other and no manual rebuild is needed in either order.
 * The copy is made by `npm install` (postinstall) or `npm run native:electron`, and carried into
 * packaged apps as an extra resource.
 */

/** Where the Electron copy lives in a checkout, relative to the project root. */
export const ELECTRON_SQLITE_DIR = join('node_modules', '.cache', 'creditbar', 'electron-sqlite');
/** Where electron-builder puts it in a packaged app, relative to process.resourcesPath. */
export const PACKAGED_SQLITE_DIR = join('native', 'better-sqlite3');
export const BINDING_FILE = 'better_sqlite3.node';
export const MANIFEST_FILE = 'manifest.json';

/** What the Electron copy was built for, written next to it. */
export interface ElectronSqliteManifest {
  electron: string;
  platform: string;
  arch: string;
  betterSqlite3: string;
  /** prebuild-install (downloaded) or node-gyp (compiled against Electron's headers). */
  source: 'prebuild-install' | 'node-gyp';
  builtAt: string;
}

export interface BindingContext {
  /** process.versions.electron: undefined under plain Node. */
  electronVersion: string | undefined;
  platform: string;
  arch: string;
  /** app.isPackaged. */
  packaged: boolean;
  /** The checkout (app.getAppPath() in development). */
  projectRoot: string;
  /** process.resourcesPath in a packaged app. */
  resourcesPath?: string;
  /** Reads a manifest, null when it is missing or unreadable. */
  readManifest(path: string): ElectronSqliteManifest | null;
}

/** The options to add to `new Database(file, options)`: none under Node, `nativeBinding` under Electron. */
export interface SqliteBindingOptions {
  nativeBinding?: string;
}

/** Why the Electron copy cannot be used, in one sentence for the user, or null when it matches. */
export function manifestMismatch(
  manifest: ElectronSqliteManifest | null,
  ctx: Pick<BindingContext, 'electronVersion' | 'platform' | 'arch'>,
): string | null {
  if (!manifest)
    return `better-sqlite3 has no build for Electron ${ctx.electronVersion} yet: run \`npm run native:electron\` (it needs to reach Electron's prebuilt binaries or headers).`;
  if (
    manifest.electron !== ctx.electronVersion ||
    manifest.platform !== ctx.platform ||
    manifest.arch !== ctx.arch
  ) {
    return `better-sqlite3 was built for Electron ${manifest.electron} on ${manifest.platform}-${manifest.arch}, not Electron ${ctx.electronVersion} on ${ctx.platform}-${ctx.arch}: run \`npm run native:electron\`.`;
  }
  return null;
}

/**
 * The better-sqlite3 options for this process. Throws with a clear message under Electron when the
 * Electron copy is missing or was built for another Electron, instead of letting better-sqlite3 fail
 * with a NODE_MODULE_VERSION error.
 */
export function resolveSqliteBinding(ctx: BindingContext): SqliteBindingOptions {
  if (!ctx.electronVersion) return {};
  const dir =
    ctx.packaged && ctx.resourcesPath
      ? join(ctx.resourcesPath, PACKAGED_SQLITE_DIR)
      : join(ctx.projectRoot, ELECTRON_SQLITE_DIR);
  const problem = manifestMismatch(ctx.readManifest(join(dir, MANIFEST_FILE)), ctx);
  if (problem) throw new Error(problem);
  return { nativeBinding: join(dir, BINDING_FILE) };
}
