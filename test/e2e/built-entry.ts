import { expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Runs `check` (a script beside this file, through tsx: Playwright's loader cannot import the
 * engine's JSON catalog) with the built thread entry out/main/`entry` as the Electron app starts
 * it, and returns what it printed; the check must say nothing on stderr and exit 0.
 */
export function runBuiltEntryCheck(entry: string, check: string): unknown {
  const root = resolve(import.meta.dirname, '../..');
  const file = resolve(root, 'out/main', entry);
  expect(existsSync(file), 'npm run test:e2e builds out/main first').toBe(true);
  const run = spawnSync(resolve(root, 'node_modules/.bin/tsx'), [resolve(import.meta.dirname, check), file], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
}
