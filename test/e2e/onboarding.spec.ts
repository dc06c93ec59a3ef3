import { expect, openApp, screenshot, synced, test } from './fixtures';
import { startWebApp } from './web-app';

test('first run explains itself and "Try the demo" syncs the demo for real', async ({ page }) => {
  const app = await startWebApp({ demo: false });
  try {
    await openApp(page, app);
    await expect(page.getByTestId('onboarding')).toBeVisible();
    await expect(page.locator('body')).toHaveAttribute('data-mode', 'onboarding');
    await page.setViewportSize({ width: 380, height: 560 });
    await screenshot(page, 'onboarding');
    await page.getByRole('button', { name: /Try the demo/ }).click();
    await expect(page.locator('body')).toHaveAttribute('data-mode', 'demo');
    await synced(page);
    // At the popover's width the overview is the compact list: one row per pool.
    await expect(page.getByTestId('compact-row')).toHaveCount(5);
  } finally {
    await app.stop();
  }
});
