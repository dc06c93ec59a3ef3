import { closeSync, mkdtempSync, openSync, readdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../../src-shared/types/ledger';
import { base44Builder, samAndDevNovember } from '../../fixtures/base44-builder';
import { runCliInProcess, tempFile } from './run-cli';

/**
 * `creditbar status --data` only reads (README): over a damaged cache in WAL mode it refuses with
 * one sentence and leaves the folder as it found it, no -wal or -shm beside the file.
 */
describe('creditbar status --data over a damaged cache', () => {
  it('refuses it and creates nothing beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'creditbar-damaged-'));
    const db = join(dir, 'cache.sqlite');
    const ledger: Ledger = {
      version: 1,
      workspaces: [base44Builder()],
      grants: [],
      events: samAndDevNovember(),
    };
    expect((await runCliInProcess(['import', tempFile('ledger.json', ledger), '--db', db])).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['cache.sqlite']);
    // A torn write over page 1's b-tree header (bytes 100-163, after the 100-byte file header that
    // keeps the WAL mode): the schema can no longer be read.
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, 100);
    closeSync(fd);
    const r = await runCliInProcess(['status', '--data', dir, '--as-of', '2026-11-10T00:00:00Z']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^creditbar: the cache .*cache\.sqlite is damaged \(database disk image is malformed\)/,
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['cache.sqlite']);
  });
});
