import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildElectronSqlite,
  failureReason,
  type BuildDeps,
  type RunResult,
} from '../../../src-main/native/build-electron-sqlite';
import { NO_ELECTRON_MESSAGE, electronStartProblem } from '../../../src-main/native/check-electron-start';
import { resolveSqliteBinding } from '../../../src-main/native/electron-sqlite-binding';
import { readSqliteManifest } from '../../../src-main/native/read-sqlite-manifest';

const repo = join(import.meta.dirname, '../../..');
const nodeBuild = join(repo, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const roots: string[] = [];

/** A checkout with better-sqlite3 (sources only) and electron 41.7.1, its binary present or not. */
function fakeCheckout(withBinary: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'creditbar-native-'));
  roots.push(root);
  const bs = join(root, 'node_modules/better-sqlite3');
  mkdirSync(join(bs, 'src'), { recursive: true });
  writeFileSync(join(bs, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
  writeFileSync(join(bs, 'binding.gyp'), '{}');
  // prebuild-install is resolved from better-sqlite3's folder; point it at the real one.
  mkdirSync(join(bs, 'node_modules/prebuild-install'), { recursive: true });
  writeFileSync(
    join(bs, 'node_modules/prebuild-install/package.json'),
    JSON.stringify({ name: 'prebuild-install', main: 'bin.js' }),
  );
  writeFileSync(join(bs, 'node_modules/prebuild-install/bin.js'), '');
  const el = join(root, 'node_modules/electron');
  mkdirSync(join(el, 'dist'), { recursive: true });
  writeFileSync(join(el, 'package.json'), JSON.stringify({ name: 'electron', version: '41.7.1' }));
  if (withBinary) {
    writeFileSync(join(el, 'path.txt'), 'electron');
    writeFileSync(join(el, 'dist/electron'), '');
  }
  return root;
}

function deps(
  root: string,
  run: (script: string, args: string[], cwd: string) => RunResult,
  log: string[] = [],
): BuildDeps {
  return {
    projectRoot: root,
    platform: 'linux',
    arch: 'x64',
    env: { npm_config_nodedir: '/usr', PATH: process.env['PATH'] },
    force: false,
    log: (line) => log.push(line),
    runNode: (script, args, options) => {
      expect(options.env['npm_config_nodedir']).toBeUndefined();
      return run(script, args, options.cwd);
    },
    now: () => new Date('2026-11-20T12:00:00Z'),
  };
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('buildElectronSqlite', () => {
  it('skips in one line where Electrons binary is not installed (this machine, CI)', () => {
    const log: string[] = [];
    const root = fakeCheckout(false);
    expect(buildElectronSqlite(deps(root, () => ({ ok: false, output: '' }), log))).toBe('skipped');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/skipped/);
  });

  it('offline: tries the prebuilt binary, then the headers, says so in one line, never throws', () => {
    const log: string[] = [];
    const tried: string[] = [];
    const root = fakeCheckout(true);
    const outcome = buildElectronSqlite({
      ...deps(
        root,
        (_script, args) => {
          tried.push(args.join(' '));
          return { ok: false, output: 'prebuild-install warn install getaddrinfo ENOTFOUND github.com' };
        },
        log,
      ),
      env: { npm_config_nodedir: '/usr', npm_config_node_gyp: join(repo, 'package.json') },
    });
    expect(outcome).toBe('failed');
    expect(tried).toEqual([
      '--runtime=electron --target=41.7.1 --arch=x64 --platform=linux',
      'rebuild --release --runtime=electron --target=41.7.1 --arch=x64 --dist-url=https://electronjs.org/headers',
    ]);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/not built \(prebuilt binary: getaddrinfo ENOTFOUND github.com/);
    expect(existsSync(join(root, 'node_modules/.cache/creditbar/electron-sqlite'))).toBe(false);
  });

  it('online: stores the built copy beside the Node build with its manifest, then is up to date', () => {
    const root = fakeCheckout(true);
    const run = (_script: string, _args: string[], cwd: string) => {
      mkdirSync(join(cwd, 'build/Release'), { recursive: true });
      writeFileSync(join(cwd, 'build/Release/better_sqlite3.node'), 'electron build');
      return { ok: true, output: '' };
    };
    expect(buildElectronSqlite(deps(root, run))).toBe('built');
    const dir = join(root, 'node_modules/.cache/creditbar/electron-sqlite');
    expect(readFileSync(join(dir, 'better_sqlite3.node'), 'utf8')).toBe('electron build');
    expect(readSqliteManifest(join(dir, 'manifest.json'))).toMatchObject({
      electron: '41.7.1',
      platform: 'linux',
      arch: 'x64',
      betterSqlite3: '12.11.1',
      source: 'prebuild-install',
    });
    expect(buildElectronSqlite(deps(root, () => ({ ok: false, output: 'should not run' })))).toBe(
      'up-to-date',
    );
    expect(electronStartProblem(root, {}, 'linux', 'x64')).toBeNull();
  });

  it('explains network failures in a few words', () => {
    expect(
      failureReason(
        'gyp info\ngyp ERR! stack is related to network connectivity. In most cases\ngyp ERR! not ok',
      ),
    ).toBe('network unreachable');
    expect(failureReason('a\nprebuild-install warn install getaddrinfo ENOTFOUND github.com\nb')).toBe(
      'getaddrinfo ENOTFOUND github.com',
    );
  });
});

describe('npm start check', () => {
  it('says in one line that Electron cannot run here, pointing to the browser mode', () => {
    expect(electronStartProblem(fakeCheckout(false), {}, 'linux', 'x64')).toBe(NO_ELECTRON_MESSAGE);
  });

  it('asks for the Electron build of better-sqlite3 when only that is missing', () => {
    expect(electronStartProblem(fakeCheckout(true), {}, 'linux', 'x64')).toMatch(/npm run native:electron/);
  });
});

describe('two builds, selected by nativeBinding', () => {
  it('opens a database through a copy outside node_modules/better-sqlite3 (the Electron path), next to the default one', () => {
    const root = mkdtempSync(join(tmpdir(), 'creditbar-binding-'));
    roots.push(root);
    const dir = join(root, 'node_modules/.cache/creditbar/electron-sqlite');
    mkdirSync(dir, { recursive: true });
    // Under Node the "Electron" copy is the Node build: what is tested is the selection, not the ABI.
    copyFileSync(nodeBuild, join(dir, 'better_sqlite3.node'));
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        electron: '41.7.1',
        platform: process.platform,
        arch: process.arch,
        betterSqlite3: '12.11.1',
        source: 'node-gyp',
        builtAt: '',
      }),
    );
    const options = resolveSqliteBinding({
      electronVersion: '41.7.1',
      platform: process.platform,
      arch: process.arch,
      packaged: false,
      projectRoot: root,
      readManifest: readSqliteManifest,
    });
    expect(options.nativeBinding).toBe(join(dir, 'better_sqlite3.node'));
    const viaCopy = new Database(':memory:', options);
    const viaDefault = new Database(':memory:');
    expect(viaCopy.prepare('select 40 + 2 as answer').get()).toEqual({ answer: 42 });
    expect(viaDefault.prepare('select sqlite_version() as v').get()).toEqual(
      viaCopy.prepare('select sqlite_version() as v').get(),
    );
    viaCopy.close();
    viaDefault.close();
    expect(createRequire(import.meta.url).resolve('better-sqlite3')).toContain('node_modules/better-sqlite3');
  });
});
