import { describe, expect, it } from 'vitest';
import { runCliWith } from './sync-helpers';

describe('cache commands refuse bad command lines in one line', () => {
  it.each([
    [['sync', '--token-env', 'T', '--db', 'x.db'], 2, /^creditbar: sync: missing --server URL$/m],
    [
      ['sync', '--server', 'not a url', '--token-env', 'T', '--db', 'x.db'],
      2,
      /^creditbar: --server "not a url" is not a URL: use e\.g\. http:\/\/127\.0\.0\.1:4000$/,
    ],
    [
      ['sync', '--server', 'ftp://host', '--token-env', 'T', '--db', 'x.db'],
      2,
      /must be an http:\/\/ or https:\/\/ URL/,
    ],
    [['sync', '--server', 'http://127.0.0.1:9', '--db', 'x.db'], 2, /missing --token-env NAME/],
    [
      ['sync', '--server', 'http://127.0.0.1:9', '--token-env', 'CREDITBAR_UNSET_VAR', '--db', 'x.db'],
      2,
      /^creditbar: the environment variable CREDITBAR_UNSET_VAR is empty or not set: put the account's token in it$/,
    ],
    [
      ['sync', '--server', 'http://127.0.0.1:9', '--token-env', 'T', '--db', 'x.db', '--page-size', '9000'],
      2,
      /--page-size "9000" must be a whole number from 1 to 5000/,
    ],
    [
      ['sync', '--server', 'http://127.0.0.1:9', '--token-env', 'T', '--db', 'x.db', '--budget', '0'],
      2,
      /^creditbar: --budget "0" must be a whole number from 1 to 60$/,
    ],
    [
      ['sync', '--server', 'http://127.0.0.1:9', '--token-env', 'T', '--db', 'x.db', '--bogus'],
      2,
      /sync: unknown option --bogus/,
    ],
    [['status'], 2, /status: missing --data DIR .* or --db FILE/],
    [
      ['status', '--db', '/nonexistent/cache.db'],
      1,
      /^creditbar: no cache at \/nonexistent\/cache\.db: create it with "creditbar sync" or "creditbar import" first$/,
    ],
    [['status', '--db', 'x.db', '--as-of', 'yesterday'], 2, /--as-of "yesterday" is not an ISO 8601 instant/],
    [
      ['report', 'ledger.json', '--db', 'x.db', '--period', '2026-10'],
      2,
      /give either a ledger file or --db FILE, not both/,
    ],
    [['export'], 2, /export: missing --db FILE/],
    [['import', '--db', 'x.db'], 2, /import: missing the ledger file/],
    [
      ['import', '/nonexistent/ledger.json', '--db', 'x.db'],
      1,
      /cannot read ledger \/nonexistent\/ledger\.json: no such file/,
    ],
  ])('%j exits %i', async (args, code, message) => {
    const run = await runCliWith(args, { T: 'token-123456789' });
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd()).toMatch(message);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
