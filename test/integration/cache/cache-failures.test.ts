import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { damageEventsTable } from './damage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCache } from '../../../src-main/cache/cache';
import { CacheFailure } from '../../../src-main/db/cache-failure';
import { driftOf } from '../../../src-main/sync/reconcile';
import { tempDir } from '../../fixtures/temp-dir';
import { recentLedger, serverEventCount, serverWith, sync, type TestServer } from '../sync/sync-helpers';

// Issue 16: a read-only cache file or folder, a full disk and a damaged database each give one
// sentence, exit 1, and leave what is stored as it was. Every case uses a real file: modes set with
// chmod (run as the unprivileged user "nobody" when the tests run as root, for whom modes do not
// bind), a page budget or a real tiny filesystem for the full disk, bytes overwritten for damage.

const BIN = resolve(import.meta.dirname, '../../../bin/creditbar');
const ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** bin/creditbar as a user whose file modes bind (nobody when we are root). */
function runCli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(ROOT ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

/** Hands a folder and everything in it to the user the CLI runs as. */
function giveAway(dir: string): void {
  if (!ROOT) return;
  chownSync(dir, NOBODY, NOBODY);
  for (const name of readdirSync(dir)) chownSync(join(dir, name), NOBODY, NOBODY);
}

const lateEvent = {
  id: 'late-1',
  workspaceId: 'zite-pro',
  pool: 'integration' as const,
  memberId: 'ana',
  action: 'email',
  occurredAt: new Date().toISOString(),
};

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Events stored in a cache file, read without writing anything. */
function storedEvents(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('cache failures: one sentence, exit 1, nothing lost', () => {
  let s: TestServer;
  let seeded: { dir: string; cleanup: () => void };
  let seededFile: string;
  const env = () => ({ ACME_TOKEN: s.token });
  const syncArgs = (file: string) => [
    'sync',
    '--server',
    s.server.url,
    '--token-env',
    'ACME_TOKEN',
    '--db',
    file,
  ];

  /** A folder (owned by the CLI's user) holding a copy of a synced cache. */
  function copyOfCache(): { dir: string; file: string; cleanup: () => void } {
    const d = tempDir('creditbar-cache-failure-');
    const file = join(d.dir, 'cache.sqlite');
    copyFileSync(seededFile, file);
    giveAway(d.dir);
    return { dir: d.dir, file, cleanup: d.cleanup };
  }

  const ledger = recentLedger(20);

  beforeAll(async () => {
    s = await serverWith(ledger);
    seeded = tempDir('creditbar-cache-seed-');
    seededFile = join(seeded.dir, 'cache.sqlite');
    giveAway(seeded.dir);
    const first = await runCli(syncArgs(seededFile), env());
    expect(first.stderr).toBe('');
    // One more event on the server, so that every later sync has something to write.
    s.server.admin.importLedger(s.accountId, { ...ledger, events: [...ledger.events, lateEvent] });
  });
  afterAll(async () => {
    await s.server.close();
    seeded.cleanup();
  });

  const readOnly = (file: string) =>
    `creditbar: the cache ${file} cannot be written: the file or its folder is read-only (or belongs to another user); make both writable by you and run again (nothing stored was changed)\n`;

  it('a read-only cache file: sync and import say so in one line, exit 1, the file unchanged', async () => {
    const c = copyOfCache();
    try {
      chmodSync(c.file, 0o444);
      const before = digest(c.file);
      const run = await runCli(syncArgs(c.file), env());
      expect(run).toMatchObject({ code: 1, stderr: readOnly(c.file) });
      const ledgerFile = join(c.dir, 'ledger.json');
      writeFileSync(ledgerFile, JSON.stringify({ ...ledger, events: [lateEvent] }));
      giveAway(c.dir);
      const imported = await runCli(['import', ledgerFile, '--db', c.file]);
      expect(imported).toMatchObject({ code: 1, stderr: readOnly(c.file) });
      expect(digest(c.file)).toBe(before);
    } finally {
      c.cleanup();
    }
  });

  it('a read-only folder: sync says so in one line, exit 1; status, which only reads, reads it; the file unchanged', async () => {
    const c = copyOfCache();
    try {
      const before = digest(c.file);
      chmodSync(c.dir, 0o555);
      const run = await runCli(syncArgs(c.file), env());
      expect(run).toMatchObject({ code: 1, stderr: readOnly(c.file) });
      const status = await runCli(['status', '--db', c.file], env());
      expect(status).toMatchObject({ code: 0, stderr: '' });
      expect(status.stdout).toMatch(/^Creditbar: as of /);
      expect(digest(c.file)).toBe(before);
    } finally {
      chmodSync(c.dir, 0o755);
      c.cleanup();
    }
  });

  it('a damaged cache: status and sync name it and say what to do, exit 1, and it is not overwritten', async () => {
    const c = copyOfCache();
    try {
      damageEventsTable(c.file);
      const before = digest(c.file);
      const status = await runCli(['status', '--db', c.file]);
      expect(status.code).toBe(1);
      expect(status.stderr).toBe(
        `creditbar: the cache ${c.file} is damaged (database disk image is malformed): move it aside (keep it, it holds your history) and sync again to rebuild it from the server\n`,
      );
      expect(digest(c.file)).toBe(before);
      const run = await runCli(syncArgs(c.file), env());
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /^creditbar: the cache .* is damaged \(database disk image is malformed\): move it aside/,
      );
      expect(run.stderr.split('\n')).toHaveLength(2);
    } finally {
      c.cleanup();
    }
  });

  it('a full disk mid-sync: one sentence, every page committed before it kept, and the next sync completes exactly', async () => {
    const d = tempDir('creditbar-cache-full-');
    try {
      const file = join(d.dir, 'cache.sqlite');
      const cache = openCache(file);
      // A page budget a little over the empty cache: a few usage pages fit, then SQLite says SQLITE_FULL.
      const empty = cache.db.pragma('page_count', { simple: true }) as number;
      cache.db.pragma(`max_page_count = ${empty + 40}`);
      const failed = await sync(cache, s.server.url, s.token, { pageSize: 200 }).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(CacheFailure);
      expect((failed as CacheFailure).message).toBe(
        `the disk holding the cache ${file} is full: free some space and run again (everything stored before was kept)`,
      );
      const kept = (cache.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
      const cursorEvents = (
        cache.db.prepare('SELECT coalesce(sum(events_received), 0) AS n FROM sync_state').get() as {
          n: number;
        }
      ).n;
      expect(kept).toBeGreaterThan(0);
      // Each page was stored with the cursor after it: what is kept is exactly what the cursors cover.
      expect(kept).toBe(cursorEvents);
      cache.close();
      // Room again (a new connection has no page budget): the sync resumes and ends with the server's count.
      const again = openCache(file);
      const summary = await sync(again, s.server.url, s.token, { pageSize: 200 });
      const server =
        (await serverEventCount(s.server.url, s.token, 'zite-pro')) +
        (await serverEventCount(s.server.url, s.token, 'b44'));
      expect(kept + summary.received).toBe(server);
      expect(
        (again.db.prepare('SELECT sum(events_received) AS n FROM sync_state').get() as { n: number }).n,
      ).toBe(server);
      // Nothing counted twice: every pool's balance equals the server's own (no drift).
      const drift = summary.workspaces.flatMap((w) => w.drift.map(driftOf));
      expect(drift.length).toBeGreaterThan(0);
      expect(drift.every((d) => d === 0)).toBe(true);
      again.close();
    } finally {
      d.cleanup();
    }
  });

  const canMount = (() => {
    if (!ROOT || process.platform !== 'linux') return false;
    const probe = tempDir('creditbar-mount-probe-');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe.dir], { stdio: 'ignore' });
      execFileSync('umount', [probe.dir], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    } finally {
      probe.cleanup();
    }
  })();

  // A real tiny filesystem needs mount rights (root here); the page-budget case above runs everywhere.
  it.skipIf(!canMount)('a full tiny filesystem: creditbar sync says so in one line and exits 1', async () => {
    const d = tempDir('creditbar-tiny-fs-');
    const mnt = join(d.dir, 'tiny');
    mkdirSync(mnt);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=600k', 'tmpfs', mnt]);
    try {
      giveAway(d.dir);
      giveAway(mnt);
      const file = join(mnt, 'cache.sqlite');
      const run = await runCli([...syncArgs(file), '--page-size', '200'], env());
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `creditbar: the disk holding the cache ${file} is full: free some space and run again (everything stored before was kept)\n`,
      );
      expect(storedEvents(file)).toBeGreaterThan(0);
    } finally {
      execFileSync('umount', [mnt]);
      d.cleanup();
    }
  });
});
