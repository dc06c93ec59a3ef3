import { readFileSync } from 'node:fs';
import type { DaysReportJson, PeriodReportJson, ReportJson } from '../../src-shared/engine/report-json';
import type { EvaluationJson } from '../../src-shared/engine/status-json';
import { expect, openApp, screenshot, synced, syncNow, test } from './fixtures';
import { creditbarJson } from './web-app';

// The demo's cast (src-server/simulator/demo-cast.ts): four workspaces, five pools.
const DEMO = {
  'zite-pro': 'Marketing site (Zite Pro)',
  'zite-team': 'Operations (Zite Team)',
  'base44-studio': 'Support studio (Base44)',
  'zite-lab': 'Side project (Zite Free)',
};
/** The pools of a report with figures (closed or in progress). Types only: Playwright loads no JSON modules. */
const reviewedPools = (r: ReportJson) =>
  r.pools.filter(
    (p): p is PeriodReportJson | DaysReportJson =>
      p.periodState === 'closed' || p.periodState === 'in-progress',
  );
/** The pool the simulator starts a little under 50 % and pushes past it within about a minute. */
const NEAR_HALF = 'zite-pro';

test.describe.configure({ mode: 'serial' });

test.describe('the demo in browser mode', () => {
  test('shows every demo workspace with the balance the engine gives for the same cache', async ({
    page,
    demoApp,
  }) => {
    await openApp(page, demoApp);
    await synced(page);
    await expect(page.locator('body')).toHaveAttribute('data-mode', 'demo');
    const cards = page.getByTestId('pool-card');
    await expect(cards).toHaveCount(5);
    for (const name of Object.values(DEMO))
      await expect(page.getByRole('heading', { name, exact: false }).first()).toBeVisible();

    // The same cache through the CLI, at the instant the screen shows: every figure agrees.
    const asOf = (await page.locator('body').getAttribute('data-snapshot-at'))!;
    const status = await creditbarJson<EvaluationJson>([
      'status',
      '--db',
      demoApp.cacheFile,
      '--as-of',
      asOf,
    ]);
    expect(status.pools).toHaveLength(5);
    for (const pool of status.pools) {
      const card = page.locator(
        `[data-testid="pool-card"][data-workspace-id="${pool.workspaceId}"][data-pool="${pool.pool}"]`,
      );
      await expect(card.getByTestId('used')).toHaveAttribute('data-value', String(pool.used));
      await expect(card.getByTestId('remaining')).toHaveAttribute('data-value', String(pool.remaining));
      await expect(card.getByTestId('percent')).toHaveAttribute('data-value', String(pool.percentUsed));
      // The engine projects this pool to run dry before its reset: the card must not say OK.
      if (pool.forecast.runsOutAt !== null && pool.exhaustedAt === null) {
        await expect(card).toHaveAttribute('data-state', 'at-risk');
        await expect(card.getByTestId('state-badge')).toHaveText('At risk');
      }
    }
    const nearHalf = page.locator(`[data-testid="pool-card"][data-workspace-id="${NEAR_HALF}"]`);
    expect(Number(await nearHalf.getByTestId('percent').getAttribute('data-value'))).toBeLessThan(50);
    await expect(page.locator('[data-testid="pool-card"][data-state="dry"]')).toContainText(
      /calls refused since/,
    );

    await screenshot(page, 'overview');
    await page.setViewportSize({ width: 380, height: 560 });
    await screenshot(page, 'overview-popover');
  });

  test('sees the simulator push a workspace past 50 % and the alert arrive in the alert centre', async ({
    page,
    demoApp,
  }) => {
    await openApp(page, demoApp);
    await synced(page);
    await page.getByRole('link', { name: /^Alerts/ }).click();
    await expect(page.getByTestId('alerts-screen')).toBeVisible();
    const alert = page.locator(
      `[data-testid="alert-item"][data-workspace-id="${NEAR_HALF}"][data-kind="threshold"][data-percent="50"]`,
    );
    // Live activity keeps arriving; each sync brings it in. Sync until the 50 % alert is raised.
    await expect(async () => {
      await syncNow(page);
      await expect(alert).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 150_000, intervals: [3_000] });
    await expect(alert).toContainText('50%');
    await expect(page.getByTestId('alert-item').first()).toBeVisible();
    await screenshot(page, 'alerts');

    // Acknowledging it drops the alert centre's count by one (the tab counts open alerts only),
    // and the alert moves below the open ones, marked as acknowledged.
    const count = page.getByTestId('alert-count');
    const before = Number(await count.textContent());
    expect(before).toBeGreaterThanOrEqual(1);
    await alert.getByRole('button', { name: /^Acknowledge/ }).click();
    await expect(alert).toHaveAttribute('data-acknowledged', 'true');
    if (before === 1) await expect(count).toHaveCount(0);
    else await expect(count).toHaveText(String(before - 1));
    await expect(page.locator('body')).toHaveAttribute('data-alerts', String(before - 1));

    await page.getByRole('link', { name: 'Overview' }).click();
    const card = page.locator(`[data-testid="pool-card"][data-workspace-id="${NEAR_HALF}"]`);
    // Past its 50 % mark: past a threshold, or at risk when the pace runs it dry before the reset.
    await expect(card).toHaveAttribute('data-state', /^(past-threshold|at-risk)$/);
  });

  test('opens a workspace: daily chart, who drained the pool, advisors', async ({ page, demoApp }) => {
    await openApp(page, demoApp);
    await synced(page);
    await page.getByRole('link', { name: DEMO['base44-studio'] }).first().click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'workspace');
    await expect(page.getByRole('heading', { name: DEMO['base44-studio'] }).first()).toBeVisible();
    await expect(page.getByRole('figure').first()).toBeVisible();
    await screenshot(page, 'workspace');
  });

  test('reviews a past month offline with the totals of creditbar report on the same cache, and exports CSV', async ({
    page,
    demoApp,
  }) => {
    await openApp(page, demoApp);
    await synced(page);
    await page.getByRole('link', { name: 'History' }).click();
    const month = page.getByLabel('Month', { exact: true });
    const months = await month
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(months.length).toBeGreaterThanOrEqual(6);
    const past = months[2]!; // closed two months ago: summarised, its raw events no longer kept
    await month.selectOption(past);
    await expect(page.locator('body')).toHaveAttribute('data-history-ready', past);

    const report = await creditbarJson<ReportJson>(['report', '--db', demoApp.cacheFile, '--period', past]);
    expect(report.pools).toHaveLength(5);
    for (const pool of reviewedPools(report)) {
      const review = page.locator(
        `[data-testid="pool-review"][data-workspace-id="${pool.workspaceId}"][data-pool="${pool.pool}"]`,
      );
      await expect(review.getByTestId('review-used')).toHaveAttribute('data-value', String(pool.used));
      await expect(review.getByTestId('review-blocked')).toHaveAttribute(
        'data-value',
        String(pool.blockedCalls),
      );
    }
    await screenshot(page, 'history');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`creditbar-${past}.csv`);
    const rows = readFileSync((await file.path())!, 'utf8')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('workspace_id,workspace,pool,period_start,period_end,period_state,metric,key,value');
    const pro = reviewedPools(report).find((p) => p.workspaceId === 'zite-pro')!;
    expect(rows).toContain(
      `zite-pro,${DEMO['zite-pro']},integration,${pro.periodStart},${pro.periodEnd},closed,used,,${pro.used}`,
    );

    // Two months side by side.
    await page.getByLabel('Compare with').selectOption(months[3]!);
    await expect(page.locator('body')).toHaveAttribute('data-history-compare', months[3]!);
    await expect(page.getByTestId('month-compare')).toBeVisible();
  });

  test("shows the current month's periods as in progress, as creditbar report does for the same cache", async ({
    page,
    demoApp,
  }) => {
    await openApp(page, demoApp);
    await synced(page);
    await page.getByRole('link', { name: 'History' }).click();
    const month = page.getByLabel('Month', { exact: true });
    const current = (await month.locator('option').first().getAttribute('value'))!;
    await month.selectOption(current);
    await expect(page.locator('body')).toHaveAttribute('data-history-ready', current);

    const asOf = (await page.locator('body').getAttribute('data-snapshot-at'))!;
    const report = await creditbarJson<ReportJson>([
      'report',
      '--db',
      demoApp.cacheFile,
      '--period',
      current,
      '--as-of',
      asOf,
    ]);
    // Zite's calendar months always run in the current month: never shown as a closed month.
    const zite = report.pools.filter((p) => p.reset === 'calendar-month');
    expect(zite.length).toBeGreaterThan(0);
    for (const p of zite) expect(p.periodState).toBe('in-progress');
    for (const pool of report.pools) {
      if (pool.periodState === 'in-progress' || pool.periodState === 'closed') {
        const review = page.locator(
          `[data-testid="pool-review"][data-workspace-id="${pool.workspaceId}"][data-pool="${pool.pool}"]`,
        );
        await expect(review).toHaveAttribute('data-period-state', pool.periodState);
        if (pool.periodState === 'in-progress') {
          await expect(review.getByTestId('period-state')).toContainText('In progress');
          await expect(review.getByTestId('ran-dry')).not.toHaveText('Never ran dry');
        }
      } else {
        await expect(
          page.locator(
            `[data-testid="empty-pool"][data-workspace-id="${pool.workspaceId}"][data-pool="${pool.pool}"]`,
          ),
        ).toHaveAttribute('data-period-state', pool.periodState);
      }
    }
    await screenshot(page, 'history-current-month');
  });

  test('moves the card marks when a threshold changes in Settings', async ({ page, demoApp }) => {
    await openApp(page, demoApp);
    await synced(page);
    const marks = page.locator(
      '[data-testid="pool-card"][data-workspace-id="zite-team"] [data-testid="threshold-mark"]',
    );
    await expect(marks).toHaveCount(3);
    expect(await marks.evaluateAll((m) => m.map((e) => e.getAttribute('data-percent')))).toEqual([
      '50',
      '90',
      '100',
    ]);

    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.locator('body')).toHaveAttribute('data-settings-ready', 'true');
    const form = page.locator('[data-testid="threshold-form"][data-workspace-id="zite-team"]');
    await form.getByLabel('Thresholds').fill('40, 75');
    await form.getByRole('button', { name: 'Save thresholds' }).click();
    // Settings says what is now in force and that it is the lead's own, for this pool.
    await expect(form.getByTestId('in-force')).toHaveText('In force: 40, 75 % · yours, for this pool');
    await expect(form.getByRole('button', { name: /^Reset to the defaults/ })).toBeVisible();
    await screenshot(page, 'settings');

    await page.getByRole('link', { name: 'Overview' }).click();
    await expect(marks).toHaveCount(2);
    expect(await marks.evaluateAll((m) => m.map((e) => e.getAttribute('data-percent')))).toEqual([
      '40',
      '75',
    ]);

    // The CLI over the app's data folder (its Settings included, not the cache alone): the same
    // workspaces as the cards, and the marks the lead just set.
    const asOf = (await page.locator('body').getAttribute('data-snapshot-at'))!;
    const status = await creditbarJson<EvaluationJson>([
      'status',
      '--data',
      demoApp.dataDir,
      '--as-of',
      asOf,
    ]);
    expect(status.pools).toHaveLength(await page.getByTestId('pool-card').count());
    const zite = status.pools.find((p) => p.workspaceId === 'zite-team')!;
    expect(zite.thresholds.map((t) => t.percent)).toEqual([40, 75]);
  });
});
