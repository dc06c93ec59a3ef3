import { expect, test } from '@playwright/test';
import { runBuiltEntryCheck } from './built-entry';

// The Electron app starts the evaluator thread from what electron-vite built beside its main
// bundle (src-main/index.ts passes out/main/evaluator-worker.js). Electron cannot run here, so the
// built entry is started the same way in Node, over a real cache, and must answer as the engine does.
test('the built evaluator entry runs beside the main bundle and answers as the engine does', () => {
  // Three pools: Zite Pro's, and the Base44 workspace's integration and daily message pools.
  expect(runBuiltEntryCheck('evaluator-worker.js', 'built-evaluator-check.ts')).toEqual({
    same: true,
    pools: 3,
  });
});
