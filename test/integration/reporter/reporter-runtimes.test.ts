import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../fixtures/temp-dir';
import { balanceSchema } from '../../../src-shared/api';
import { call } from '../server/server-fixture';
import { startCollector, storedEvents, type Collector } from './reporter-fixture';

const REPO = resolve(import.meta.dirname, '../../..');
const DENO = resolve(REPO, 'node_modules/.bin/deno');
const reporterTs = pathToFileURL(resolve(REPO, 'resources/reporter/creditbar-report.ts')).href;
const reporterJs = pathToFileURL(resolve(REPO, 'resources/reporter/creditbar-report.js')).href;

function run(
  file: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      file,
      args,
      { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

/** A small app that reports three calls, closes the reporter and prints its stats: the same in every runtime. */
function appSource(reporterUrl: string, c: Collector, app: string): string {
  return `import { createReporter } from ${JSON.stringify(reporterUrl)};
const reporter = createReporter({ url: ${JSON.stringify(c.server.url)}, token: ${JSON.stringify(c.ingest)}, workspaceId: 'support', app: ${JSON.stringify(app)} });
reporter.report({ action: 'llm', memberId: 'ana', credits: 3 });
reporter.report({ action: 'file', memberId: 'ana' });
reporter.report({ action: 'pdf', memberId: 'ana', units: 5 });
console.log(JSON.stringify(await reporter.close()));
`;
}

describe('the reporter file as teams copy it', () => {
  const dir = tempDir('creditbar-reporter-');
  let c: Collector;
  beforeAll(async () => {
    c = await startCollector();
  });
  afterAll(async () => {
    await c.server.stop();
    dir.cleanup();
  });

  it('ships a .js twin that is exactly what `npm run reporter` generates from the .ts', async () => {
    const { renderReporterJs, REPORTER_JS } = (await import(
      pathToFileURL(resolve(REPO, 'bin/build-reporter.mjs')).href
    )) as {
      renderReporterJs: () => Promise<string>;
      REPORTER_JS: URL;
    };
    expect(
      readFileSync(REPORTER_JS, 'utf8'),
      'resources/reporter/creditbar-report.js is out of date: run `npm run reporter` and commit it',
    ).toBe(await renderReporterJs());
  });

  it('runs as plain JavaScript in Node, with no loader and no dependency', async () => {
    const file = dir.file('node-app.mjs');
    writeFileSync(file, appSource(reporterJs, c, 'node-app'));
    const r = await run(process.execPath, [file]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ sent: 3, queued: 0, inFlight: 0, invalid: 0 });
    const mine = (await storedEvents(c)).filter((e) => e.app === 'node-app');
    expect(mine.map((e) => e.action).sort()).toEqual(['file', 'llm', 'pdf']);
  });

  it('type-checks and runs in Deno, the runtime of Base44 backend functions, allowed only the collector', async () => {
    const env = { DENO_DIR: dir.file('deno-cache'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };
    const check = await run(
      DENO,
      ['check', '--quiet', resolve(REPO, 'resources/reporter/creditbar-report.ts')],
      env,
    );
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    const file = dir.file('deno-app.ts');
    writeFileSync(file, appSource(reporterTs, c, 'deno-app'));
    const host = new URL(c.server.url).host;
    const r = await run(DENO, ['run', '--quiet', '--no-prompt', `--allow-net=${host}`, file], env);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ sent: 3, queued: 0, inFlight: 0, invalid: 0 });
    const mine = (await storedEvents(c)).filter((e) => e.app === 'deno-app');
    expect(mine).toHaveLength(3);
  }, 90_000);

  it('runs the Base44 recipe helpers in Deno: creditsCharged reported as charged, the rest priced by the catalog', async () => {
    const env = { DENO_DIR: dir.file('deno-cache'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };
    const recipe = resolve(REPO, 'resources/reporter/recipes/base44-metered.ts');
    const check = await run(DENO, ['check', '--quiet', recipe], env);
    expect(check.stderr).toBe('');
    const file = dir.file('deno-recipe.ts');
    // Base44 cannot be reached from here: stand-ins shaped as the SDK documents its answers.
    writeFileSync(
      file,
      `import { createReporter } from ${JSON.stringify(reporterTs)};
import { callMetered, invokeLLMReported } from ${JSON.stringify(pathToFileURL(recipe).href)};
const reporter = createReporter({ url: ${JSON.stringify(c.server.url)}, token: ${JSON.stringify(c.ingest)}, workspaceId: 'support', app: 'recipe' });
const connectors = {
  callApi: async (type: string) => {
    if (type === 'slack') return { success: true, status: 200, data: {}, headers: {}, creditsCharged: 2 };
    if (type === 'x') return { success: false, status: 502, data: { error: 'upstream' }, headers: {} };
    throw new Error('Base44: no connection for ' + type);
  },
};
const core = { InvokeLLM: async () => 'a'.repeat(6004) };
await callMetered(connectors, reporter, 'ana', 'slack', { method: 'POST', path: '/api/chat.postMessage' });
await callMetered(connectors, reporter, 'ana', 'x', { method: 'POST', path: '/2/tweets' });
await callMetered(connectors, reporter, 'ana', 'github', { method: 'GET', path: '/user' }).catch(() => {});
await invokeLLMReported(core, reporter, 'ana', { prompt: 'p'.repeat(2000) });
console.log(JSON.stringify(await reporter.close()));
`,
    );
    const host = new URL(c.server.url).host;
    const r = await run(DENO, ['run', '--quiet', '--no-prompt', `--allow-net=${host}`, file], env);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ sent: 3, invalid: 0 });
    const mine = (await storedEvents(c)).filter((e) => e.app === 'recipe');
    expect(mine.map(({ action, credits, units }) => ({ action, credits, units }))).toEqual([
      { action: 'integration:slack', credits: 2, units: undefined },
      // A provider error Base44 billed without saying how much: reported, priced by the catalog.
      { action: 'integration:x', credits: undefined, units: undefined },
      // (2,000 prompt + 6,004 answer characters) / 4 = 2,001 estimated tokens.
      { action: 'llm', credits: undefined, units: 2001 },
    ]);
    expect(mine[2]!.inputHash).toMatch(/^[0-9a-f]{24}$/);
    const balance = balanceSchema.parse(
      (await call(c.server, '/v1/workspaces/support/balance', { token: c.read })).body,
    );
    // By hand: 2 charged + 1 (an integration call, catalog) + 2 (an LLM call of 2,001 tokens: the
    // band over 2,000 and up to 8,000) = 5, with the other tests' events of other apps on top.
    const recipeCredits = balance.pools[0]!.byApp.recipe;
    expect(recipeCredits).toBe(5);
  }, 90_000);
});
