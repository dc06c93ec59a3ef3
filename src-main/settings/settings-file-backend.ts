import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describeJsonSyntaxError } from '../../src-shared/ledger/json-syntax';
import type { Settings } from '../../src-shared/settings/settings';
import type { SettingsBackend } from './settings-store';

/** A settings file that cannot be used: one sentence, and nothing was created or changed. */
export class SettingsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsFileError';
  }
}

/** Settings in a JSON file outside Electron (browser mode), replaced atomically on each write. */
export function createJsonFileSettingsBackend(file: string): SettingsBackend {
  return {
    read() {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new SettingsFileError(
          `the settings file ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): check its permissions`,
        );
      }
      try {
        return JSON.parse(text) as unknown;
      } catch {
        // Never echo the file (JSON.parse's message quotes it): say where it stops being JSON.
        throw new SettingsFileError(
          `the settings file ${file} is not valid JSON (${describeJsonSyntaxError(text)}): fix it, or move it away to start with the defaults`,
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
