/**
 * Dev-only: screenshots of `creditbar web --data DIR` over a data folder prepared by hand (an
 * imported ledger, a workspace kept by hand, a dry pool ...), every look (380 x 560 and 1200 x 850,
 * light and dark), on the screens named, to read the numbers of every surface side by side.
 *   npx electron-vite build && npx tsx test/preview/state-shots.ts OUT_DIR NAME DATA_DIR [--demo] [--synced] [route ...]
 * Routes are hash routes ("overview", "alerts", "history", "workspace/ID"); default "overview".
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildTrayModel } from '../../src-main/tray/tray-model';
import type { Snapshot } from '../../src-shared/ipc/snapshot';
import { startTool } from '../e2e/web-app';
import { eachLook, launchChromium } from './shot-looks';

const [outArg, name, dataArg, ...rest] = process.argv.slice(2);
if (!outArg || !name || !dataArg)
  throw new Error('usage: state-shots.ts OUT_DIR NAME DATA_DIR [--demo] [--synced] [route ...]');
const outDir = resolve(outArg);
const demo = rest.includes('--demo');
// --synced: wait for a first sync to end (an account's folder), as --demo does.
const synced = demo || rest.includes('--synced');
const routes = rest.filter((r) => !r.startsWith('--'));
// The folder's tokens were stored with CREDITBAR_KEY_DIR's key, when it is set (an account added by hand).
const ownKeys = process.env['CREDITBAR_KEY_DIR'];
const keyDir = ownKeys ?? mkdtempSync(join(tmpdir(), 'creditbar-shots-keys-'));
const ready = '[data-testid="overview-headline"]';

mkdirSync(outDir, { recursive: true });
const tool = startTool(
  'creditbar',
  ['web', '--data', resolve(dataArg), '--port', '0', '--test-hooks', ...(demo ? ['--demo'] : [])],
  { CREDITBAR_KEY_DIR: keyDir },
);
try {
  const url = (await tool.line(/^\s+open\s+http/)).trim().replace(/^open\s+/, '');
  const browser = await launchChromium();
  try {
    const first = await browser.newPage();
    await first.goto(url);
    await first.waitForSelector(synced ? 'body[data-sync-state="idle"][data-last-sync]' : ready, {
      timeout: 120_000,
    });
    // The snapshot the screens show, and the tray's words for it (the tray cannot run here).
    const snapshot = (await first.evaluate(async () => {
      const api = (globalThis as unknown as { api: { getSnapshot(): Promise<unknown> } }).api;
      const r = (await api.getSnapshot()) as { ok?: boolean; value?: unknown };
      return r && typeof r === 'object' && 'ok' in r ? r.value : r;
    })) as Snapshot;
    writeFileSync(join(outDir, `${name}-snapshot.json`), JSON.stringify(snapshot, null, 2));
    const tray = buildTrayModel({ snapshot, now: Date.now(), timeZone: 'Europe/Berlin' });
    const menu = tray.menu.map((i) => (i.type === 'separator' ? '---' : i.label));
    writeFileSync(
      join(outDir, `${name}-tray.txt`),
      `${tray.tooltip}\n\nicon ${JSON.stringify(tray.icon)} title ${tray.title}\n\n${menu.join('\n')}\n`,
    );
    const cookies = await first.context().cookies();
    const base = new URL(url).origin;
    await first.close();
    await eachLook(browser, cookies, async (context, tag) => {
      const page = await context.newPage();
      for (const route of routes.length > 0 ? routes : ['overview']) {
        await page.goto(`${base}/#/${route}`);
        await page.waitForSelector('main, [role="main"], body');
        await page.waitForTimeout(1500);
        const file = `${name}-${route.replace(/\//g, '_')}-${tag}.png`;
        await page.screenshot({ path: join(outDir, file), fullPage: true });
      }
      await page.close();
    });
  } finally {
    await browser.close();
  }
} finally {
  tool.send('quit');
  await tool.line(/^Stopped\./).catch(() => undefined);
  await tool.stop();
  if (!ownKeys) rmSync(keyDir, { recursive: true, force: true });
}
console.log(`screenshots in ${outDir}`);
