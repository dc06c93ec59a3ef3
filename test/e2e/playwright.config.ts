import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium (Playwright cannot download its own browser here). Each
 * spec starts `creditbar web` (the app's real services and the built renderer) on loopback; `npm
 * run test:e2e` builds the renderer first.
 */
const chromium = process.env['CREDITBAR_CHROMIUM'] ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(
    `No Chromium at ${chromium}: install it with \`apt-get install -y chromium\` (or set CREDITBAR_CHROMIUM).`,
  );
}

export default defineConfig({
  testDir: '.',
  outputDir: resolve(import.meta.dirname, '../../test-results/e2e'),
  // A spec waits for a demo to seed and sync (~10 s on a busy 2-core machine) before it starts.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env['CI']),
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1100, height: 820 },
    acceptDownloads: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      // Root needs --no-sandbox; the rest keeps Chromium from calling out of a machine with no internet.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
