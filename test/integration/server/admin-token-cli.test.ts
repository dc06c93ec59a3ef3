import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../fixtures/temp-dir';
import { expectOneLine, serverCli, serverCliInProcess } from './run-server-cli';

describe('creditbar-server token', () => {
  const dir = tempDir('creditbar-admin-cli-');
  const db = dir.file('server.sqlite');
  const at = ['--db', db];
  afterAll(() => dir.cleanup());

  beforeAll(async () => {
    const created = await serverCli(['token', '--account', 'acme', '--create', ...at]);
    expect(created.code).toBe(0);
  });

  it('prints only the token on stdout, and what it is on stderr', async () => {
    const r = await serverCli(['token', ...at]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^cb_[A-Za-z0-9_-]{43}\n$/);
    expect(r.stderr).toContain('This is a read token');
    expect(r.stderr).toContain(`token revoke ${r.stdout.slice(0, 11)}`);
  });

  it('refuses bad input with one sentence and a non-zero exit, creating nothing', async () => {
    const missing = dir.file('missing.sqlite');
    const cases: [string[], number, string][] = [
      [['token', '--scope', 'write', ...at], 2, '--scope must be read or ingest'],
      [['token', '--scope', 'ingest', ...at], 1, 'name it with --workspace ID'],
      [['token', '--scope', 'ingest', '--workspace', 'nope', ...at], 1, 'no workspace "nope"'],
      [['token', '--workspace', 'x', ...at], 1, 'a read token reads the whole account'],
      [['token', 'revoke', ...at], 2, 'takes one token prefix, or --all'],
      [
        ['token', 'revoke', 'cb_zzzzzzzzzzzzz', ...at],
        1,
        'no token of this account is or has the prefix "cb_zzzzzzzz"',
      ],
      [['token', 'list', '--scope', 'read', ...at], 2, 'token list takes no --scope'],
      [['token', '--bogus', ...at], 2, "Unknown option '--bogus'"],
      [['token', '--account', 'other', ...at], 1, 'no account "other"'],
      [['token', 'list', '--db', missing], 1, `no server database at ${missing}`],
    ];
    for (const [args, code, text] of cases) expectOneLine(await serverCliInProcess(args), code, text);
    expect(existsSync(missing)).toBe(false);
    const list = await serverCli(['token', 'list', '--json', ...at]);
    expect(JSON.parse(list.stdout).tokens).toHaveLength(2);
  }, 120_000);
});
