/**
 * Dev-only: screenshots of the built renderer over the fixture API, to check layouts by eye.
 *   npx electron-vite build && npx tsx test/preview/preview.ts [outDir]
 * Serves out/renderer on loopback, injects test/renderer/preview/fake-api.ts (bundled here with
 * Vite) before the app's script, as the browser-mode server will inject its transport.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '../..');
const rendererDir = join(root, 'out/renderer');
const outDir = resolve(process.argv[2] ?? join(root, 'test-results/preview'));

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

async function bundleFakeApi(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: join(root, 'test/renderer/preview/fake-api.ts'),
        formats: ['iife'],
        name: 'creditbarFakeApi',
        fileName: () => 'fake-api.js',
      },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result) as { output: { code?: string }[] };
  return output.output[0]!.code!;
}

async function main(): Promise<void> {
  const fakeApi = await bundleFakeApi();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/fake-api.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(fakeApi);
      return;
    }
    const path = join(rendererDir, url.pathname === '/' ? 'index.html' : url.pathname);
    try {
      let body: string | Buffer = await readFile(path);
      if (path.endsWith('index.html'))
        body = body
          .toString()
          .replace(
            '<script type="module"',
            '<script src="/fake-api.js"></script>\n    <script type="module"',
          );
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await mkdir(outDir, { recursive: true });

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const errors: string[] = [];
  const shots: {
    name: string;
    scenario?: string;
    hash: string;
    size: [number, number];
    dark?: boolean;
    full?: boolean;
    wait?: string;
    act?: (p: Page) => Promise<void>;
  }[] = [
    { name: 'overview-popover', hash: '#/overview', size: [380, 560] },
    { name: 'overview-popover-dark', hash: '#/overview', size: [380, 560], dark: true },
    { name: 'overview-wide', hash: '#/overview', size: [1200, 800] },
    {
      name: 'overview-keyboard-focus',
      hash: '#/overview',
      size: [380, 560],
      act: async (p) => {
        for (let i = 0; i < 7; i++) await p.keyboard.press('Tab');
      },
    },
    { name: 'workspace-popover', hash: '#/workspace/zite-pro', size: [380, 560], full: true },
    { name: 'workspace-wide', hash: '#/workspace/zite-pro', size: [1200, 800], full: true },
    {
      name: 'workspace-base44-wide-dark',
      hash: '#/workspace/base44-studio',
      size: [1200, 800],
      full: true,
      dark: true,
    },
    {
      name: 'history-wide',
      hash: '#/history',
      size: [1200, 800],
      full: true,
      wait: 'body[data-history-ready]',
    },
    {
      name: 'history-popover',
      hash: '#/history',
      size: [380, 560],
      full: true,
      wait: 'body[data-history-ready]',
    },
    {
      name: 'history-compare-wide',
      hash: '#/history',
      size: [1200, 800],
      full: true,
      wait: 'body[data-history-ready]',
      act: async (p) => {
        await p.getByLabel('Compare with').selectOption('2026-09');
        await p.waitForSelector('body[data-history-compare="2026-09"]');
      },
    },
    { name: 'alerts-popover', hash: '#/alerts', size: [380, 560], full: true },
    {
      name: 'settings-popover',
      hash: '#/settings',
      size: [380, 560],
      full: true,
      wait: 'body[data-ready="snapshot"][data-settings-ready]',
    },
    {
      name: 'settings-wide-dark',
      hash: '#/settings',
      size: [1200, 800],
      full: true,
      dark: true,
      wait: 'body[data-ready="snapshot"][data-settings-ready]',
    },
    { name: 'onboarding-popover', scenario: 'onboarding', hash: '', size: [380, 560] },
    { name: 'offline-popover', scenario: 'offline', hash: '#/overview', size: [380, 560] },
    { name: 'big-wide', scenario: 'big', hash: '#/overview', size: [1200, 800] },
    {
      name: 'error-popover',
      scenario: 'error',
      hash: '',
      size: [380, 560],
      wait: 'body[data-ready="error"]',
    },
    {
      name: 'history-empty-popover',
      scenario: 'empty',
      hash: '#/history',
      size: [380, 560],
      wait: 'text=No history yet.',
    },
  ];
  for (const s of shots) {
    const context = await browser.newContext({
      viewport: { width: s.size[0], height: s.size[1] },
      colorScheme: s.dark ? 'dark' : 'light',
      locale: 'en-GB',
    });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(`${s.name}: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`${s.name}: ${e.message}`));
    await page.goto(`${base}/${s.scenario ? `?scenario=${s.scenario}` : ''}${s.hash}`);
    await page.waitForSelector(s.wait ?? 'body[data-ready="snapshot"]');
    if (s.act) await s.act(page);
    await page.screenshot({ path: join(outDir, `${s.name}.png`), fullPage: s.full ?? false });
    if (s.name === 'big-wide')
      console.log('overview render ms (20 workspaces):', await page.getAttribute('body', 'data-overview-ms'));
    await context.close();
  }
  await browser.close();
  server.close();
  console.log(`screenshots in ${outDir}`);
  if (errors.length) console.log(`page errors:\n${errors.join('\n')}`);
}

await main();
