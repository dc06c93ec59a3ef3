/**
 * Dev-only: screenshots of every screen of the real demo (`creditbar web --demo`), light and dark, at
 * the popover's 380 x 560 and the window's 1200 x 850, to read by eye before calling a UI change done.
 *   npx electron-vite build && npx tsx test/preview/demo-shots.ts [outDir]
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT, startWebApp } from '../e2e/web-app';
import { eachLook, launchChromium } from './shot-looks';

const outDir = resolve(process.argv[2] ?? join(ROOT, 'test-results/demo-shots'));

const SCREENS: { name: string; hash: string; wait?: string }[] = [
  { name: 'overview', hash: '#/overview' },
  { name: 'workspace-base44', hash: '#/workspace/base44-studio' },
  { name: 'workspace-lab', hash: '#/workspace/zite-lab' },
  { name: 'workspace-pro', hash: '#/workspace/zite-pro' },
  { name: 'history', hash: '#/history', wait: 'body[data-history-ready]' },
  { name: 'alerts', hash: '#/alerts' },
  { name: 'settings', hash: '#/settings', wait: 'body[data-settings-ready]' },
];

/** SHOT_SCREENS=alerts,settings shoots only those. */
const only = process.env['SHOT_SCREENS']?.split(',');
const shown = only ? SCREENS.filter((s) => only.includes(s.name)) : SCREENS;

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const app = await startWebApp();
  const browser = await launchChromium();
  try {
    const first = await browser.newPage();
    await first.goto(app.url);
    await first.waitForSelector('body[data-sync-state="idle"][data-last-sync]', { timeout: 120_000 });
    const cookies = await first.context().cookies();
    const base = new URL(app.url).origin;
    await first.close();
    await eachLook(browser, cookies, async (context, tag) => {
      const page = await context.newPage();
      for (const s of shown) {
        await page.goto(`${base}/${s.hash}`);
        await page.waitForSelector('body[data-ready="snapshot"]');
        if (s.wait) await page.waitForSelector(s.wait);
        await shoot(page, `${s.name}-${tag}`);
      }
    });
  } finally {
    await browser.close();
    await app.stop();
  }
  console.log(`screenshots in ${outDir}`);
}

await main();
