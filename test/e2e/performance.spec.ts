import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { connectAccount, expect, openApp, screenshot, syncNow, test } from './fixtures';
import { ROOT, startLedgerServer, startWebApp } from './web-app';
import { yearLedger } from './year-ledger';

const WORKSPACES = 20;
const SAMPLES = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Gzipped size of what the app's index.html loads (the web transport is not part of it). */
function rendererGzipBytes(): { files: number; raw: number; gzip: number } {
  const dir = join(ROOT, 'out/renderer');
  const files = ['index.html', ...readdirSync(join(dir, 'assets')).map((f) => join('assets', f))];
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(join(dir, f));
    raw += statSync(join(dir, f)).size;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.length, raw, gzip };
}

// Figures, printed, never asserted: these machines are shared and noisy (see README, What we measured).
test('performance: the overview with 20 workspaces, a month of history over a year, the bundle size', async ({
  page,
}, info) => {
  const ledgerFile = info.outputPath('year-ledger.json');
  const serverDb = info.outputPath('server.sqlite');
  const ledger = yearLedger(WORKSPACES, 40, Date.now());
  writeFileSync(ledgerFile, JSON.stringify(ledger));

  const server = await startLedgerServer(ledgerFile, serverDb, 'Perf');
  const app = await startWebApp({ demo: false });
  try {
    await openApp(page, app);
    await connectAccount(page, { label: 'Perf', url: server.url, token: server.token });
    await expect(page.getByTestId('pool-card')).toHaveCount(WORKSPACES);

    // The overview: from a snapshot's arrival to the cards on screen, once per sync.
    const overview: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      await syncNow(page);
      overview.push(Number(await page.locator('body').getAttribute('data-overview-ms')));
    }
    await screenshot(page, 'overview-20-workspaces');

    // History: from asking for a month to its review on screen, over the year of closed months.
    await page.getByRole('link', { name: 'History' }).click();
    const month = page.getByLabel('Month', { exact: true });
    const months = await month
      .locator('option')
      .evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value));
    expect(months.length).toBeGreaterThanOrEqual(12);
    const history: number[] = [];
    for (const m of months.slice(1, 1 + SAMPLES)) {
      await month.selectOption(m);
      await expect(page.locator('body')).toHaveAttribute('data-history-ready', m);
      history.push(Number(await page.locator('body').getAttribute('data-history-ms')));
    }

    // One workspace's full review (charts and breakdowns), as a name in the table opens it.
    const single: number[] = [];
    await page.getByLabel('Workspace').selectOption('ws-03');
    for (const m of months.slice(1, 1 + SAMPLES)) {
      await month.selectOption(m);
      await expect(page.locator('body')).toHaveAttribute('data-history-ready', m);
      await expect(page.getByTestId('pool-review')).toHaveCount(1);
      single.push(Number(await page.locator('body').getAttribute('data-history-ms')));
    }
    await screenshot(page, 'history-one-workspace');

    const bundle = rendererGzipBytes();
    const lines = [
      `performance (${WORKSPACES} workspaces, ${ledger.events.length.toLocaleString('en-US')} events over ${months.length} months, this machine):`,
      `  overview render   median ${median(overview)} ms of ${SAMPLES} snapshots (target < 100 ms): ${overview.join(', ')}`,
      `  history, a month  median ${median(history)} ms of ${history.length} months, all workspaces (target < 200 ms): ${history.join(', ')}`,
      `  history, one ws   median ${median(single)} ms of ${single.length} months, one workspace's full review: ${single.join(', ')}`,
      `  renderer bundle   ${(bundle.gzip / 1024).toFixed(1)} KB gzipped (${(bundle.raw / 1024).toFixed(0)} KB raw, ${bundle.files} files; target < 500 KB)`,
    ];
    console.log(lines.join('\n'));
    writeFileSync(join(ROOT, 'test-results/performance.txt'), lines.join('\n') + '\n');
    expect(overview.every((ms) => ms > 0)).toBe(true);
    expect(history.every((ms) => ms > 0)).toBe(true);
  } finally {
    await app.stop();
    await server.stop();
  }
});
