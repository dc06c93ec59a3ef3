import { describe, expect, test } from 'vitest';
import { runCli, tempFile } from './run-cli';

describe('creditbar catalog', () => {
  test('prints each version with its date, its plans and the source of every number', async () => {
    const r = await runCli(['catalog', '--provider', 'base44']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Base44, version 2026-05-seed (seed)');
    expect(r.stdout).toContain('Base44, version 2026-12-docs (newest)');
    expect(r.stdout).toContain('effective: unknown, published by 2026-12-03');
    // Builder 10,000 / 250 (integration, message: the one pool order) from the plans page; top-ups from their own page.
    expect(r.stdout).toMatch(/builder\s+10,000\s+250\s+as above\s+\[billing-and-plans\]/);
    expect(r.stdout).toMatch(/email:custom_domain\s+2\s+\[custom-email-domain\]/);
    expect(r.stdout).toContain(
      'top-ups: sold; spent after every other credit, earliest purchase first; valid 365 days [credit-top-ups]',
    );
    expect(r.stdout).toContain(
      '[credit-top-ups] Base44 docs: Credit top-ups (https://docs.base44.com/Account-and-billing/credit-top-ups)',
    );
  });

  test("Zite's newer version says what it does not publish instead of inventing it", async () => {
    const r = await runCli(['catalog', '--provider', 'zite', '--version', '2026-12-usage']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/pro\s+not published: you enter it/);
    expect(r.stdout).toContain(
      'when a pool runs dry: published apps keep working; edits cannot be published',
    );
    expect(r.stdout).toContain(
      'Workflow runs (runs a month, across the organisation; per plan: not published)',
    );
    expect(r.stdout).toContain('reset: the 1st of each month, 00:00 UTC [assumption]');
    expect(r.stdout).not.toContain('2026-05-seed');
  });

  test('--json lists the versions with their sources, seed and newest marked', async () => {
    const r = await runCli(['catalog', '--json']);
    const { versions } = JSON.parse(r.stdout) as {
      versions: { provider: string; id: string; seed: boolean; newest: boolean; sources: object }[];
    };
    expect(versions.map((v) => [v.provider, v.id, v.seed, v.newest])).toEqual([
      ['zite', '2026-05-seed', true, false],
      ['zite', '2026-12-usage', false, true],
      ['base44', '2026-05-seed', true, false],
      ['base44', '2026-12-docs', false, true],
      ['custom', 'custom', true, true],
    ]);
  });

  test('a user catalog file shows in every version it patches', async () => {
    const file = tempFile('catalog.json', {
      version: 1,
      providers: { zite: { plans: { pro: { pools: { integration: 60000 } } } } },
    });
    const r = await runCli([
      'catalog',
      '--provider',
      'zite',
      '--version',
      '2026-12-usage',
      '--catalog',
      file,
    ]);
    expect(r.stdout).toMatch(/pro\s+60,000/);
  });

  test.each([
    [
      ['catalog', '--provider', 'glide'],
      2,
      'catalog: --provider "glide" is not a provider: use zite, base44 or custom',
    ],
    [['catalog', '--version', '2026-12-docs'], 2, 'catalog: --version needs --provider'],
    [
      ['catalog', '--provider', 'zite', '--version', '2019'],
      1,
      'catalog: zite has no version "2019" (known: 2026-05-seed, 2026-12-usage)',
    ],
    [['catalog', 'zite'], 2, 'catalog: unexpected argument "zite"'],
  ])('%j: one line, exit %i', async (args, code, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});
