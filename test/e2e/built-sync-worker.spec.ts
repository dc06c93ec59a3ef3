import { expect, test } from '@playwright/test';
import { runBuiltEntryCheck } from './built-entry';

// The Electron app starts its sync thread from what electron-vite built beside its main bundle
// (src-main/index.ts passes out/main/sync-worker.js). Electron cannot run here, so the built entry is
// started the same way in Node, syncs a reference server on loopback into a real cache, and must
// store what a sync in the main thread stores.
test('the built sync thread entry runs beside the main bundle and stores what the main thread would', () => {
  expect(runBuiltEntryCheck('sync-worker.js', 'built-sync-worker-check.ts')).toEqual({
    same: true,
    stored: true,
  });
});
