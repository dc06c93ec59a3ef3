import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection';
import { openServerDatabase } from '../../../src-server/db/connection';
import { tempDir } from '../../fixtures/temp-dir';
import { runCli, runCliInProcess, type CliResult } from '../cli/run-cli';
import { serverCli, serverCliInProcess, type ServerCliRun } from '../server/run-server-cli';

// The cache and the collector's database are both SQLite files a lead names with --db. Given the
// other program's file, or anyone's SQLite database, each used to run its own migrations on it:
// the cache's wrote 23 tables into a foreign file (user_version 0), and on the collector's file
// (user_version 6) failed with a stack trace; the server wrote its schema into foreign files and
// called the app's cache "newer than this server". Each is now refused in one line, file untouched.

const folder = tempDir();
afterAll(() => folder.cleanup());
let n = 0;
/** A fresh sub-folder of this file's temporary folder for one test. */
function dir() {
  const sub = folder.file(`t${++n}`);
  mkdirSync(sub);
  return { file: (name: string) => `${sub}/${name}` };
}
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Someone's own SQLite database: a table of notes, user_version 0. */
function notesDatabase(file: string): string {
  const db = new Database(file);
  db.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('my data')");
  db.close();
  return file;
}

function tablesOf(file: string): string[] {
  const db = new Database(file, { readonly: true });
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
  db.close();
  return names as string[];
}

function expectOneSentence(r: CliResult | ServerCliRun, prefix: string, text: string): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at |SqliteError/);
  expect(r.stderr).toBe(`${prefix}: ${text}\n`);
}

describe('a --db file that is not this program’s database', () => {
  it('creditbar refuses the collector’s database, leaving it as it was', async () => {
    const d = dir();
    const server = d.file('server.sqlite');
    openServerDatabase(server).close();
    const before = hash(server);
    const r = await runCli(['status', '--db', server]);
    expectOneSentence(
      r,
      'creditbar',
      `${server} is not a Creditbar cache (it is a collector's database, which creditbar-server opens; the app's cache is cache.sqlite in its data folder): choose another file; this one was left untouched`,
    );
    expect(hash(server)).toBe(before);
  });

  it('creditbar writes nothing into another program’s SQLite file, nor into a folder', async () => {
    const d = dir();
    const notes = notesDatabase(d.file('notes.sqlite'));
    const before = hash(notes);
    const r = await runCliInProcess([
      'workspace',
      'add',
      '--db',
      notes,
      '--provider',
      'zite',
      '--plan',
      'pro',
      '--name',
      'Acme',
      '--allowance',
      '5000',
    ]);
    expectOneSentence(
      r,
      'creditbar',
      `${notes} is not a Creditbar cache (an SQLite database of another program): choose another file; this one was left untouched`,
    );
    expect(tablesOf(notes)).toEqual(['notes']);
    expect(hash(notes)).toBe(before);

    const folder = d.file('a-folder');
    mkdirSync(folder);
    expectOneSentence(
      await runCliInProcess(['status', '--db', folder]),
      'creditbar',
      `${folder} is not a Creditbar cache (it is a folder): choose another file; this one was left untouched`,
    );
  });

  it('creditbar-server refuses the app’s cache, another program’s file and a folder, writing nothing', async () => {
    const d = dir();
    const cache = d.file('cache.sqlite');
    openDatabase(cache).close();
    const cacheBefore = hash(cache);
    expectOneSentence(
      await serverCli(['workspace', 'list', '--db', cache]),
      'creditbar-server',
      `${cache} is not a collector database (it is the desktop app's cache, which the creditbar command opens with --db): point --db at another file (this one was left untouched).`,
    );
    expect(hash(cache)).toBe(cacheBefore);

    const notes = notesDatabase(d.file('notes.sqlite'));
    const notesBefore = hash(notes);
    expectOneSentence(
      await serverCliInProcess(['workspace', 'list', '--db', notes]),
      'creditbar-server',
      `${notes} is not a collector database (an SQLite database of another program): point --db at another file (this one was left untouched).`,
    );
    expect(tablesOf(notes)).toEqual(['notes']);
    expect(hash(notes)).toBe(notesBefore);

    const folder = d.file('a-folder');
    mkdirSync(folder);
    expectOneSentence(
      await serverCliInProcess(['token', 'list', '--db', folder]),
      'creditbar-server',
      `${folder} is not a collector database (it is a folder): point --db at another file (this one was left untouched).`,
    );
  });

  it('an empty file is still a new cache and a new collector database', () => {
    const d = dir();
    const empty = d.file('empty.sqlite');
    new Database(empty).close();
    openDatabase(empty).close();
    expect(tablesOf(empty)).toContain('pool_state');
    const empty2 = d.file('empty2.sqlite');
    new Database(empty2).close();
    openServerDatabase(empty2).close();
    expect(tablesOf(empty2)).toContain('tokens');
  });
});
