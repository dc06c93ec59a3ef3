import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { startServer, type RunningServer, type StartServerOptions } from '../../../src-server/start-server';
import type { Ledger } from '../../../src-shared/types/ledger';
import type { Millis } from '../../../src-shared/time/instant';
import { openCache, type Cache } from '../../../src-main/cache/cache';
import { createApiClient, type ApiClientOptions, type RetryNotice } from '../../../src-main/sync/api-client';
import { syncAccount, type SyncDeps, type SyncSummary } from '../../../src-main/sync/sync-account';
import { multiMonthLedger } from '../../fixtures/multi-month';
import { tempDir } from '../../fixtures/temp-dir';

const BIN = resolve(import.meta.dirname, '../../../bin/creditbar');

/** A ledger of the last few months up to the end of this one, so that "now" falls inside it. */
export function recentLedger(perDay = 40, now = Date.now()): Ledger {
  const d = new Date(now);
  return multiMonthLedger({ from: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 3, 1), months: 4, perDay });
}

export interface TestServer {
  server: RunningServer;
  token: string;
  accountId: number;
}

/** The reference server on an ephemeral loopback port, with one account holding `ledger`. */
export async function serverWith(ledger: Ledger, options: StartServerOptions = {}): Promise<TestServer> {
  const server = await startServer(options);
  const { accountId, token } = server.admin.createAccount('acme');
  server.admin.importLedger(accountId, ledger);
  return { server, token, accountId };
}

/** A server holding `ledger` and a temp cache, both removed by the cleanups the test runs afterwards. */
export async function serverAndCache(
  ledger: Ledger,
  cleanups: (() => Promise<void> | void)[],
): Promise<TestServer & ReturnType<typeof testCache>> {
  const s = await serverWith(ledger);
  cleanups.push(() => s.server.close());
  const c = testCache();
  cleanups.push(c.cleanup);
  return { ...s, ...c };
}

/** How many events the server holds over the ledger's workspaces. */
export async function totalOnServer(t: TestServer, ledger: Ledger): Promise<number> {
  let n = 0;
  for (const w of ledger.workspaces) n += await serverEventCount(t.server.url, t.token, w.id);
  return n;
}

/** A clock that only moves when the code under test sleeps: backoff is asserted without waiting. */
export function fakeTime(start = Date.now()) {
  let t = start;
  const delays: Millis[] = [];
  return {
    now: () => t,
    delays,
    sleep: async (ms: Millis) => {
      delays.push(ms);
      t += ms;
    },
  };
}

/** A temp cache file per test, closed and removed by `cleanup`. */
export function testCache(now: () => Millis = Date.now): {
  cache: Cache;
  file: string;
  reopen: () => Cache;
  cleanup: () => void;
} {
  const dir = tempDir('creditbar-sync-');
  const file = dir.file();
  const opened: Cache[] = [openCache(file, { now })];
  return {
    cache: opened[0]!,
    file,
    reopen: () => {
      const c = openCache(file, { now });
      opened.push(c);
      return c;
    },
    cleanup: () => {
      for (const c of opened) if (c.db.open) c.close();
      dir.cleanup();
    },
  };
}

/** Syncs `url` into `cache` with the real client; options tune retries, clock and pages. */
export function sync(
  cache: Cache,
  url: string,
  token: string,
  options: Partial<Omit<SyncDeps, 'cache' | 'api'>> &
    Partial<Pick<ApiClientOptions, 'sleep' | 'random' | 'retry' | 'timeoutMs' | 'deadline'>> & {
      retries?: RetryNotice[];
    } = {},
): Promise<SyncSummary> {
  const now = options.now ?? Date.now;
  const api = createApiClient({
    baseUrl: url,
    token,
    now,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.random ? { random: options.random } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
    onRetry: (n) => options.retries?.push(n),
  });
  const { sleep: _s, random: _r, retry: _rt, timeoutMs: _t, deadline: _d, retries: _n, ...deps } = options;
  return syncAccount({ id: 'acme', label: 'Acme', serverUrl: url }, { ...deps, cache, api, now });
}

/** How many events the server holds for a workspace (paging with the real client, nothing stored). */
export async function serverEventCount(url: string, token: string, workspaceId: string): Promise<number> {
  const api = createApiClient({ baseUrl: url, token });
  let cursor: string | null = null;
  let n = 0;
  for (;;) {
    const page = await api.usage(workspaceId, { cursor, limit: 5000 });
    n += page.events.length;
    cursor = page.nextCursor;
    if (!page.hasMore) return n;
  }
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts bin/creditbar as a child process with extra environment variables. */
export function spawnCli(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<CliRun>((resolveRun) =>
    child.on('close', (code, signal) => resolveRun({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

/** Runs bin/creditbar to the end. */
export function runCliWith(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return spawnCli(args, env).done;
}
