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

/**
 * Opens the app and waits until the first snapshot is on screen. The printed URL works once: the
 * first page swaps its token for the session cookie, and later pages (new browser contexts of the
 * same shared app) carry that cookie, as tabs of one browser would.
 */
export async function openApp(page: Page, app: WebApp): Promise<void> {
  const origin = new URL(app.url).origin;
  if (app.session) {
    await page.context().addCookies([{ ...app.session, url: origin }]);
    await page.goto(`${origin}/`);
  } else {
    await page.goto(app.url);
    const cookie = (await page.context().cookies(origin)).find((c) =>
      c.name.startsWith('creditbar-session-'),
    );
    if (cookie) app.session = { name: cookie.name, value: cookie.value };
  }
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

/** Adds an account through onboarding's "Connect an account" form and waits for its first sync. */
export async function connectAccount(
  page: Page,
  account: { label: string; url: string; token: string },
): Promise<void> {
  await page.getByRole('button', { name: 'Connect an account' }).click();
  await page.getByLabel('Account name').fill(account.label);
  await page.getByLabel('Server URL').fill(account.url);
  await page.getByLabel('API token').fill(account.token);
  await page.getByRole('button', { name: 'Add account' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-mode', 'accounts');
  await synced(page);
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
