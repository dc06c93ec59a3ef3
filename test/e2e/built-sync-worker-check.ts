// Run by built-sync-worker.spec.ts through tsx (Playwright's loader cannot import the engine's JSON
// catalog): syncs a reference server on loopback into two caches, once in this thread and once in
// the sync thread started from the built out/main/sync-worker.js, as the Electron app does, and
// exits 0 only if both caches hold the same events and cursors.
import { isDeepStrictEqual } from 'node:util';
import { startServer } from '../../src-server/start-server';
import { openCache, type Cache } from '../../src-main/cache/cache';
import { builtWorker } from '../../src-main/evaluator/worker-spawn';
import { createMemorySecretStore } from '../../src-main/secrets/secret-store';
import { createSyncService } from '../../src-main/sync/sync-service';
import { createSyncThread } from '../../src-main/sync/sync-thread';
import { multiMonthLedger } from '../fixtures/multi-month';
import { tempDir } from '../fixtures/temp-dir';

const entry = process.argv[2]!;
const dir = tempDir();
const server = await startServer({});
const { accountId, token } = server.admin.createAccount('acme');
const now = new Date();
server.admin.importLedger(
  accountId,
  multiMonthLedger({ from: Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1), months: 2, perDay: 20 }),
);
const account = { id: 'acme', label: 'Acme', serverUrl: server.url };
const rows = (c: Cache) => ({
  events: c.db.prepare('SELECT * FROM events ORDER BY workspace_key, id').all(),
  cursors: c.db.prepare('SELECT workspace_key, cursor, events_received FROM sync_state ORDER BY 1').all(),
});
const caches: Cache[] = [];
try {
  const here = openCache(dir.file('here.sqlite'));
  const there = openCache(dir.file('there.sqlite'));
  caches.push(here, there);
  const secrets = createMemorySecretStore({ acme: token });
  await createSyncService({ cache: here, secrets, pageSize: 500 }).sync(account);
  const thread = createSyncThread({ cache: there, data: { file: there.file }, spawn: builtWorker(entry) });
  const service = createSyncService({ cache: there, secrets, pageSize: 500, runner: thread });
  const summary = await service.sync(account);
  await service.dispose();
  const same = isDeepStrictEqual(rows(there), rows(here));
  console.log(
    JSON.stringify({ same, stored: summary.inserted > 0 && summary.inserted === summary.received }),
  );
  if (!same) process.exitCode = 1;
} finally {
  for (const c of caches) c.close();
  await server.close();
  dir.cleanup();
}
