import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../fixtures/temp-dir';
import { expectOneLine, serverCliInProcess } from './run-server-cli';

describe('a refused first command on a new --db path', () => {
  const dir = tempDir('creditbar-admin-first-');
  afterAll(() => dir.cleanup());
  /** workspace add in account "acme" (with account '' no --account at all). */
  const add = (
    db: string,
    id: string,
    provider: string,
    plan: string,
    more: string[] = [],
    account = 'acme',
  ) =>
    serverCliInProcess([
      'workspace',
      'add',
      ...(account ? ['--account', account] : []),
      ...['--id', id, '--name', id, '--provider', provider, '--plan', plan, ...more, '--db', db],
    ]);

  it('leaves no database file (nor the folders made for it), so the next try starts clean', async () => {
    // Without --account there is no account to create the workspace in.
    const bare = dir.file('bare/server.sqlite');
    const noAccount = await add(bare, 'site', 'zite', 'pro', [], '');
    expectOneLine(noAccount, 1, 'has no account yet: name the one to create with --account NAME');
    expect(existsSync(dir.file('bare'))).toBe(false);

    const fresh = dir.file('srv/data/server.sqlite');
    // Base44's Builder renews on the billing date: without --billing-day the catalog cannot place it.
    expectOneLine(await add(fresh, 'support', 'base44', 'builder'), 1, 'give --billing-day N');
    const ingest = ['token', '--create', '--account', 'acme', '--scope', 'ingest', '--workspace', 'nope'];
    expectOneLine(await serverCliInProcess([...ingest, '--db', fresh]), 1, 'no workspace "nope"');
    expect(existsSync(fresh)).toBe(false);
    expect(existsSync(`${fresh}-wal`)).toBe(false);
    expect(existsSync(dir.file('srv'))).toBe(false);

    // So the corrected command is the first set-up, not a second try on a half-made file.
    const ok = await add(fresh, 'support', 'base44', 'builder', ['--billing-day', '15']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Created account "acme"');
    expect(existsSync(fresh)).toBe(true);
  });

  it('keeps a file that was already there when a command on it fails', async () => {
    const kept = dir.file('kept.sqlite');
    expect((await add(kept, 'site', 'zite', 'pro')).code).toBe(0);
    expectOneLine(await add(kept, 'support', 'base44', 'gold'), 1, 'does not know plan "gold"');
    const list = await serverCliInProcess(['workspace', 'list', '--json', '--db', kept]);
    expect(JSON.parse(list.stdout).workspaces.map((w: { id: string }) => w.id)).toEqual(['site']);
  });
});
