import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** A long-running child process of ours (bin/creditbar web, bin/creditbar-server) and what it printed. */
export interface ChildTool {
  /** Everything it wrote on stdout so far. */
  output(): string;
  /** Resolves with the first stdout line matching `pattern` (already written, or still to come). */
  line(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Writes one line to its stdin. */
  send(line: string): void;
  stop(): Promise<void>;
}

/** Starts `bin/<name> args...` with piped streams. */
export function startTool(
  name: 'creditbar' | 'creditbar-server',
  args: string[],
  env: Record<string, string> = {},
): ChildTool {
  const child = spawn(process.execPath, [join(ROOT, 'bin', name), ...args], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, ...env },
  });
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    for (const w of waiters) w();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return {
    output: () => out,
    line: (pattern, timeoutMs = 60_000) =>
      new Promise<string>((resolveLine, reject) => {
        const check = () => {
          const found = out.split('\n').find((l) => pattern.test(l));
          if (found === undefined) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolveLine(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `${name} never printed ${pattern} within ${timeoutMs} ms.\nstdout:\n${out}\nstderr:\n${err}`,
            ),
          );
        }, timeoutMs);
        void exited.then((code) => {
          if (!check())
            reject(
              new Error(
                `${name} exited (${code}) before printing ${pattern}.\nstdout:\n${out}\nstderr:\n${err}`,
              ),
            );
        });
        if (!check()) waiters.add(check);
      }),
    send: (line) => void child.stdin.write(`${line}\n`),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/** A running `creditbar web`: the app's services and the built UI on loopback. */
export interface WebApp {
  /** The session URL it printed (token included); it opens once, later pages reuse `session`. */
  url: string;
  /** The session cookie the first page got for the URL's token (a shared app's later pages use it). */
  session?: { name: string; value: string };
  dataDir: string;
  cacheFile: string;
  line: ChildTool['line'];
  /** Sends a test-hook command (see the web command: stop-demo, quit). */
  hook(command: 'stop-demo' | 'quit'): void;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Pass --demo: start straight into the demo (default true). */
  demo?: boolean;
}

/** Starts `bin/creditbar web --test-hooks` on a free port over a fresh data folder and waits for its URL. */
export async function startWebApp(options: StartOptions = {}): Promise<WebApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'creditbar-e2e-'));
  // The token key lives outside the data folder, as in real use (never in the user's ~/.config here).
  const keyDir = mkdtempSync(join(tmpdir(), 'creditbar-e2e-keys-'));
  const tool = startTool(
    'creditbar',
    ['web', '--data', dataDir, '--port', '0', '--test-hooks', ...(options.demo === false ? [] : ['--demo'])],
    { CREDITBAR_KEY_DIR: keyDir },
  );
  const url = (await tool.line(/^\s+open\s+http/)).trim().replace(/^open\s+/, '');
  return {
    url,
    dataDir,
    cacheFile: join(dataDir, 'cache.sqlite'),
    line: tool.line,
    hook: (command) => tool.send(command),
    async stop() {
      await tool.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}

/** Runs bin/creditbar to the end and returns its parsed --json output. */
export async function creditbarJson<T>(args: string[]): Promise<T> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/creditbar'), ...args, '--json'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const code = await new Promise<number | null>((r) => child.on('close', r));
  if (code !== 0) throw new Error(`creditbar ${args.join(' ')} exited ${code}: ${err}`);
  return JSON.parse(out) as T;
}

/** A reference server (bin/creditbar-server) over a ledger file, with a read token for its account. */
export interface LedgerServer {
  url: string;
  token: string;
  stop(): Promise<void>;
}

/** Imports a ledger file into a fresh server database and serves it on a free loopback port. */
export async function startLedgerServer(
  ledgerFile: string,
  serverDb: string,
  account: string,
): Promise<LedgerServer> {
  const importer = startTool('creditbar-server', [
    'import',
    ledgerFile,
    '--db',
    serverDb,
    '--account',
    account,
  ]);
  const token = (await importer.line(/token \S+/, 120_000)).match(/token (\S+)/)![1]!;
  await importer.stop();
  const server = startTool('creditbar-server', ['--db', serverDb, '--port', '0']);
  const url = (await server.line(/listening on/)).match(/(http:\/\/\S+)/)![1]!;
  return { url, token, stop: () => server.stop() };
}
