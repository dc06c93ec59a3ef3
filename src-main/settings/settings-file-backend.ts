import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Settings } from '../../src-shared/settings/settings';
import type { SettingsBackend } from './settings-store';

/** Settings in a JSON file outside Electron (browser mode), replaced atomically on each write. */
export function createJsonFileSettingsBackend(file: string): SettingsBackend {
  return {
    read() {
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as unknown;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new Error(
          `the settings file ${file} cannot be read (${(err as Error).message}): fix or remove it`,
        );
      }
    },
    write(settings: Settings) {
      mkdirSync(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(settings, null, 2));
      renameSync(tmp, file);
    },
  };
}
