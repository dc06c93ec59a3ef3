/**
 * Dev-only: the banner a lead reads when the check after a clean start finds the cache damaged, as
 * `creditbar web --demo` shows it (popover and window, light and dark), and the banner after the
 * next start moved the file aside.
 *   npx electron-vite build && npx tsx test/preview/damage-shots.ts [outDir]
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, startTool } from '../e2e/web-app';
import { damageEventsTable } from '../integration/cache/damage';
import { eachLook, launchChromium } from './shot-looks';

const outDir = resolve(process.argv[2] ?? join(ROOT, 'test-results/damage-shots'));
const dataDir = mkdtempSync(join(tmpdir(), 'creditbar-damage-'));
const keyDir = mkdtempSync(join(tmpdir(), 'creditbar-damage-keys-'));
const args = ['web', '--demo', '--data', dataDir, '--port', '0', '--test-hooks'];

/** One run of the app: opens its URL, waits for `ready` on the page, shoots every look, stops cleanly. */
async function run(name: string, ready: string): Promise<void> {
  const tool = startTool('creditbar', args, { CREDITBAR_KEY_DIR: keyDir });
  const url = (await tool.line(/^\s+open\s+http/)).trim().replace(/^open\s+/, '');
  const browser = await launchChromium();
  try {
    const first = await browser.newPage();
    await first.goto(url);
    await first.waitForSelector(ready, { timeout: 120_000 });
    const cookies = await first.context().cookies();
    const base = new URL(url).origin;
    await first.close();
    await eachLook(browser, cookies, async (context, tag) => {
      const page = await context.newPage();
      await page.goto(`${base}/#/overview`);
      await page.waitForSelector(ready);
      await page.screenshot({ path: join(outDir, `${name}-${tag}.png`), fullPage: true });
    });
  } finally {
    await browser.close();
    tool.send('quit');
    await tool.line(/^Stopped\./);
    await tool.stop();
  }
}

mkdirSync(outDir, { recursive: true });
try {
  await run('synced', 'body[data-sync-state="idle"][data-last-sync]');
  damageEventsTable(join(dataDir, 'cache.sqlite'));
  await run('damage-found', 'text=The local cache is damaged');
  await run('moved-aside', 'text=was moved aside');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(keyDir, { recursive: true, force: true });
}
console.log(`screenshots in ${outDir}`);
