import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { EvaluationJson, PoolStatusJson } from '../../src-shared/engine/status-json';
import type { Ledger, UsageEvent } from '../../src-shared/types/ledger';
import { connectAccount, expect, openApp, SCREENSHOTS, screenshot, synced, test } from './fixtures';
import { creditbarJson, ROOT, startLedgerServer, startWebApp } from './web-app';

const POPOVER = { width: 380, height: 560 };
const SCREENS = ['overview', 'workspace', 'history', 'alerts', 'settings'] as const;

/**
 * The urgency rule, worked from the issue rather than imported: dry pools first (the earliest dry
 * first), then pools whose forecast runs dry before the reset (the soonest first), then by percent
 * used, highest first.
 */
function mostUrgent(pools: PoolStatusJson[]): PoolStatusJson {
  const rank = (p: PoolStatusJson) =>
    p.remaining <= 0
      ? 0
      : p.forecast.runsOutAt !== null && Date.parse(p.forecast.runsOutAt) < Date.parse(p.periodEnd)
        ? 1
        : 2;
  const when = (p: PoolStatusJson) =>
    rank(p) === 0 ? Date.parse(p.exhaustedAt ?? '') : rank(p) === 1 ? Date.parse(p.forecast.runsOutAt!) : 0;
  return [...pools].sort(
    (a, b) => rank(a) - rank(b) || when(a) - when(b) || b.percentUsed - a.percentUsed,
  )[0]!;
}

/** Nothing on the screen is wider than the popover: no sideways scroll anywhere a lead could meet it. */
async function noSidewaysScroll(page: Page, screen: string): Promise<void> {
  const overflow = await page.evaluate(() => {
    const wide: string[] = [];
    const check = (el: Element, name: string) => {
      if (el.scrollWidth > el.clientWidth) wide.push(`${name} ${el.scrollWidth} > ${el.clientWidth}`);
    };
    check(document.documentElement, 'page');
    const main = document.getElementById('main');
    if (main) check(main, 'main');
    // Any scroll container inside (a table wrapper, the tab bar) counts too.
    for (const el of document.querySelectorAll('#main *, .app-header *')) {
      const style = getComputedStyle(el);
      if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth)
        wide.push(`${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return wide;
  });
  expect(overflow, `${screen} scrolls sideways at 380 px`).toEqual([]);
}

/** Every chart label is at least 11 px as drawn (its font size times the SVG's scale). */
async function chartLabelsAtLeast11px(page: Page): Promise<number> {
  const sizes = await page.locator('figure.chart svg').evaluateAll((svgs) =>
    svgs.flatMap((svg) => {
      const box = (svg as SVGSVGElement).viewBox.baseVal;
      const scale = svg.getBoundingClientRect().width / box.width;
      return [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    }),
  );
  expect(sizes.length).toBeGreaterThan(0);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
  return sizes.length;
}

test.describe('the popover at 380 x 560', () => {
  test('the most urgent pool first, keyboard only, no screen wider than the popover', async ({
    page,
    demoApp,
  }) => {
    await page.setViewportSize(POPOVER);
    await openApp(page, demoApp);
    await synced(page);
    const rows = page.getByTestId('compact-row');
    await expect(rows).toHaveCount(5);

    // The same cache through the CLI, at the instant the screen shows: the first row is the most urgent.
    const asOf = (await page.locator('body').getAttribute('data-snapshot-at'))!;
    const status = await creditbarJson<EvaluationJson>([
      'status',
      '--db',
      demoApp.cacheFile,
      '--as-of',
      asOf,
    ]);
    const urgent = mostUrgent(status.pools);
    await expect(rows.first()).toHaveAttribute('data-workspace-id', urgent.workspaceId);
    await expect(rows.first()).toHaveAttribute('data-pool', urgent.pool);
    // The demo has a pool that ran dry: the headline names it first, in words.
    expect(urgent.remaining).toBeLessThanOrEqual(0);
    // The demo's dry pool asked for 1.25 times what it holds since its period began, so it ran dry a
    // fifth of the period's age ago: "2 days ago", "yesterday", "5 hours ago", or, seeded minutes
    // into a month, "48 seconds ago". Which one depends on the instant, so any past phrase in words.
    await expect(page.getByTestId('overview-headline')).toContainText(
      /ran dry (yesterday|now|\d+ (second|minute|hour|day|week)s? ago)/,
    );
    await expect(page.getByTestId('overview-synced')).toContainText(/Synced/);
    // Every row is on screen without scrolling, and Sync now is reachable in the header.
    for (const box of await rows.evaluateAll((r) => r.map((e) => e.getBoundingClientRect().bottom)))
      expect(box).toBeLessThanOrEqual(POPOVER.height);
    await expect(page.getByRole('button', { name: 'Sync now' })).toBeInViewport();

    // Keyboard only: Down from the heading enters the list, Down again, Enter opens that workspace.
    await page.getByRole('heading', { level: 1 }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = await rows.nth(1).getAttribute('data-workspace-id');
    await expect(rows.nth(1)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'workspace');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await noSidewaysScroll(page, 'workspace');
    expect(await chartLabelsAtLeast11px(page)).toBeGreaterThan(4);
    await screenshot(page, 'popover-workspace');

    // Escape: back to the list, focus on that workspace's row.
    await page.keyboard.press('Escape');
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'overview');
    await expect(
      page.locator(`[data-testid="compact-row"][data-workspace-id="${second}"]`).first(),
    ).toBeFocused();

    // Every screen fits the popover's width.
    for (const screen of SCREENS) {
      await page.evaluate(
        ([s, id]) => (window.location.hash = s === 'workspace' ? `#/workspace/${id}` : `#/${s}`),
        [screen, urgent.workspaceId] as const,
      );
      await expect(page.locator('body')).toHaveAttribute('data-screen', screen);
      if (screen === 'history')
        await expect(page.locator('body')).toHaveAttribute('data-history-ready', /\d{4}-\d{2}/);
      await noSidewaysScroll(page, screen);
      await screenshot(page, `popover-${screen}`);
    }
    // History's month of all workspaces is a stacked list here, not the wide table.
    await page.evaluate(() => (window.location.hash = '#/history'));
    await expect(page.getByTestId('month-glance').getByRole('list')).toBeVisible();
    await expect(page.getByTestId('month-glance').getByRole('table')).toHaveCount(0);
    await chartLabelsAtLeast11px(page);
  });

  test('screenshots of the popover, light and dark, for the README', async ({ browser, demoApp }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: POPOVER, colorScheme });
      const page = await context.newPage();
      await openApp(page, demoApp);
      await synced(page);
      await expect(page.getByTestId('compact-row')).toHaveCount(5);
      await page.screenshot({ path: join(SCREENSHOTS, `popover-${colorScheme}.png`) });
      if (process.env['CREDITBAR_README_SHOTS'])
        copyFileSync(
          join(SCREENSHOTS, `popover-${colorScheme}.png`),
          join(ROOT, 'resources/screenshots', `popover-${colorScheme}.png`),
        );
      await context.close();
    }
  });
});

/**
 * Eight workspaces in their current period: one dry (120 calls of 10 credits against 1,000), two small
 * pools well used (at risk or past a threshold), five large pools barely touched that no pace runs dry.
 * At most three rows carry a "top consumer" line. The pools renew on the UTC day three days before
 * `now`, so the period began 72-96 hours ago and ends weeks later, whatever instant the test runs at:
 * on a calendar month the calls of a run at 00:04 on the 1st would fall mostly after now, and a run
 * at 23:59 on the last day would see them reset before the app's first sync.
 */
function eightWorkspaces(now: number): Ledger {
  const DAY = 86_400_000;
  const billingDay = new Date(now - 3 * DAY).getUTCDate();
  const periodStart = Date.UTC(
    new Date(now - 3 * DAY).getUTCFullYear(),
    new Date(now - 3 * DAY).getUTCMonth(),
    billingDay,
  );
  const span = now - periodStart - 60_000;
  const calls = [120, 70, 60, 45, 30, 20, 10, 5];
  const allowance = [1000, 1000, 1000, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000];
  const workspaces = calls.map((_, i) => ({
    id: `team-${i + 1}`,
    name: `Team ${i + 1}`,
    provider: 'custom' as const,
    plan: 'custom',
    pools: [
      {
        pool: 'integration' as const,
        allowance: allowance[i]!,
        reset: { kind: 'anchor-day' as const, day: billingDay },
      },
    ],
    members: [
      { id: `t${i + 1}-ana`, name: 'Ana Lima' },
      { id: `t${i + 1}-bo`, name: 'Bo Chen' },
    ],
  }));
  const events: UsageEvent[] = calls.flatMap((count, w) =>
    Array.from({ length: count }, (_, k) => ({
      id: `team-${w + 1}-e${k}`,
      workspaceId: `team-${w + 1}`,
      pool: 'integration' as const,
      memberId: k % 3 === 0 ? `t${w + 1}-bo` : `t${w + 1}-ana`,
      app: 'crm',
      action: k % 4 === 0 ? 'llm' : 'email',
      credits: 10,
      occurredAt: new Date(periodStart + Math.floor((span * (k + 1)) / (count + 1))).toISOString(),
    })),
  );
  return { version: 1, workspaces, grants: [], events };
}

test('eight pools fit the popover without scrolling', async ({ page }, info) => {
  const ledgerFile = info.outputPath('eight.json');
  const serverDb = info.outputPath('server.sqlite');
  writeFileSync(ledgerFile, JSON.stringify(eightWorkspaces(Date.now())));
  const server = await startLedgerServer(ledgerFile, serverDb, 'Eight');
  const app = await startWebApp({ demo: false });
  try {
    await page.setViewportSize(POPOVER);
    await openApp(page, app);
    await connectAccount(page, { label: 'Eight', url: server.url, token: server.token });
    const rows = page.getByTestId('compact-row');
    await expect(rows).toHaveCount(8);
    // Team 1 called for 1,200 credits of a 1,000 pool: dry, and first.
    await expect(rows.first()).toHaveAttribute('data-workspace-id', 'team-1');
    await expect(rows.first()).toHaveAttribute('data-state', 'dry');
    const bottoms = await rows.evaluateAll((r) => r.map((e) => e.getBoundingClientRect().bottom));
    expect(Math.max(...bottoms)).toBeLessThanOrEqual(POPOVER.height);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
      POPOVER.height,
    );
    await screenshot(page, 'popover-eight-pools');
  } finally {
    await app.stop();
    await server.stop();
  }
});

test('a workspace kept by hand: Record reading from the popover without scrolling, by keyboard', async ({
  page,
}) => {
  const app = await startWebApp({ demo: false });
  try {
    await page.setViewportSize(POPOVER);
    await openApp(page, app);
    await page.getByRole('button', { name: 'Add a workspace by hand' }).click();
    const form = page.getByRole('form', { name: 'Add a workspace by hand' });
    await form.getByLabel('Platform').selectOption('base44');
    await form.getByLabel('Plan', { exact: true }).selectOption('builder');
    await form.getByLabel('Workspace name').fill('Support studio');
    // A billing day three days back: the reading falls in the current period.
    await form
      .getByLabel('Billing day (1-31)')
      .fill(String(new Date(Date.now() - 3 * 86_400_000).getUTCDate()));
    await form.getByRole('button', { name: 'Add workspace' }).click();
    await expect(page.locator('body')).toHaveAttribute('data-mode', 'accounts');

    // Builder's pools (10,000 integration, 250 message credits) are rows; each has its own
    // "Record reading", on screen without scrolling; nothing syncs, so the header has no Sync now.
    const row = page.locator('[data-testid="compact-row"][data-pool="integration"]');
    await expect(row).toBeVisible();
    const action = page.locator('li', { has: row }).getByTestId('record-reading');
    await expect(action).toBeInViewport();
    expect((await action.boundingBox())!.y + (await action.boundingBox())!.height).toBeLessThanOrEqual(
      POPOVER.height,
    );
    await expect(page.getByRole('button', { name: /Sync now/ })).toHaveCount(0);
    await noSidewaysScroll(page, 'overview with a workspace kept by hand');

    // Keyboard only: into the list, Tab from the row to its action, Enter; the cursor is in the field.
    await page.getByRole('heading', { level: 1 }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(row).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(action).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('reading-screen')).toBeVisible();
    const field = page.getByRole('textbox', { name: 'Credits left' });
    await expect(field).toBeFocused();
    await noSidewaysScroll(page, 'reading');
    await page.keyboard.type('9,500');
    await page.keyboard.press('Enter');
    // 10,000 - 9,500 = 500 used since the period started (three days ago): at that pace ~5,200 by the
    // reset even in a 31-day period, so the pool lasts whatever day this runs (1,000 read "runs dry in
    // ~27 days" in a 31-day period, at risk, and the headline named it).
    const started = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
    await expect(page.getByTestId('reading-result')).toHaveText(
      `Recorded: 500 used since the period started on ${started.format(Date.now() - 3 * 86_400_000)}.`,
    );
    await screenshot(page, 'popover-reading');

    // Escape: out of the field, then back to the list on that workspace's row.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'overview');
    await expect(row).toBeFocused();
    // The row has the reading: 500 of 10,000 used is 5 %, 9,500 left; the time line names it.
    await expect(row.getByTestId('compact-numbers')).toContainText('5% · 9,500 left');
    await expect(page.getByTestId('overview-synced')).toHaveText('Last reading just now');
    await expect(page.getByTestId('overview-headline')).toHaveText('Overview: Both pools OK');
    await screenshot(page, 'popover-manual');
  } finally {
    await app.stop();
  }
});
