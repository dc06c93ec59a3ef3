import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../fixtures/temp-dir';
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
});
