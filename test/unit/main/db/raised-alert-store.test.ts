import { afterAll } from 'vitest';
import { openCache, type Cache } from '../../../../src-main/cache/cache';
import { tempDir } from '../../../fixtures/temp-dir';
import { raisedAlertStoreContract } from '../helpers/raised-alert-store-contract';

const dirs: { cleanup: () => void }[] = [];
const open: Cache[] = [];
afterAll(() => {
  open.forEach((c) => c.db.open && c.close());
  dirs.forEach((d) => d.cleanup());
});

// The SQLite store against the alerts engineer's contract, on a real file reopened for the restart case.
raisedAlertStoreContract('sqlite', () => {
  const dir = tempDir();
  dirs.push(dir);
  let cache = openCache(dir.file());
  open.push(cache);
  return {
    store: cache.alerts,
    reopen: () => {
      cache.close();
      cache = openCache(dir.file());
      open.push(cache);
      return cache.alerts;
    },
  };
});
