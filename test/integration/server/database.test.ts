import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createAdmin } from '../../../src-server/admin';
import { openServerDatabase } from '../../../src-server/db/connection';
import { DatabaseTooNewError, SCHEMA_VERSION } from '../../../src-server/db/migrate';
import { createStore } from '../../../src-server/db/store';
import { startServer } from '../../../src-server/start-server';
import { fixtureLedger } from './server-fixture';

describe('server database', () => {
  const dirs: string[] = [];
  const tempDb = () => {
    const dir = mkdtempSync(join(tmpdir(), 'creditbar-db-'));
    dirs.push(dir);
    return join(dir, 'server.sqlite');
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('creates the schema in WAL mode with foreign keys and a busy timeout, and keeps data across opens', () => {
    const path = tempDb();
    const db = openServerDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const admin = createAdmin(createStore(db), () => Date.parse('2026-11-25T00:00:00Z'));
    const { accountId } = admin.createAccount('acme-co');
    const summary = admin.importLedger(accountId, fixtureLedger(10));
    expect(summary.events).toEqual({ received: 20, inserted: 20, duplicates: 0 });
    db.close();

    const again = openServerDatabase(path);
    const store = createStore(again);
    expect(store.accounts.findByName('acme-co')).toBe(accountId);
    expect(createAdmin(store, Date.now).importLedger(accountId, fixtureLedger(12)).events).toEqual({
      received: 24,
      inserted: 4,
      duplicates: 20,
    });
    again.close();
  });

  it('stores tokens only as hashes', () => {
    const path = tempDb();
    const db = openServerDatabase(path);
    const { token } = createAdmin(createStore(db), Date.now).createAccount('acme-co');
    const rows = db.prepare('SELECT hash FROM tokens').pluck().all() as string[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^[0-9a-f]{64}$/);
    db.close();
    expect(readFileSync(path).includes(Buffer.from(token))).toBe(false);
  });

  it('refuses a database written by a newer server, with a clear message, and leaves it untouched', async () => {
    const path = tempDb();
    const raw = new Database(path);
    raw.exec('CREATE TABLE future (x INTEGER)');
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    const before = readFileSync(path);
    expect(() => openServerDatabase(path)).toThrow(DatabaseTooNewError);
    expect(() => openServerDatabase(path)).toThrow(
      /newer than this server's .*upgrade Creditbar or point --db at another file \(the database was left untouched\)/,
    );
    await expect(startServer({ port: 0, dbPath: path })).rejects.toThrow(DatabaseTooNewError);
    expect(readFileSync(path).equals(before)).toBe(true);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 5);
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });

  it('refuses to drop a pool that has stored events', () => {
    const db = openServerDatabase(tempDb());
    const admin = createAdmin(createStore(db), Date.now);
    const { accountId } = admin.createAccount('acme-co');
    const ledger = fixtureLedger(5);
    admin.importLedger(accountId, ledger);
    const shrunk = {
      ...ledger,
      events: [],
      grants: [],
      workspaces: ledger.workspaces.map((w) => (w.id === 'b44' ? { ...w, pools: w.pools!.slice(0, 1) } : w)),
    };
    expect(() => admin.importLedger(accountId, shrunk)).toThrow(
      'workspace "b44": pool "message" has stored events on the server',
    );
    db.close();
  });

  it('rolls a failed import back whole', () => {
    const db = openServerDatabase(tempDb());
    const admin = createAdmin(createStore(db), Date.now);
    const { accountId } = admin.createAccount('acme-co');
    const bad = fixtureLedger(5);
    bad.events[3] = { ...bad.events[3]!, workspaceId: 'ghost' };
    expect(() => admin.importLedger(accountId, bad)).toThrow(
      /events\[3\] \(id "[^"]+"\): workspaceId "ghost" is not a workspace of the ledger/,
    );
    expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM workspaces').pluck().get()).toBe(0);
    db.close();
  });
});
