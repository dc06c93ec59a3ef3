// The app's settings backend: electron-store (a JSON file in userData). Schema and migrations live
// in settings-migrations.ts, so they are tested without Electron; this only reads and writes.
import Store from 'electron-store';
import type { Settings } from '../../src-shared/settings/settings';
import type { SettingsBackend } from './settings-store';

const KEY = 'settings';

/** electron-store as the settings backend; `cwd` overrides the folder (tests, portable builds). */
export function createElectronSettingsBackend(options: { cwd?: string } = {}): SettingsBackend {
  const store = new Store<Record<string, unknown>>({
    name: 'settings',
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  return {
    read: () => store.get(KEY),
    write: (settings: Settings) => store.set(KEY, settings),
  };
}
