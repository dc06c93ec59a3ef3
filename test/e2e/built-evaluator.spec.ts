import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

// The Electron app starts the evaluator thread from what electron-vite built beside its main
// bundle (src-main/index.ts passes out/main/evaluator-worker.js). Electron cannot run here, so the
// built entry is started the same way in Node, over a real cache, and must answer as the engine does.
test('the built evaluator entry runs beside the main bundle and answers as the engine does', () => {
  const root = resolve(import.meta.dirname, '../..');
  const entry = resolve(root, 'out/main/evaluator-worker.js');
  expect(existsSync(entry), 'npm run test:e2e builds out/main first').toBe(true);
  const run = spawnSync(
    resolve(root, 'node_modules/.bin/tsx'),
    [resolve(import.meta.dirname, 'built-evaluator-check.ts'), entry],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  // Three pools: Zite Pro's, and the Base44 workspace's integration and daily message pools.
  expect(JSON.parse(run.stdout)).toEqual({ same: true, pools: 3 });
});
