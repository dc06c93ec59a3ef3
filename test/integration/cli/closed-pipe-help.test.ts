import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, runCliInProcess, tempFile } from './run-cli';

const BIN = resolve(import.meta.dirname, '../../../bin/creditbar');

/** Forty workspaces: `status` writes its table, then the data lines, well after three lines were read. */
const ledger = {
  version: 1,
  workspaces: Array.from({ length: 40 }, (_, i) => ({
    id: `w${i}`,
    name: `Workspace ${i}`,
    provider: 'zite',
    plan: 'pro',
  })),
  grants: [],
  events: Array.from({ length: 40 }, (_, i) => ({
    id: `e${i}`,
    workspaceId: `w${i}`,
    pool: 'integration',
    memberId: 'ana',
    action: 'email',
    occurredAt: '2026-11-02T10:00:00Z',
  })),
};

describe('creditbar as a shell tool', () => {
  test('`creditbar status | head -3` stops quietly when the reader closes the pipe', async () => {
    const db = tempFile('cache.sqlite', '');
    // Imported "on" the day asked about: with the real clock, a run two months after November would
    // drop its raw events (the cache keeps the current and previous period raw) and status would refuse.
    const asOf = '2026-11-20T00:00:00Z';
    const imported = await runCliInProcess(['import', tempFile('ledger.json', ledger), '--db', `${db}.db`], {
      now: () => Date.parse(asOf),
    });
    expect(imported.code).toBe(0);
    const child = spawn(process.execPath, [BIN, 'status', '--db', `${db}.db`, '--as-of', asOf], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // What head -3 does: read three lines, then close its end of the pipe.
    let seen = '';
    const closed = new Promise<number | null>((r) => child.on('close', r));
    await new Promise<void>((done) => {
      // A status that fails writes no table: the close ends the wait, the assertions below say why.
      void closed.then(() => done());
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        seen += d;
        if (seen.split('\n').length > 3) {
          child.stdout.destroy();
          done();
        }
      });
    });
    const code = await closed;
    expect(seen).toContain('Creditbar: as of 2026-11-20 00:00 UTC');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  test('`creditbar web --help` prints its usage and exits 0', async () => {
    const res = await runCli(['web', '--help']);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe('');
    expect(res.stdout).toMatch(/^usage: creditbar web \[--demo\] \[--data DIR\] \[--port N\]/);
    expect(res.stdout).toContain('--data DIR      cache and settings folder');
  });

  test.each(['status', 'report', 'evaluate', 'sync'])(
    '`creditbar %s -h` prints its usage too',
    async (command) => {
      const res = await runCli([command, '-h']);
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(new RegExp(`^usage: creditbar ${command} `));
    },
  );

  // The commands with subcommands answered `--help` with exit 2, "unknown subcommand "--help"".
  test.each([
    ['workspace', 'creditbar workspace add --db FILE'],
    ['reading', 'creditbar reading add --db FILE'],
    ['channel', 'creditbar channel add --data DIR'],
    ['account', 'creditbar account add --data DIR'],
  ])('`creditbar %s --help` prints the usage of each of its subcommands', async (command, first) => {
    const res = await runCliInProcess([command, '--help']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout.startsWith(`usage: ${first}`)).toBe(true);
  });
});
