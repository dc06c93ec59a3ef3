import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { ROOT, startWebApp, type WebApp } from './web-app';

/** Screenshots of the main screens, kept as test artifacts (the README's come from here). */
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Opens the app's session URL and waits until the first snapshot is on screen. */
export async function openApp(page: Page, app: WebApp): Promise<void> {
  await page.goto(app.url);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'snapshot');
}

/** Waits until no sync runs and one has succeeded: the cards show synced data. */
export async function synced(page: Page): Promise<void> {
  await expect(page.locator('body')).toHaveAttribute('data-sync-state', 'idle', { timeout: 90_000 });
  await expect(page.locator('body')).toHaveAttribute('data-last-sync', /\d{4}-/);
}

/** Clicks "Sync now" and waits for that sync to end (the button is disabled while one runs). */
export async function syncNow(page: Page): Promise<void> {
  const before = await page.locator('body').getAttribute('data-snapshot-at');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.locator('body')).not.toHaveAttribute('data-snapshot-at', before ?? '');
  await expect(page.locator('body')).toHaveAttribute('data-sync-state', /idle|offline|error/, {
    timeout: 90_000,
  });
}

/** One demo app per worker, shared by the specs that only read it or change what others do not look at. */
export const test = base.extend<object, { demoApp: WebApp }>({
  demoApp: [
    async ({}, use) => {
      const app = await startWebApp();
      await use(app);
      await app.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

export { expect };
