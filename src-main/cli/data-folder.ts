import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Settings } from '../../src-shared/settings/settings';
import { createAppRuntime, type AppLog, type AppRuntime } from '../app/app-runtime';
import type { DemoOptions } from '../../src-server/simulator/simulator';
import { embeddedDemoServer } from '../app/demo-server';
import { createFileLog } from '../logging/file-log';
import type { NotificationContent } from '../alerts/notification-text';
import type { Cache } from '../cache/cache';
import { damagedCacheNotice, openAppCache } from '../cache/open-app-cache';
import { defaultKeyDir } from '../secrets/key-file-cipher';
import { createNodeSecretStore } from '../secrets/node-secret-store';
import { ensurePrivateFolder, InsecureSecretsError, processPrivacy } from '../secrets/private-files';
import { createJsonFileSettingsBackend, SettingsFileError } from '../settings/settings-file-backend';
import { migrateSettings, SettingsTooNewError } from '../settings/settings-migrations';
import { createSettingsStore, type SettingsStore } from '../settings/settings-store';
import { cacheOpenError, openCacheFile } from './cache-io';
import { CliError, EXIT_USAGE } from './cli-error';
import type { CliIo } from './io';

/** The encrypted values of a data folder (account tokens, channel URLs), as `creditbar web` keeps them; the key lives outside it. */
export const SECRETS_FILE = 'tokens.json';
/** A data folder's settings, as browser mode keeps them (the desktop app: electron-store's file of the same name). */
export const SETTINGS_FILE = 'settings.json';
/** A data folder's cache, as the app and browser mode keep it. */
export const CACHE_FILE = 'cache.sqlite';

/** Reads the required --data flag. */
export function dataFlag(command: string, value: string | undefined, usage: string): string {
  if (!value)
    throw new CliError(
      `${command}: missing --data DIR (the folder of the cache, settings and secrets)\nusage: ${usage}`,
      EXIT_USAGE,
    );
  return resolve(value);
}

/** Runs `fn`, turning a folder, key or file other users could read, or a broken settings file, into one line and exit 1. */
function refusingInsecure<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof InsecureSecretsError || err instanceof SettingsFileError)
      throw new CliError(err.message);
    throw err;
  }
}

/** A data folder opened as the app opens it: the cache, the settings and the secret store, and a runtime over them. */
export interface DataFolder {
  dir: string;
  cache: Cache;
  settings: SettingsStore;
  runtime: AppRuntime;
  /** Stops the runtime and closes the cache. */
  close(): Promise<void>;
}

/**
 * Opens `dir` (created 0700 when missing) the way the app does: settings.json, cache.sqlite and the
 * encrypted secrets (key outside the folder), and builds the runtime over them without starting it.
 * A folder, key or secrets file that other users can read is refused in one sentence with the
 * chmod that fixes it; so is a settings file of a newer Creditbar.
 */
export function openDataFolder(
  dir: string,
  io: CliIo,
  options: { log: AppLog; notify?: (content: NotificationContent) => void; demo?: DemoOptions },
): DataFolder {
  const secrets = refusingInsecure(() => {
    ensurePrivateFolder(dir, processPrivacy());
    return createNodeSecretStore({ file: join(dir, SECRETS_FILE), keyDir: defaultKeyDir(process.env) });
  });
  const settings = refusingInsecure(() =>
    createSettingsStore(createJsonFileSettingsBackend(join(dir, SETTINGS_FILE))),
  );
  if (settings.readOnlyReason) throw new CliError(settings.readOnlyReason);
  const cacheFile = join(dir, CACHE_FILE);
  let opened: ReturnType<typeof openAppCache>;
  try {
    // As the app opens it: checked, and moved aside (never deleted) when damaged.
    opened = openAppCache(cacheFile, { now: io.now });
  } catch (err) {
    throw cacheOpenError(err, cacheFile);
  }
  const cache = opened.cache;
  const notice = damagedCacheNotice(opened);
  if (notice) options.log.warn(notice, { movedAside: opened.movedAside });
  const runtime = createAppRuntime({
    cache,
    settings,
    secrets,
    startDemo: embeddedDemoServer(dir, options.demo),
    notify: options.notify ?? (() => undefined),
    log: options.log,
  });
  return {
    dir,
    cache,
    settings,
    runtime,
    async close() {
      await runtime.dispose();
      opened.close(); // closes the cache and clears the running marker: a clean stop
    },
  };
}

/**
 * Runs `fn` over an opened data folder and closes it after, whatever happens. What the runtime logs
 * goes to the folder's log file, as the app's does: a command prints only its own result.
 */
export async function withDataFolder<T>(
  dir: string,
  io: CliIo,
  fn: (folder: DataFolder) => Promise<T> | T,
): Promise<T> {
  // The folder is made (0700) and checked before the log file creates anything in it.
  refusingInsecure(() => ensurePrivateFolder(dir, processPrivacy()));
  const folder = openDataFolder(dir, io, { log: createFileLog(join(dir, 'logs', 'creditbar.log')) });
  try {
    return await fn(folder);
  } finally {
    await folder.close();
  }
}

/** An existing data folder's cache and the settings the app's runtime reads from it (`reset`: top-level keys it replaces by defaults). */
export interface DataFolderToRead {
  cache: Cache;
  settings: Settings;
  reset: string[];
}

/**
 * Opens an existing data folder to read, for `creditbar status --data`: its settings as the app's
 * runtime has them (the same migration; nothing is written back) and its cache. Unlike
 * openDataFolder nothing is created or moved aside: a missing folder or cache, a settings file that
 * is not JSON or is from a newer Creditbar is one sentence.
 */
export function openDataFolderToRead(dir: string, io: CliIo): DataFolderToRead {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new CliError(`no data folder at ${dir}: give the folder the app keeps its cache and settings in`);
  const cacheFile = join(dir, CACHE_FILE);
  if (!existsSync(cacheFile))
    throw new CliError(
      `no cache in ${dir} (${CACHE_FILE}): is it the app's data folder? The app makes it at its first start`,
    );
  const settingsFile = join(dir, SETTINGS_FILE);
  let migrated: ReturnType<typeof migrateSettings>;
  try {
    migrated = migrateSettings(storedSettings(createJsonFileSettingsBackend(settingsFile).read()));
  } catch (err) {
    if (err instanceof SettingsFileError) throw new CliError(err.message);
    if (err instanceof SettingsTooNewError) throw new CliError(`${settingsFile}: ${err.message}`);
    throw err;
  }
  return {
    cache: openCacheFile(cacheFile, io, 'read-only'),
    settings: migrated.settings,
    reset: migrated.reset,
  };
}

/** The settings object of a settings file: browser mode's file is the object, the desktop app's (electron-store) holds it under "settings". */
function storedSettings(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || 'version' in raw) return raw;
  const inner = (raw as Record<string, unknown>)['settings'];
  return inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? inner : raw;
}
