import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../src-server/start-server';
import type { MessageBodyV1 } from '../../../src-main/delivery/message-body';
import { openCache } from '../../../src-main/cache/cache';
import { tempDir } from '../../fixtures/temp-dir';
import { startReceiver, type Receiver } from '../delivery/receiver';
import { runCli } from './run-cli';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A data folder (0700, as mkdtemp makes it) and a key folder outside it, both removed after the test. */
function folders() {
  const data = tempDir('creditbar-watch-');
  const keys = tempDir('creditbar-keys-');
  cleanups.push(
    () => data.cleanup(),
    () => keys.cleanup(),
  );
  return { dir: data.dir, env: { CREDITBAR_KEY_DIR: join(keys.dir, 'keys') } };
}

async function receiver(): Promise<Receiver> {
  const r = await startReceiver();
  cleanups.push(() => r.close());
  return r;
}

describe('creditbar watch, channel and account over a data folder', { timeout: 180_000 }, () => {
  it("watch --once --demo delivers the demo's alerts once; a second run delivers nothing new", async () => {
    const { dir, env } = folders();
    const r = await receiver();
    const added = await runCli(
      [
        'channel',
        'add',
        '--data',
        dir,
        '--kind',
        'webhook',
        '--url-env',
        'HOOK',
        '--label',
        'Team hook',
        '--json',
      ],
      { ...env, HOOK: r.url() },
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const channel = JSON.parse(added.stdout) as { id: string; alerts: string[] };

    const first = await runCli(['watch', '--data', dir, '--demo', '--once', '--json'], env);
    expect(first.stderr, first.stdout.slice(-2000)).toBe('');
    expect(first.code).toBe(0);
    const lines = first.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { message: string; context?: Record<string, unknown> });
    expect(lines[0]).toMatchObject({
      message: 'watch started',
      context: { mode: 'demo', channels: 1, once: true },
    });
    expect(lines.at(-1)?.message).toBe('demo server stopped');
    expect(lines.find((l) => l.message === 'watch done')?.context).toMatchObject({ undelivered: 0 });

    // Every alert the run raised, of the kinds the channel takes, reached the receiver, in one message.
    const cache = openCache(join(dir, 'cache.sqlite'));
    const raised = cache.alerts.list().filter((a) => channel.alerts.includes(a.kind));
    cache.close();
    expect(raised.length).toBeGreaterThan(0); // the demo has a pool past 50 % and one that ran dry
    expect(r.received).toHaveLength(1);
    const body = r.received[0]!.body as MessageBodyV1;
    expect(body.alerts.map((a) => a.key).sort()).toEqual(raised.map((a) => a.key).sort());
    expect(lines.filter((l) => l.message === 'alert raised')).toHaveLength(
      lines.find((l) => l.message === 'watch done')!.context!['alertsRaised'] as number,
    );

    // --once reads the demo as it stands: no live activity is added while it syncs, so a second run
    // sees the same usage (before, the simulator's ticks during a slow run could raise a new alert).
    const demoEvents = () => {
      const db = new Database(join(dir, 'demo-server.sqlite'), { readonly: true });
      try {
        return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const events = demoEvents();
    const second = await runCli(['watch', '--data', dir, '--demo', '--once'], env);
    expect(demoEvents()).toBe(events);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('watch done alertsRaised=0 undelivered=0');
    expect(r.received).toHaveLength(1);

    // Now that the folder has synced, a workspace it does not hold is a typo, refused in one line.
    const wrong = await runCli(
      ['channel', 'add', '--data', dir, '--kind', 'webhook', '--url', r.url(), '--workspace', 'zite-prod'],
      env,
    );
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(
      /^creditbar: channel add: --workspace "zite-prod" is not a workspace of .*; its workspaces are .*\bzite-pro\b.*\n$/,
    );
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).channels).toHaveLength(1);
  });

  it('account add tests the connection, keeps the token encrypted, and watch syncs the account', async () => {
    const { dir, env } = folders();
    const server: RunningServer = await startServer({});
    cleanups.push(() => server.close());
    const { token } = server.admin.createAccount('team');

    const refused = await runCli(
      ['account', 'add', '--data', dir, '--server', server.url, '--token-env', 'TOKEN'],
      { ...env, TOKEN: 'cb_not_a_real_token_123' },
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/^creditbar: account add: .*token/);

    const ok = await runCli(
      ['account', 'add', '--data', dir, '--server', server.url, '--token-env', 'TOKEN', '--label', 'Team'],
      {
        ...env,
        TOKEN: token,
      },
    );
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const settings = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as {
      accounts: { label: string; serverUrl: string }[];
    };
    expect(settings.accounts).toMatchObject([{ label: 'Team', serverUrl: server.url }]);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).not.toContain(token);
    expect(readFileSync(join(dir, 'tokens.json'), 'utf8')).not.toContain(token);

    const watched = await runCli(['watch', '--data', dir, '--once'], env);
    expect(watched.stderr).toBe('');
    expect(watched.code).toBe(0);
    expect(watched.stdout).toMatch(/ synced account=acc-[0-9a-f]{8} reason=manual received=0 /);
  });

  it('channel list shows the URL masked, test reaches the receiver, remove forgets it; the URL is never in the folder in the clear', async () => {
    const { dir, env } = folders();
    const r = await receiver();
    const url = r.url('/services/T0/B0/VERYSECRET');
    await runCli(
      ['channel', 'add', '--data', dir, '--kind', 'slack', '--url', url, '--label', 'Team #credits'],
      env,
    );
    const list = await runCli(['channel', 'list', '--data', dir], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/Team #credits +http:\/\/127\.0\.0\.1:\d+\/…CRET +threshold,exhausted/);
    expect(list.stdout).not.toContain('VERYSECRET');
    for (const file of ['settings.json', 'tokens.json', 'cache.sqlite'])
      expect(readFileSync(join(dir, file)).toString('latin1')).not.toContain('VERYSECRET');

    const id = /^(ch-[0-9a-f]{8})/m.exec(list.stdout)![1]!;
    const tested = await runCli(['channel', 'test', '--data', dir, id], env);
    expect(tested).toEqual({ code: 0, stdout: 'Sent a test message to "Team #credits".\n', stderr: '' });
    expect(r.received).toHaveLength(1);
    expect((r.received[0]!.body as { text: string }).text).toContain('Creditbar test message');

    const removed = await runCli(['channel', 'remove', '--data', dir, id], env);
    expect(removed.code).toBe(0);
    expect((await runCli(['channel', 'list', '--data', dir], env)).stdout).toBe(
      'No channels: add one with "creditbar channel add".\n',
    );
  });

  // It said "...: check the server address and your connection; the last synced data stays
  // available" of an account it had not saved and that never synced.
  it('account add to a server nobody answers at says the account was not added, and adds none', async () => {
    const { dir, env } = folders();
    const res = await runCli(
      ['account', 'add', '--data', dir, '--server', 'http://127.0.0.1:9', '--token-env', 'X'],
      { ...env, X: 'cb_token' },
    );
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(
      'creditbar: account add: Cannot reach http://127.0.0.1:9 (ECONNREFUSED): check the server address and your connection. The account was not added.\n',
    );
    const settings = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as { accounts?: unknown[] };
    expect(settings.accounts ?? []).toEqual([]);
  });

  it('refuses bad command lines and a folder other users can read, in one line each', async () => {
    const { dir, env } = folders();
    const cases: [string[], number, RegExp][] = [
      [['watch'], 2, /^creditbar: watch: missing --data DIR/],
      [
        ['watch', '--data', dir],
        1,
        /^creditbar: watch: nothing to watch in .*: add an account with "creditbar account add/,
      ],
      [
        ['channel', 'add', '--data', dir, '--kind', 'shell'],
        2,
        /^creditbar: channel add: command: a shell hook needs the command to run\n$/,
      ],
      [
        [
          'channel',
          'add',
          '--data',
          dir,
          '--kind',
          'webhook',
          '--url',
          'https://example.com/x',
          '--workspace',
          '',
        ],
        2,
        /^creditbar: channel add: workspaces\[0\]: expected text that is not empty\n$/,
      ],
      [
        ['channel', 'add', '--data', dir, '--kind', 'teams', '--url', 'http://example.com/x'],
        2,
        /the teams URL must use https:\/\//,
      ],
      [
        ['channel', 'frobnicate'],
        2,
        /^creditbar: channel: unknown subcommand "frobnicate": use add, list, test, remove/,
      ],
      [
        ['account', 'add', '--data', dir, '--server', 'nope', '--token-env', 'X'],
        2,
        /--server "nope" is not a URL/,
      ],
    ];
    for (const [args, code, stderr] of cases) {
      const res = await runCli(args, env);
      expect({ args, code: res.code }).toEqual({ args, code });
      expect(res.stderr).toMatch(stderr);
      expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
    chmodSync(dir, 0o755);
    const open = await runCli(['channel', 'list', '--data', dir], env);
    expect(open.code).toBe(1);
    expect(open.stderr).toBe(
      `creditbar: ${dir} is open to other users (mode 755): run "chmod 700 ${dir}" and start again\n`,
    );
  });
});
