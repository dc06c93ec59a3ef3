import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { tempDir } from '../../fixtures/temp-dir';
import { fakeRendererDir } from '../web/web-fixture';

// bin/creditbar bundles the evaluator and sync threads in the esbuild call that bundles the CLI: a
// thread then imports its ready bundle, as the app's threads do, instead of loading esbuild and
// bundling its own source (worker-spawn.ts sourceWorker). The folder lives as long as the process.

const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/creditbar');
const BUILT = join(ROOT, 'node_modules/.cache/creditbar-cli');
/** Where a thread started from source writes the bundle it makes of itself. */
const SELF_BUILT = join(ROOT, 'node_modules/.cache/creditbar-workers');

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const ofProcess = (dir: string, pid: number) =>
  existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith(`${pid}-`)) : [];

test('creditbar web starts its evaluator thread from the bundle built with the CLI, and deletes the folder when it stops; a folder of a process gone is deleted', async () => {
  const root = tempDir('creditbar-bin-threads-');
  cleanups.push(root.cleanup);
  // A folder left by a process that no longer runs (killed before its exit handler).
  const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
  const left = join(BUILT, `${gone}-1`);
  mkdirSync(left, { recursive: true });

  const data = join(root.dir, 'data');
  const child = spawn(
    process.execPath,
    [BIN, 'web', '--data', data, '--port', '0', '--renderer', fakeRendererDir(root.dir), '--test-hooks'],
    { env: { ...process.env, CREDITBAR_KEY_DIR: join(root.dir, 'keys') }, stdio: 'pipe' },
  );
  const exited = new Promise((done) => child.on('close', done));
  cleanups.push(() => child.kill());
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  // Readiness: the cache check the web command defers runs in the evaluator thread and is logged.
  const log = join(data, 'logs', 'creditbar.log');
  for (
    let i = 0;
    i < 600 && !(existsSync(log) && readFileSync(log, 'utf8').includes('"cache checked"'));
    i++
  ) {
    if (child.exitCode !== null) throw new Error(`creditbar web exited: ${err}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  expect(readFileSync(log, 'utf8')).toContain('"cache checked"');

  const mine = ofProcess(BUILT, child.pid!);
  expect(mine).toHaveLength(1);
  const folder = join(BUILT, mine[0]!);
  expect(readdirSync(folder)).toEqual(
    expect.arrayContaining(['cli.mjs', 'evaluator-worker.mjs', 'sync-worker.mjs']),
  );
  // The evaluator thread bundled nothing of its own.
  expect(ofProcess(SELF_BUILT, child.pid!)).toEqual([]);
  expect(existsSync(left)).toBe(false);

  child.stdin.write('quit\n');
  expect(await exited).toBe(0);
  expect(existsSync(folder)).toBe(false);
});

test("run as a program, bin/creditbar starts node with its first line's environment and flags: glibc's malloc thresholds and V8's semi-space limit", async () => {
  const root = tempDir('creditbar-bin-flags-');
  cleanups.push(root.cleanup);
  const child = spawn(
    BIN,
    [
      'web',
      '--data',
      join(root.dir, 'data'),
      '--port',
      '0',
      '--renderer',
      fakeRendererDir(root.dir),
      '--test-hooks',
    ],
    { env: { ...process.env, CREDITBAR_KEY_DIR: join(root.dir, 'keys') }, stdio: 'pipe' },
  );
  const exited = new Promise((done) => child.on('close', done));
  cleanups.push(() => child.kill());
  let out = '';
  await new Promise<void>((ready, fail) => {
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out.includes('Ctrl-C stops it.')) ready();
    });
    child.on('exit', (code) => fail(new Error(`creditbar web exited (${code})`)));
  });
  // `env -S` runs node in the same process: its command line and environment are the running CLI's.
  const args = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
  const env = readFileSync(`/proc/${child.pid}/environ`, 'utf8').split('\0');
  expect(args.slice(0, 3)).toEqual(['node', '--max-semi-space-size=2', BIN]);
  expect(env).toEqual(
    expect.arrayContaining(['MALLOC_MMAP_THRESHOLD_=131072', 'MALLOC_TRIM_THRESHOLD_=131072']),
  );
  child.stdin.write('quit\n');
  expect(await exited).toBe(0);
});
