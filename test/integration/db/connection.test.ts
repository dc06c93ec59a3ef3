import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, NotADatabaseError, openDatabase } from '../../../src-main/db/connection';
import type { Migration } from '../../../src-main/db/migrate';
import { MIGRATIONS } from '../../../src-main/db/migrations';
import { tempDir } from '../../fixtures/temp-dir';
import { runCli } from '../cli/run-cli';

const dirs: { cleanup: () => void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));
function dir() {
  const d = tempDir();
  dirs.push(d);
  return d;
}
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('openDatabase', () => {
  it('creates the schema with WAL, foreign keys and a busy timeout', () => {
    const db = openDatabase(dir().file());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((r) => r.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'accounts',
        'workspaces',
        'pools',
        'members',
        'thresholds',
        'grants',
        'events',
        'sync_state',
        'raised_alerts',
        'drift',
        'rollups',
        'period_summaries',
      ]),
    );
    db.close();
  });

  it('reopens an up-to-date file without running anything', () => {
    const file = dir().file();
    openDatabase(file).close();
    let ran = 0;
    const counting: Migration[] = MIGRATIONS.map((m) => ({ ...m, up: (db) => (ran++, m.up(db)) }));
    openDatabase(file, { migrations: counting }).close();
    expect(ran).toBe(0);
  });

  it('applies new migrations in one transaction: a failing one leaves the file at its old version', () => {
    const file = dir().file();
    openDatabase(file).close();
    const next: Migration[] = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'adds a table',
        up: (db) => db.exec('CREATE TABLE extra (x INTEGER)'),
      },
      {
        version: MIGRATIONS.length + 2,
        name: 'fails',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(() => openDatabase(file, { migrations: next })).toThrow('boom');
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'extra'").get()).toEqual({
      n: 0,
    });
    db.close();
  });

  it('refuses a database from a newer version with a clear message and leaves it untouched', () => {
    const file = dir().file();
    const newer = new Database(file);
    newer.exec('CREATE TABLE future (x INTEGER); INSERT INTO future VALUES (42)');
    newer.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    newer.close();
    const before = hash(file);
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(/newer Creditbar .*update Creditbar.*left untouched/);
    expect(hash(file)).toBe(before);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT x FROM future').get()).toEqual({ x: 42 });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
  });

  it('refuses a file that is not a database and never overwrites it', () => {
    const file = dir().file('notes.db');
    writeFileSync(file, 'these are my notes, not a database\n'.repeat(200));
    const before = hash(file);
    expect(() => openDatabase(file)).toThrow(NotADatabaseError);
    expect(hash(file)).toBe(before);
  });

  it('the CLI says so in one line and exits non-zero on a newer cache', async () => {
    const file = dir().file();
    const newer = new Database(file);
    newer.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    newer.close();
    const before = hash(file);
    const r = await runCli(['status', '--db', file, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/written by a newer Creditbar/);
    expect(hash(file)).toBe(before);
  });
});
