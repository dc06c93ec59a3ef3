import { afterEach, describe, expect, it } from 'vitest';
import { openCache, WRITER_CACHE_KIB } from '../../../src-main/cache/cache';
import { WRITE_GATE_BYTES } from '../../../src-main/db/write-gate';
import { openSyncConnection } from '../../../src-main/sync/sync-connection';
import { tempDir } from '../../fixtures/temp-dir';

// Issue 14 (idle memory): what the sync thread's connection mallocs stays in the glibc arena the
// thread leaves behind, so its page cache is smaller than the app connection's. A negative
// cache_size is KiB: 4 MB is -4096 (by hand), the app's 8 MB -8192.

let dir: ReturnType<typeof tempDir>;
afterEach(() => dir.cleanup());

describe("the sync thread's connection", () => {
  it('keeps a 4 MB page cache, half the app connection’s, with and without the write gate', () => {
    dir = tempDir();
    const app = openCache(dir.file());
    const plain = openSyncConnection({ file: app.file });
    const gated = openSyncConnection({ file: app.file, gate: new SharedArrayBuffer(WRITE_GATE_BYTES) });
    try {
      expect(app.db.pragma('cache_size', { simple: true })).toBe(-WRITER_CACHE_KIB);
      expect(WRITER_CACHE_KIB).toBe(8192);
      expect(plain.db.pragma('cache_size', { simple: true })).toBe(-4096);
      expect(gated.db.pragma('cache_size', { simple: true })).toBe(-4096);
      // It still writes the same file (WAL: the app's connection sees the row).
      gated.write.accounts.upsert({ id: 'a', label: 'A', serverUrl: null }, 0);
      expect(app.read.accounts.list().map((a) => a.id)).toEqual(['a']);
    } finally {
      gated.close();
      plain.close();
      app.close();
    }
  });
});
