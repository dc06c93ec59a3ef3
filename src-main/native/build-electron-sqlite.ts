import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  BINDING_FILE,
  ELECTRON_SQLITE_DIR,
  MANIFEST_FILE,
  type ElectronSqliteManifest,
} from './electron-sqlite-binding';
import { electronBinaryStatus } from './electron-binary';
import { readSqliteManifest } from './read-sqlite-manifest';

export type RunResult = { ok: boolean; output: string };

export interface BuildDeps {
  projectRoot: string;
  platform: string;
  arch: string;
  env: NodeJS.ProcessEnv;
  /** Build even when the Electron binary is absent (`npm run native:electron -- --force`). */
  force: boolean;
  log(line: string): void;
  /** Runs `node script args` (injected so tests need no network). */
  runNode(
    script: string,
    args: string[],
    options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
  ): RunResult;
  now(): Date;
}

export type BuildOutcome = 'skipped' | 'up-to-date' | 'built' | 'failed';

const PREFIX = 'better-sqlite3 for Electron';

/** npm passes its config to scripts as npm_config_*; these would point node-gyp at Node's headers (nodedir) or another target. */
const NPM_BUILD_KEYS = [
  'nodedir',
  'runtime',
  'target',
  'target_arch',
  'disturl',
  'dist_url',
  'build_from_source',
  'arch',
  'platform',
];

function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean = { ...env };
  for (const key of Object.keys(clean)) {
    if (NPM_BUILD_KEYS.some((k) => key.toLowerCase() === `npm_config_${k}`)) delete clean[key];
  }
  return clean;
}

function nodeGypScript(projectRoot: string, env: NodeJS.ProcessEnv): string | null {
  const candidates = [
    env['npm_config_node_gyp'],
    env['npm_execpath']
      ? join(dirname(env['npm_execpath']), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
      : undefined,
    join(projectRoot, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((c): c is string => !!c && existsSync(c)) ?? null;
}

/** The most telling line of a failed tool's output: a network error if there is one, else the last line. */
export function failureReason(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const network = lines.find((l) =>
    /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|\b40[34]\b/.test(l),
  );
  if (!network && lines.some((l) => l.includes('network connectivity'))) return 'network unreachable';
  return (network ?? lines.at(-1) ?? 'no output')
    .replace(/^(prebuild-install|gyp) (warn|ERR!)( \w+)? /, '')
    .slice(0, 160);
}

/**
 * Makes the Electron-ABI copy of better-sqlite3 (see electron-sqlite-binding.ts): a prebuilt binary
 * through prebuild-install, else a compile against Electron's headers with node-gyp, in a temporary
 * copy of the package so the Node build is never touched. Offline, or where Electron's binary is not
 * installed, it says so in one line and succeeds: installs and Node tests must pass everywhere.
 */
export function buildElectronSqlite(deps: BuildDeps): BuildOutcome {
  const { projectRoot, env, log } = deps;
  if (env['CREDITBAR_SKIP_ELECTRON_SQLITE']) {
    log(`${PREFIX}: skipped (CREDITBAR_SKIP_ELECTRON_SQLITE is set).`);
    return 'skipped';
  }
  const electron = electronBinaryStatus(projectRoot, env);
  if (!electron.version || (!electron.installed && !deps.force)) {
    log(
      `${PREFIX}: skipped (Electron's binary is not installed here, so nothing would load it; Node uses the regular build).`,
    );
    return 'skipped';
  }
  const packageDir = join(projectRoot, 'node_modules', 'better-sqlite3');
  const betterSqlite3 = (
    JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const outDir = join(projectRoot, ELECTRON_SQLITE_DIR);
  const current = readSqliteManifest(join(outDir, MANIFEST_FILE));
  if (
    current &&
    current.electron === electron.version &&
    current.platform === deps.platform &&
    current.arch === deps.arch &&
    current.betterSqlite3 === betterSqlite3 &&
    existsSync(join(outDir, BINDING_FILE))
  ) {
    log(`${PREFIX} ${electron.version}: up to date.`);
    return 'up-to-date';
  }

  const work = mkdtempSync(join(tmpdir(), 'creditbar-sqlite-'));
  try {
    for (const entry of ['package.json', 'binding.gyp', 'src', 'deps']) {
      if (existsSync(join(packageDir, entry)))
        cpSync(join(packageDir, entry), join(work, entry), { recursive: true });
    }
    const env2 = childEnv(env);
    const target = ['--runtime=electron', `--target=${electron.version}`, `--arch=${deps.arch}`];
    const built = join(work, 'build', 'Release', BINDING_FILE);
    const attempts: string[] = [];
    let source: ElectronSqliteManifest['source'] | null = null;

    const prebuild = createRequire(join(packageDir, 'package.json')).resolve('prebuild-install/bin.js');
    const fetched = deps.runNode(prebuild, [...target, `--platform=${deps.platform}`], {
      cwd: work,
      env: env2,
      timeoutMs: 120_000,
    });
    if (fetched.ok && existsSync(built)) source = 'prebuild-install';
    else attempts.push(`prebuilt binary: ${failureReason(fetched.output)}`);

    const gyp = source ? null : nodeGypScript(projectRoot, env);
    if (!source && gyp) {
      const compiled = deps.runNode(
        gyp,
        ['rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers'],
        { cwd: work, env: env2, timeoutMs: 15 * 60_000 },
      );
      if (compiled.ok && existsSync(built)) source = 'node-gyp';
      else attempts.push(`headers: ${failureReason(compiled.output)}`);
    } else if (!source) attempts.push('node-gyp not found');

    if (!source) {
      log(
        `${PREFIX} ${electron.version}: not built (${attempts.join('; ')}). Node tests are unaffected; run \`npm run native:electron\` once online to use \`npm start\`.`,
      );
      return 'failed';
    }
    mkdirSync(outDir, { recursive: true });
    copyFileSync(built, join(outDir, BINDING_FILE));
    const manifest: ElectronSqliteManifest = {
      electron: electron.version,
      platform: deps.platform,
      arch: deps.arch,
      betterSqlite3,
      source,
      builtAt: deps.now().toISOString(),
    };
    writeFileSync(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    log(
      `${PREFIX} ${electron.version}: ready (${source === 'prebuild-install' ? 'prebuilt binary' : 'compiled against Electron headers'}).`,
    );
    return 'built';
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The real process runner: `node script args` with a timeout, output captured. */
export function runNodeScript(
  script: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): RunResult {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd: options.cwd,
    env: options.env,
    timeout: options.timeoutMs,
    encoding: 'utf8',
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`;
  return { ok: result.status === 0, output };
}
