import { join, resolve } from 'node:path';
import { createAppRuntime, type AppLog, type AppRuntime } from '../app/app-runtime';
import { embeddedDemoServer } from '../app/demo-server';
import { createFileLog } from '../logging/file-log';
import type { NotificationContent } from '../alerts/notification-text';
import type { Cache } from '../cache/cache';
import { createNodeSecretStore } from '../secrets/node-secret-store';
import { ensurePrivateFolder, InsecureSecretsError, processPrivacy } from '../secrets/private-files';
import { createJsonFileSettingsBackend } from '../settings/settings-file-backend';
import { createSettingsStore, type SettingsStore } from '../settings/settings-store';
import { openCacheFile } from './cache-io';
import { CliError, EXIT_USAGE } from './cli-error';
import type { CliIo } from './io';

/** The encrypted values of a data folder (account tokens, channel URLs); its key lives outside it. */
export const SECRETS_FILE = 'secrets.json';

/** Reads the required --data flag. */
export function dataFlag(command: string, value: string | undefined, usage: string): string {
  if (!value)
    throw new CliError(
      `${command}: missing --data DIR (the folder of the cache, settings and secrets)\nusage: ${usage}`,
      EXIT_USAGE,
    );
  return resolve(value);
}

/** Runs `fn`, turning a folder, key or file other users could read into one line and exit 1. */
function refusingInsecure<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof InsecureSecretsError) throw new CliError(err.message);
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
  options: { log: AppLog; notify?: (content: NotificationContent) => void },
): DataFolder {
  const secrets = refusingInsecure(() => {
    ensurePrivateFolder(dir, processPrivacy());
    return createNodeSecretStore({ file: join(dir, SECRETS_FILE) });
  });
  const settings = createSettingsStore(createJsonFileSettingsBackend(join(dir, 'settings.json')));
  if (settings.readOnlyReason) throw new CliError(settings.readOnlyReason);
  const cache = openCacheFile(join(dir, 'cache.sqlite'), io, 'create');
  const runtime = createAppRuntime({
    cache,
    settings,
    secrets,
    startDemo: embeddedDemoServer(dir),
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
      cache.close();
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
