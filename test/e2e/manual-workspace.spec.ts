import type { EvaluationJson } from '../../src-shared/engine/status-json';
import { expect, openApp, screenshot, test } from './fixtures';
import { creditbarJson, startWebApp } from './web-app';

test('a Base44 Builder workspace added by hand, two readings, the card and its forecast', async ({
  page,
}) => {
  const app = await startWebApp({ demo: false });
  try {
    await openApp(page, app);
    await expect(page.getByTestId('onboarding')).toBeVisible();
    await page.getByRole('button', { name: 'Add a workspace by hand' }).click();
    const form = page.getByRole('form', { name: 'Add a workspace by hand' });
    await form.getByLabel('Platform').selectOption('base44');
    await form.getByLabel('Plan', { exact: true }).selectOption('builder');
    // Builder on Base44's documentation: 250 message and 10,000 integration credits, reset on the billing day.
    await expect(form.getByTestId('plan-facts')).toContainText('10,000 integration credits');
    await form.getByLabel('Workspace name').fill('Support studio');
    // A billing day three days back, so both readings fall in the current period.
    const billingDay = new Date(Date.now() - 3 * 86_400_000).getUTCDate();
    await form.getByLabel('Billing day (1-31)').fill(String(billingDay));
    await form.getByRole('button', { name: 'Add workspace' }).click();

    await expect(page.locator('body')).toHaveAttribute('data-mode', 'accounts');
    const card = page.locator(
      '[data-testid="pool-card"][data-workspace-id="support-studio"][data-pool="integration"]',
    );
    await expect(card).toBeVisible();
    await expect(card.getByTestId('source-label')).toHaveText('manual');
    await expect(card.getByTestId('used')).toHaveAttribute('data-value', '0');

    // Yesterday's reading, typed today: 9,000 left of 10,000.
    await card.getByTestId('record-reading').click();
    await expect(page.getByTestId('reading-screen')).toBeVisible();
    const field = page.getByTestId('reading-field');
    await field.getByRole('textbox', { name: 'Credits left' }).fill('9,000');
    await field.getByLabel('Read earlier than now').check();
    const yesterday = await page.evaluate(() => {
      const d = new Date(Date.now() - 86_400_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    });
    await field.getByLabel('When the page showed it').fill(yesterday);
    await field.getByRole('button', { name: 'Record reading' }).click();
    // The period began at 00:00 UTC on the billing day, named as the app names days (en-US here).
    const started = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
    await expect(field.getByTestId('reading-result')).toHaveText(
      `Recorded: 1,000 used since the period started on ${started.format(Date.now() - 3 * 86_400_000)}.`,
    );

    // Today's reading: 8,400 left, 600 used since yesterday's.
    await field.getByLabel('Read earlier than now').uncheck();
    await field.getByRole('textbox', { name: 'Credits left' }).fill('8400');
    await field.getByRole('button', { name: 'Record reading' }).click();
    await expect(field.getByTestId('reading-result')).toContainText(
      'Recorded: 600 used since the reading of',
    );
    await expect(page.getByTestId('readings-list').locator('tbody tr')).toHaveCount(2);

    await page.goto(app.url.replace(/\?.*$/, '') + '#/overview');
    await expect(page.locator('body')).toHaveAttribute('data-ready', 'snapshot');
    await expect(card.getByTestId('used')).toHaveAttribute('data-value', '1600');
    await expect(card.getByTestId('remaining')).toHaveAttribute('data-value', '8400');
    // 1,600 used since the period started, the burn measured up to the last reading: a forecast sentence with its range.
    await expect(card.getByTestId('forecast')).not.toBeEmpty();
    await expect(card.getByTestId('freshness')).toContainText('Read');

    // The card says what `creditbar status` says for the same cache.
    const status = await creditbarJson<EvaluationJson>(['status', '--db', app.cacheFile]);
    const pool = status.pools.find((p) => p.workspaceId === 'support-studio' && p.pool === 'integration')!;
    expect(pool).toMatchObject({ used: 1600, remaining: 8400, allowance: 10_000 });
    expect(pool.forecast.burnPerDay).toBeGreaterThan(0);
    expect(pool.observed).toMatchObject({ credits: 1600, readings: 2, backwards: [] });

    // The popover's row: the same numbers, the source, and "Record reading" beside the row's link.
    await page.setViewportSize({ width: 380, height: 560 });
    const row = page.locator(
      '[data-testid="compact-row"][data-workspace-id="support-studio"][data-pool="integration"]',
    );
    await expect(row.getByTestId('compact-numbers')).toContainText('16% · 8,400 left');
    await expect(row.getByTestId('source-label')).toHaveText('manual');
    await screenshot(page, 'manual-overview-popover');
    await page.getByRole('link', { name: 'Record reading of Support studio integrations' }).click();
    await expect(page.getByTestId('reading-screen')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Credits left' })).toBeFocused();
    await screenshot(page, 'manual-reading-popover');
    await page.goto(app.url.replace(/\?.*$/, '') + '#/overview');
    await page.setViewportSize({ width: 1200, height: 850 });
    await screenshot(page, 'manual-overview');
    await card.getByRole('link', { name: /Support studio/ }).click();
    await expect(page.getByTestId('workspace-screen')).toBeVisible();
    await expect(page.locator('[data-testid="pool-detail"][data-pool="integration"]')).toContainText(
      'Not available for readings',
    );
    await screenshot(page, 'manual-workspace');
  } finally {
    await app.stop();
  }
});
