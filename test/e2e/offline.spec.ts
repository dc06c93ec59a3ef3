import { expect, openApp, screenshot, synced, syncNow, test } from './fixtures';
import { startWebApp } from './web-app';

test('keeps the last data on screen and says offline when the account API goes away', async ({ page }) => {
  const app = await startWebApp();
  try {
    await openApp(page, app);
    await synced(page);
    const figures = () =>
      page
        .getByTestId('pool-card')
        .evaluateAll((cards) =>
          cards.map(
            (c) =>
              `${c.getAttribute('data-workspace-id')}/${c.getAttribute('data-pool')}: ${c.querySelector('[data-testid="used"]')?.getAttribute('data-value')}`,
          ),
        );
    const before = await figures();
    expect(before).toHaveLength(5);

    app.hook('stop-demo');
    await app.line(/test-hook: demo server stopped/);
    await syncNow(page);
    await expect(page.locator('body')).toHaveAttribute('data-sync-state', 'offline');
    await expect(page.getByTestId('offline-banner')).toBeVisible();
    // Nothing stored is lost: the same cards with the same figures, still readable.
    expect(await figures()).toEqual(before);
    // And no card claims its data is live: each says offline, with the age of its copy.
    const freshness = page.getByTestId('freshness');
    await expect(freshness).toHaveCount(5);
    for (const badge of await freshness.all()) {
      await expect(badge).toHaveAttribute('data-failure', 'offline');
      await expect(badge).toHaveText(/^Offline, cached (just now|\d+ minutes? ago)$/);
    }
    await screenshot(page, 'offline');
  } finally {
    await app.stop();
  }
});
