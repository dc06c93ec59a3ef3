import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthSchema, workspaceListSchema } from '../../../src-shared/api';
import { serverCli } from './run-server-cli';
import { fixtureLedger } from './server-fixture';

const BIN = resolve(import.meta.dirname, '../../../bin/creditbar-server');
const run = serverCli;

describe('bin/creditbar-server', () => {
  let dir: string;
  let db: string;
  let ledgerFile: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'creditbar-server-cli-'));
    db = join(dir, 'server.sqlite');
    ledgerFile = join(dir, 'ledger.json');
    writeFileSync(ledgerFile, JSON.stringify(fixtureLedger(30)));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a ledger into a new account and prints its token once; a second import skips what is there', async () => {
    const first = await run(['import', ledgerFile, '--db', db, '--account', 'acme-co']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      `Imported ${ledgerFile} into account "acme-co" (${db}): 2 workspaces, 1 grants, 60 events (60 new, 0 already there).`,
    );
    expect(first.stdout).toMatch(/token cb_[A-Za-z0-9_-]{43}\n/);
    const second = await run(['import', ledgerFile, '--db', db, '--account', 'acme-co']);
    expect(second.stdout).toContain('60 events (0 new, 60 already there)');
    expect(second.stdout).not.toContain('token');
    const token = await run(['token', '--account', 'acme-co', '--db', db]);
    expect(token.stdout).toMatch(/^cb_[A-Za-z0-9_-]{43}\n$/);
    expect((await run(['token', '--account', 'nobody', '--db', db])).stderr).toContain('no account "nobody"');
  });

  it('rejects a bad ledger with one line naming the record and field, exit 1, nothing stored', async () => {
    const bad = fixtureLedger(3);
    (bad.events[2] as { occurredAt: string }).occurredAt = 'soon';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = await run(['import', file, '--db', join(dir, 'other.sqlite')]);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'other.sqlite'))).toBe(false);
    expect(r.stderr).toBe(
      `creditbar-server: ${file}: events[2] (id "acme-1"): occurredAt is invalid: expected an ISO 8601 instant such as 2026-11-01T00:00:00Z\n`,
    );
    expect((await run(['import', join(dir, 'missing.json')])).stderr).toContain('cannot read');
  });

  it('refuses bad flags with exit 2 and the usage', async () => {
    const r = await run(['--port', 'eighty']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port must be a whole number from 0 to 65535 (got "eighty")');
    expect((await run(['--fault-500', '0.7', '--fault-cut', '0.7'])).stderr).toContain('add up to at most 1');
    expect((await run(['serve', '--bogus'])).code).toBe(2);
    expect((await run(['frobnicate'])).stderr).toContain('unknown command "frobnicate"');
    expect((await run(['--help'])).stdout).toContain('--fault-cut F');
    expect((await run(['--request-timeout', '0'])).stderr).toContain(
      '--request-timeout must be a number from 1 to 3600 (got "0")',
    );
  });

  it('serves the demo on a free port, prints the token, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, '--demo', '--port', '0', '--pace', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = createInterface({ input: child.stdout });
    const printed: string[] = [];
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Readiness signal: the last line of the start banner.
    for await (const line of lines) {
      printed.push(line);
      if (line.startsWith('Ctrl-C stops')) break;
    }
    const text = printed.join('\n');
    expect(stderr).toBe('');
    const url = /listening on {2}(http:\/\/127\.0\.0\.1:\d+)/.exec(text)![1]!;
    const token = /token {9}(cb_demo_\w+)/.exec(text)![1]!;
    expect(text).toMatch(/database {6}.*server\.sqlite \(temporary, removed on exit\)/);
    expect(text).toContain('rate limit    off');
    expect(text).toContain('timeouts      30 s to send a request (--request-timeout)');
    expect(text).toContain('live activity off (--pace 0)');
    expect(healthSchema.parse(await (await fetch(`${url}/v1/health`)).json()).status).toBe('ok');
    const list = workspaceListSchema.parse(
      await (await fetch(`${url}/v1/workspaces`, { headers: { authorization: `Bearer ${token}` } })).json(),
    );
    expect(list.workspaces).toHaveLength(4);
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const rest: string[] = [];
    lines.on('line', (l) => rest.push(l));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(rest.join('\n')).toMatch(/Stopped \(peak RSS \d+ MB\)/);
  });
});
