/**
 * Dev-only: Settings → Channels of the real demo with a channel of each kind (one delivered, one
 * failing), the add form filled for one workspace and the digest, and the Digest section, light and
 * dark, at 380 x 560 and 1200 x 850, to read by eye.
 *   npx electron-vite build && npx tsx test/preview/channels-shots.ts [outDir]
 */
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { ROOT, startWebApp } from '../e2e/web-app';
import { eachLook, launchChromium } from './shot-looks';

const outDir = resolve(process.argv[2] ?? join(ROOT, 'test-results/channels-shots'));

async function addChannel(page: Page, kind: string, name: string, target: string): Promise<void> {
  const section = page.locator('#channels');
  await section.getByRole('button', { name: 'Add a channel' }).click();
  const form = section.getByRole('form', { name: 'Add a channel' });
  await form.getByLabel('Kind').selectOption(kind);
  await form.getByLabel('Name').fill(name);
  await form.getByLabel(kind === 'shell' ? 'Command' : 'URL').fill(target);
  await form.getByRole('button', { name: 'Add channel' }).click();
  await section.getByRole('listitem', { name }).waitFor();
}

/** Scrolls `target` to the top of the viewport, below the sticky bar, and takes the screenshot. */
async function shootAt(page: Page, target: Locator, name: string): Promise<void> {
  await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.mouse.wheel(0, -48);
  await page.waitForTimeout(100); // the wheel scrolls on the next frame
  await page.screenshot({ path: join(outDir, `${name}.png`) });
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const port = (receiver.address() as { port: number }).port;
  const app = await startWebApp();
  const browser = await launchChromium();
  try {
    const first = await browser.newPage({ viewport: { width: 1200, height: 850 } });
    await first.goto(app.url);
    await first.waitForSelector('body[data-sync-state="idle"][data-last-sync]', { timeout: 120_000 });
    const base = new URL(app.url).origin;
    await first.goto(`${base}/#/settings`);
    await first.waitForSelector('body[data-settings-ready]');
    await addChannel(
      first,
      'slack',
      'Team Slack #credits',
      `http://127.0.0.1:${port}/services/T0/B0/abcdEFGH`,
    );
    await addChannel(first, 'webhook', 'Ops webhook', `http://127.0.0.1:${port}/hooks/ops-7f3a`);
    await addChannel(first, 'teams', 'Old Teams flow', 'http://127.0.0.1:1/workflows/gone');
    await addChannel(first, 'shell', 'Pager script', '/usr/local/bin/page-oncall --team credits');
    for (const name of ['Ops webhook', 'Old Teams flow']) {
      const row = first.locator('#channels').getByRole('listitem', { name });
      await row.getByRole('button', { name: 'Send a test' }).click();
      await row.getByRole('status').or(row.getByRole('alert')).first().waitFor();
    }
    const cookies = await first.context().cookies();
    await first.close();
    await eachLook(browser, cookies, async (context, tag) => {
      const page = await context.newPage();
      await page.goto(`${base}/#/settings`);
      await page.waitForSelector('body[data-settings-ready]');
      const channels = page.locator('#channels');
      await shootAt(page, channels, `channels-${tag}`);
      await shootAt(page, page.locator('#digest'), `digest-${tag}`);
      // The form as a lead fills it: Slack, one workspace, the digest too; then the row it makes.
      await channels.getByRole('button', { name: 'Add a channel' }).click();
      const form = channels.getByRole('form', { name: 'Add a channel' });
      await form.getByLabel('Name').fill('Marketing #alerts');
      await form.getByLabel('URL').fill('https://hooks.slack.com/services/T0/B0/xyz');
      await form.getByLabel('All workspaces, including ones added later').uncheck();
      await form.locator('.check-grid').last().getByRole('checkbox').first().check();
      await form.getByLabel('The digest (see Digest below)').check();
      await shootAt(page, form, `form-${tag}`);
      await form.getByRole('button', { name: 'Add channel' }).click();
      const added = channels.getByRole('listitem', { name: 'Marketing #alerts' });
      await shootAt(page, added, `added-${tag}`);
      await added.getByRole('button', { name: 'Remove Marketing #alerts' }).click();
      await added.getByRole('button', { name: 'Yes, remove Marketing #alerts' }).click();
      await added.waitFor({ state: 'detached' });
    });
  } finally {
    await browser.close();
    await app.stop();
    receiver.close();
  }
  console.log(`screenshots in ${outDir}`);
}

await main();
