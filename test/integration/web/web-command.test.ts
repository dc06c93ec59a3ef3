import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../src-shared/ipc/snapshot';
import type { InvokeResult } from '../../../src-shared/ipc/invoke-result';
import type { RunningServer } from '../../../src-server/start-server';
import { tempDir } from '../../fixtures/temp-dir';
import { recentLedger, serverWith } from '../sync/sync-helpers';
import { fakeRendererDir, invoke, send } from './web-fixture';

// `creditbar web` as a user runs it (issue 16 and issue 10 §7): a broken settings file or an unsafe
// key folder is one sentence and creates nothing; an account added in browser mode keeps its token
// across a restart (encrypted, the key outside the data folder); where the token is gone, the
// account says "token needed" and "Sync now" says why it cannot sync.

const BIN = resolve(import.meta.dirname, '../../../bin/creditbar');

interface Web {
  child: ChildProcess;
  port: number;
  cookie: string;
  out: () => string;
  stop(): Promise<void>;
}

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: 'pipe' });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((done) => child.on('close', (code) => done({ code, stderr })));
}

/** Starts `creditbar web` and logs in with the printed URL, as the browser does. */
async function startWeb(dataDir: string, keyDir: string, rendererDir: string): Promise<Web> {
  const child = spawn(
    process.execPath,
    [BIN, 'web', '--data', dataDir, '--port', '0', '--renderer', rendererDir, '--test-hooks'],
    { env: { ...process.env, CREDITBAR_KEY_DIR: keyDir }, stdio: 'pipe' },
  );
  let out = '';
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const url = await new Promise<URL>((done, fail) => {
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /open\s+(http\S+)/.exec(out);
      if (m) done(new URL(m[1]!));
    });
    child.on('exit', () => fail(new Error(`creditbar web exited: ${err}`)));
  });
  const port = Number(url.port);
  const login = await send({ port }, { path: `${url.pathname}${url.search}` });
  const cookie = [login.headers['set-cookie'] ?? []].flat()[0]!.split(';')[0]!;
  return {
    child,
    port,
    cookie,
    out: () => out,
    stop: () =>
      new Promise<void>((done) => {
        child.on('close', () => done());
        child.stdin!.write('quit\n');
      }),
  };
}

async function call<T>(web: Web, channel: string, payload?: unknown): Promise<InvokeResult<T>> {
  const r = await invoke({ port: web.port }, channel, { cookie: web.cookie, payload });
  return r.json() as InvokeResult<T>;
}

describe('creditbar web', { timeout: 120_000 }, () => {
  let root: ReturnType<typeof tempDir>;
  let rendererDir: string;
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    root = tempDir('creditbar-web-command-');
    rendererDir = fakeRendererDir(root.dir);
    // A small account (two workspaces, a few events a day): each start of the app syncs it.
    ({ server, token } = await serverWith(recentLedger(4)));
  });
  afterAll(async () => {
    await server.close();
    root.cleanup();
  });

  it('with a broken settings.json says so in one line, exits 1, and creates nothing', async () => {
    const data = join(root.dir, 'broken');
    mkdirSync(data);
    writeFileSync(join(data, 'settings.json'), '{"version": 1, "accounts": [');
    const r = await run(['web', '--data', data, '--renderer', rendererDir], {
      CREDITBAR_KEY_DIR: join(root.dir, 'keys-broken'),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `creditbar: web: the settings file ${join(data, 'settings.json')} is not valid JSON (unexpected end of file at line 1 column 29): fix it, or move it away to start with the defaults\n`,
    );
    expect(readdirSync(data)).toEqual(['settings.json']);
  });

  it('refuses a key folder other users can read, in one line, before creating the data folder', async () => {
    const keys = join(root.dir, 'keys-open');
    mkdirSync(keys, { mode: 0o755 });
    chmodSync(keys, 0o755);
    const data = join(root.dir, 'never-made');
    const r = await run(['web', '--data', data, '--renderer', rendererDir], { CREDITBAR_KEY_DIR: keys });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `creditbar: web: ${keys} is open to other users (mode 755): run "chmod 700 ${keys}" and start again\n`,
    );
    expect(readdirSync(root.dir)).not.toContain('never-made');
  });

  it('keeps an account added in browser mode across a restart; without its token it says "token needed"', async () => {
    const data = join(root.dir, 'data');
    const keys = join(root.dir, 'keys');
    let web = await startWeb(data, keys, rendererDir);
    expect(web.out()).toContain(
      `tokens        encrypted in ${join(data, 'tokens.json')}, the key in ${keys}`,
    );
    const added = await call<{ id: string }>(web, 'accounts:add', {
      label: 'Acme',
      serverUrl: server.url,
      token,
    });
    expect(added.ok).toBe(true);
    const id = (added as { ok: true; value: { id: string } }).value.id;
    // The token is on disk, encrypted: not in the clear, not in settings, and the key is elsewhere.
    expect(readFileSync(join(data, 'tokens.json'), 'utf8')).not.toContain(token);
    expect(readFileSync(join(data, 'settings.json'), 'utf8')).not.toContain(token);
    expect(readdirSync(keys)).toEqual(['secret.key']);
    await web.stop();

    web = await startWeb(data, keys, rendererDir);
    const waitFor = async (ok: (s: Snapshot) => boolean): Promise<Snapshot> => {
      for (let i = 0; i < 200; i++) {
        const r = await call<Snapshot>(web, 'snapshot:get');
        if (r.ok && ok(r.value)) return r.value;
        await new Promise((t) => setTimeout(t, 100));
      }
      throw new Error('the snapshot never got there');
    };
    const restarted = await waitFor((s) => s.sync.lastSuccessAt !== null && !s.sync.running);
    expect(restarted.accounts).toEqual([{ id, label: 'Acme', token: 'stored', message: null }]);
    expect(restarted.workspaces.map((w) => w.id).sort()).toEqual(['b44', 'zite-pro']);
    await web.stop();

    // The token file is gone (a copied data folder, a lost file): the account asks for its token.
    rmSync(join(data, 'tokens.json'));
    web = await startWeb(data, keys, rendererDir);
    const missing = await waitFor((s) => s.accounts?.[0]?.token === 'missing');
    expect(missing.accounts![0]!.message).toBe(
      'Acme needs its API token: it is not stored on this computer (enter it in Settings › Accounts)',
    );
    expect(await call(web, 'sync:now')).toEqual({
      ok: true,
      value: {
        started: false,
        reason:
          'Nothing to sync: Acme needs its API token: it is not stored on this computer (enter it in Settings › Accounts).',
      },
    });
    // Entering it again (tested against the server first) stores it and syncs.
    expect((await call(web, 'accounts:set-token', { id, token: 'cb_wrong-token-000000' })).ok).toBe(false);
    expect((await call(web, 'accounts:set-token', { id, token })).ok).toBe(true);
    const back = await waitFor((s) => s.accounts?.[0]?.token === 'stored');
    expect(back.accounts![0]!.message).toBeNull();
    await web.stop();
  });
});
