// Bench helper (child process): one sync of the bench account into an empty cache, measured from
// inside so that its peak RSS is the syncing process's alone. Prints one JSON line.
import { openCache } from '../../../src-main/cache/cache';
import { createApiClient } from '../../../src-main/sync/api-client';
import { syncAccount } from '../../../src-main/sync/sync-account';

const [url, token, file, expected] = process.argv.slice(2) as [string, string, string, string];
const cache = openCache(file);
let pulledAt = 0;
let received = 0;
let pullRssMb = 0;
const t0 = performance.now();
const summary = await syncAccount(
  { id: 'bench', label: 'bench', serverUrl: url },
  {
    cache,
    api: createApiClient({ baseUrl: url, token }),
    now: Date.now,
    onProgress: (p) => {
      received = p.total;
      pulledAt = performance.now();
      // Peak RSS of the pull itself: every page stored, before summaries and reconciliation.
      if (p.total === Number(expected)) pullRssMb = process.resourceUsage().maxRSS / 1024;
    },
  },
);
const totalMs = performance.now() - t0;
cache.close();
process.stdout.write(
  JSON.stringify({
    received,
    inserted: summary.inserted,
    pages: summary.pages,
    pullMs: pulledAt - t0,
    totalMs,
    errors: summary.errors,
    drift: summary.workspaces.flatMap((w) => w.drift.map((d) => d.localRemaining - d.serverRemaining)),
    pullRssMb,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
