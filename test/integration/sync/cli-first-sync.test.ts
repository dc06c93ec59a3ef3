import { existsSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../src-main/cache/cache';
import { evaluateCache } from '../../../src-main/cache/evaluate-cache';
import { tempDir } from '../../fixtures/temp-dir';
import { recentLedger, runCliWith, serverWith, spawnCli, sync } from './sync-helpers';

const ledger = recentLedger(10);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function folder() {
  const dir = tempDir('creditbar-first-sync-');
  cleanups.push(dir.cleanup);
  return dir;
}

/** A server that was listening and is not any more: its port refuses connections. */
async function closedServerUrl(): Promise<string> {
  const s = await serverWith({ ...ledger, events: [] });
  await s.server.close();
  return s.server.url;
}

const syncArgs = (url: string, file: string) => [
  'sync',
  '--server',
  url,
  '--token-env',
  'ACME_TOKEN',
  '--db',
  file,
];

describe('creditbar sync leaves no new file when the first sync fails', () => {
  it('an unreachable server: a clear message, exit 1, and no cache file', async () => {
    const dir = folder();
    const url = await closedServerUrl();
    const run = await runCliWith(syncArgs(url, dir.file()), { ACME_TOKEN: 'cb_any-token-0000' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^creditbar: cannot reach .*ECONNREFUSED/);
    expect(readdirSync(dir.dir)).toEqual([]);
  });

  it('an ingest (write-only) token: one sentence saying so, exit 1, and no cache file', async () => {
    const s = await serverWith(ledger);
    cleanups.push(() => s.server.close());
    const ingest = s.server.admin.createToken(s.accountId, {
      scope: 'ingest',
      workspaceId: ledger.workspaces[0]!.id,
    });
    const dir = folder();
    const run = await runCliWith(syncArgs(s.server.url, dir.file()), { ACME_TOKEN: ingest });
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr).toMatch(
      /^creditbar: the server refused this token for reading \(403: This token is write-only .*\): check the token in the environment variable ACME_TOKEN \(--token-env\)\n$/,
    );
    expect(run.stderr).not.toContain(ingest);
    expect(readdirSync(dir.dir)).toEqual([]);
  });

  it('a refused token: the CLI names the environment variable, exit 1, and no cache file', async () => {
    const s = await serverWith(ledger);
    cleanups.push(() => s.server.close());
    const dir = folder();
    const run = await runCliWith(syncArgs(s.server.url, dir.file()), { ACME_TOKEN: 'cb_wrong-token-0000' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'creditbar: the server refused the token (401): check the token in the environment variable ACME_TOKEN (--token-env)\n',
    );
    expect(run.stderr).not.toMatch(/Settings/);
    expect(readdirSync(dir.dir)).toEqual([]);
  });

  // The address copied with the API's prefix was answered "the health check is not on the server
  // (404): it may have been removed or belong to another account": nothing was removed.
  it('a server address with /v1: one sentence saying to give the address alone, and no cache file', async () => {
    const s = await serverWith(ledger);
    cleanups.push(() => s.server.close());
    const dir = folder();
    const run = await runCliWith(syncArgs(`${s.server.url}/v1`, dir.file()), { ACME_TOKEN: s.token });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `creditbar: no Creditbar account API answers at ${s.server.url}/v1 (404 on /v1/health): give the server's address alone, without a path such as /v1, e.g. https://credits.example.com\n`,
    );
    expect(readdirSync(dir.dir)).toEqual([]);
  });

  it('an existing cache is kept, its data unchanged, when a later sync fails', async () => {
    const s = await serverWith(ledger);
    cleanups.push(() => s.server.close());
    const dir = folder();
    const file = dir.file();
    const filled = openCache(file);
    const first = await sync(filled, s.server.url, s.token);
    filled.close();
    expect(first.errors).toEqual([]);
    const asOf = Date.now();
    const read = () => {
      const cache = openCache(file);
      try {
        return { events: cache.read.events.count(), balance: evaluateCache(cache, { asOf }) };
      } finally {
        cache.close();
      }
    };
    const before = read();
    expect(before.events).toBeGreaterThan(0);

    const refused = await runCliWith(syncArgs(s.server.url, file), { ACME_TOKEN: 'cb_wrong-token-0000' });
    expect(refused.code).toBe(1);
    const offline = await runCliWith(syncArgs(await closedServerUrl(), file), { ACME_TOKEN: s.token });
    expect(offline.code).toBe(1);
    expect(existsSync(file)).toBe(true);
    expect(read()).toEqual(before);
  }, 60_000);

  it('a first sync cancelled after storing pages keeps them, and the next sync resumes', async () => {
    const s = await serverWith(ledger);
    cleanups.push(() => s.server.close());
    const dir = folder();
    const file = dir.file();
    s.server.setFaults({ slow: 1, slowMs: 60 });
    const { child, done } = spawnCli([...syncArgs(s.server.url, file), '--page-size', '50', '--progress'], {
      ACME_TOKEN: s.token,
    });
    // Readiness signal: a progress line is printed once a page is committed.
    await new Promise<void>((resolve, reject) => {
      child.stderr!.on('data', (chunk: string) => chunk.includes('syncing ') && resolve());
      child.on('close', () => reject(new Error('the sync ended before it could be cancelled')));
    });
    child.kill('SIGINT');
    const run = await done;
    expect(run.code).toBe(130);
    s.server.setFaults(null);
    const cache = openCache(file);
    cleanups.push(() => cache.close());
    const stored = cache.read.events.count();
    expect(stored).toBeGreaterThan(0);
    cache.close();
    const rest = await runCliWith(syncArgs(s.server.url, file), { ACME_TOKEN: s.token });
    expect(rest.code).toBe(0);
    expect(rest.stdout).toMatch(/balances match the server/);
  }, 60_000);
});
