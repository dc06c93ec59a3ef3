/**
 * Dev-only: screenshots of workspaces kept by hand in the real app (`creditbar web` over a cache
 * seeded through the CLI: a Base44 Builder workspace with a week of readings and one backwards, a Zite
 * workspace on the newest rules with the allowance the lead typed, a CSV import), light and dark, at
 * 380 x 560 and 1200 x 850, to read by eye before calling a UI change done.
 *   npx electron-vite build && npx tsx test/preview/manual-shots.ts [outDir]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { runCli } from '../../src-main/cli/cli';
import { ROOT, startTool } from '../e2e/web-app';
import { addBase44Args } from '../fixtures/base44-builder';
import { eachLook, launchChromium } from './shot-looks';

const outDir = resolve(process.argv[2] ?? join(ROOT, 'test-results/manual-shots'));
const DAY = 86_400_000;

async function cli(line: string[]): Promise<string> {
  let out = '';
  let err = '';
  const code = await runCli(line, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => Date.now(),
    isTty: false,
  });
  if (code !== 0) throw new Error(`creditbar ${line.join(' ')}: ${err}`);
  return out.trim();
}

/** Nine days into a Builder period: 09:00 UTC readings for the last seven days, one gone backwards. */
async function seed(db: string, dataDir: string): Promise<void> {
  const now = Date.now();
  const billingDay = new Date(now - 9 * DAY).getUTCDate();
  await cli(addBase44Args(db, { name: 'Support studio', billingDay }, '--member', 'ana:Ana Lima'));
  await cli([
    'workspace',
    'add',
    '--db',
    db,
    '--provider',
    'zite',
    '--plan',
    'pro',
    '--name',
    'Ops portal',
    '--allowance',
    '20000',
  ]);
  await cli(addBase44Args(db, { name: 'Intake forms', billingDay, plan: 'starter' }));
  /** `creditbar reading add` of one pool: `what` is --remaining or --used. */
  const reading = (
    workspace: string,
    pool: string,
    what: '--remaining' | '--used',
    value: number,
    at: string,
  ) =>
    cli([
      'reading',
      'add',
      '--db',
      db,
      '--workspace',
      workspace,
      '--pool',
      pool,
      what,
      String(value),
      '--at',
      at,
    ]);
  const left = [9_400, 8_950, 8_450, 7_900, 8_050, 7_500, 7_200];
  for (let i = 0; i < left.length; i += 1) {
    const d = new Date(now - (left.length - i) * DAY);
    d.setUTCHours(9, 0, 0, 0);
    const at = d.toISOString();
    await reading('support-studio', 'integration', '--remaining', left[i]!, at);
    if (i % 3 === 0) await reading('support-studio', 'message', '--used', 20 + i * 15, at);
  }
  await reading('ops-portal', 'integration', '--remaining', 16_500, new Date(now - 2 * DAY).toISOString());
  const csv = join(dataDir, 'intake.csv');
  const rows = ['Date,Type,Credits,User'];
  for (let i = 0; i < 40; i += 1)
    rows.push(
      `${new Date(now - (i % 8) * DAY - i * 3_600_000).toISOString()},${i % 3 ? 'email' : 'integration:slack'},${i % 3 ? 2 : 1},${i % 2 ? 'ana' : 'bo'}`,
    );
  writeFileSync(csv, rows.join('\n') + '\n');
  await cli(['import', csv, '--db', db, '--workspace', 'intake-forms']);
}

const SCREENS: { name: string; hash: string; wait?: string }[] = [
  { name: 'overview', hash: '#/overview' },
  { name: 'workspace-studio', hash: '#/workspace/support-studio' },
  { name: 'workspace-ops', hash: '#/workspace/ops-portal' },
  { name: 'workspace-intake', hash: '#/workspace/intake-forms' },
  { name: 'reading', hash: '#/reading/support-studio/integration' },
  { name: 'settings', hash: '#/settings', wait: 'body[data-settings-ready]' },
];

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'creditbar-shots-'));
  const keyDir = mkdtempSync(join(tmpdir(), 'creditbar-shots-keys-'));
  await seed(join(dataDir, 'cache.sqlite'), dataDir);
  const tool = startTool('creditbar', ['web', '--data', dataDir, '--port', '0'], {
    CREDITBAR_KEY_DIR: keyDir,
  });
  const browser = await launchChromium();
  try {
    const url = (await tool.line(/^\s+open\s+http/)).trim().replace(/^open\s+/, '');
    const first = await browser.newPage();
    await first.goto(url);
    await first.waitForSelector('body[data-ready="snapshot"]');
    const cookies = await first.context().cookies();
    const base = new URL(url).origin;
    await first.close();
    await eachLook(browser, cookies, async (context, tag) => {
      const page = await context.newPage();
      for (const s of SCREENS) {
        await page.goto(`${base}/${s.hash}`);
        await page.waitForSelector('body[data-ready="snapshot"]');
        if (s.wait) await page.waitForSelector(s.wait);
        await page.waitForTimeout(300);
        await shoot(page, `${s.name}-${tag}`);
      }
    });
  } finally {
    await browser.close();
    await tool.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(keyDir, { recursive: true, force: true });
  }
  console.log(`screenshots in ${outDir}`);
}

await main();
