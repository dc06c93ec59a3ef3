import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../src-main/cache/cache';
import { openDatabase } from '../../../src-main/db/connection';
import { latestVersion } from '../../../src-main/db/migrate';
import { MIGRATIONS } from '../../../src-main/db/migrations';
import type { Ledger } from '../../../src-shared/types/ledger';
import { base44Builder, samAndDevNovember } from '../../fixtures/base44-builder';
import { tempDir } from '../../fixtures/temp-dir';
import { runCliInProcess } from './run-cli';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const AS_OF = '2026-11-20T12:00:00Z';
const LEDGER: Ledger = { version: 1, workspaces: [base44Builder()], grants: [], events: samAndDevNovember() };

/** Every file of a folder with a digest of its bytes. */
function listing(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(dir, name)))
          .digest('hex'),
      ]),
  );
}

function folder(): string {
  const tmp = tempDir('creditbar-status-ro-');
  cleanups.push(tmp.cleanup);
  const dir = join(tmp.dir, 'data');
  mkdirSync(dir);
  return dir;
}

/**
 * `creditbar status` only reads: the README says it creates and migrates nothing. It opened the
 * cache as the app does (WAL on, every pending migration), so a cache the app had closed got a
 * -wal and -shm beside it and an older cache was upgraded in place.
 */
describe('creditbar status leaves the cache and its folder byte for byte as they were', () => {
  it('a cache the app closed (WAL mode, no side files): --db and --data, text and JSON', async () => {
    const dir = folder();
    const db = join(dir, 'cache.sqlite');
    const imported = await runCliInProcess(['import', tempLedger(dir), '--db', db], {
      now: () => Date.parse(AS_OF),
    });
    expect(imported.code).toBe(0);
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ version: 1 }));
    const before = listing(dir);
    expect(Object.keys(before)).toEqual(['cache.sqlite', 'ledger.json', 'settings.json']);
    for (const args of [
      ['--db', db],
      ['--db', db, '--json'],
      ['--data', dir],
      ['--data', dir, '--json'],
    ]) {
      const r = await runCliInProcess(['status', ...args, '--as-of', AS_OF]);
      expect(r.code, args.join(' ')).toBe(0);
      // It read the cache: Studio's 55 message credits of 250 (Sam's 55 AI messages).
      expect(r.stdout, args.join(' ')).toMatch(/55 \/ 250|"used": 55,/);
      expect(listing(dir), args.join(' ')).toEqual(before);
    }
  });

  // The copy a closed cache is read through failed with a stack trace ("ENOENT ... mkdtemp"), and a
  // full temporary folder read "ENOSPC ... copyfile 'cache.sqlite' -> 'cache.sqlite'", as if the cache
  // were at fault. (A full one says "there is no space for it in DIR": checked by hand on a 64 kB tmpfs.)
  it('a temporary folder it cannot copy into: one sentence naming it, the cache untouched', async () => {
    const dir = folder();
    const db = join(dir, 'cache.sqlite');
    expect((await runCliInProcess(['import', tempLedger(dir), '--db', db])).code).toBe(0);
    const before = listing(dir);
    const missing = join(dir, 'no-such-temp');
    const saved = process.env['TMPDIR'];
    process.env['TMPDIR'] = missing;
    try {
      const r = await runCliInProcess(['status', '--db', db, '--as-of', AS_OF]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        `creditbar: reading ${db} needs a temporary copy of it, and it cannot be made in ${missing} (ENOENT): set TMPDIR to a folder that exists and that you may write in; the cache is untouched\n`,
      );
    } finally {
      if (saved === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = saved;
    }
    expect(listing(dir)).toEqual(before);
  });

  it('a cache an older release left (schema one behind): read as migrated, the file kept at its schema', async () => {
    const dir = folder();
    const db = join(dir, 'cache.sqlite');
    const older = latestVersion(MIGRATIONS) - 1;
    openDatabase(db, { migrations: MIGRATIONS.filter((m) => m.version <= older) }).close();
    const before = listing(dir);
    const r = await runCliInProcess(['status', '--db', db, '--json', '--as-of', AS_OF]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ pools: [], alerts: [] });
    expect(listing(dir)).toEqual(before);
    const raw = new Database(db, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(older);
    raw.close();
  });

  it('a cache the app has open (its -wal and -shm beside it): read through them, the cache file unchanged', async () => {
    const dir = folder();
    const db = join(dir, 'cache.sqlite');
    expect((await runCliInProcess(['import', tempLedger(dir), '--db', db])).code).toBe(0);
    const app = openCache(db);
    cleanups.push(() => app.close());
    const before = listing(dir);
    expect(Object.keys(before)).toContain('cache.sqlite-wal');
    const r = await runCliInProcess(['status', '--db', db, '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Studio +message .* 55 \/ 250 /);
    // The -shm is the connections' shared memory (a reader marks what it reads there); the data is not.
    const after = listing(dir);
    expect(after['cache.sqlite']).toBe(before['cache.sqlite']);
    expect(after['cache.sqlite-wal']).toBe(before['cache.sqlite-wal']);
    expect(Object.keys(after)).toEqual(Object.keys(before));
  });
});

function tempLedger(dir: string): string {
  const file = join(dir, 'ledger.json');
  writeFileSync(file, JSON.stringify(LEDGER));
  return file;
}
