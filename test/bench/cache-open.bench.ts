// Bench: what opening the app's cache costs the main thread, with PRAGMA quick_check at open (issue
// 16's path, still taken after a crash) and with the check left to the evaluator thread (after a
// clean shutdown). The cache holds a Team workspace's 1,000,000-event current month and a year of
// closed months (as bench:runtime's cold start). With BENCH_DROP_CACHES=1 (root) each trial also
// runs after `echo 3 > /proc/sys/vm/drop_caches`: the file read from disk, as after a reboot.
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openCache } from '../../src-main/cache/cache';
import { openAppCache } from '../../src-main/cache/open-app-cache';
import { storeEvents } from '../../src-main/cache/store-events';
import { createEvaluatorClient } from '../../src-main/evaluator/evaluator-client';
import { sourceWorker } from '../../src-main/evaluator/worker-spawn';
import { teamMonthLedger } from '../fixtures/team-month';
import { buildYearCache } from './sync/year-cache';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 1_000_000);
const TRIALS = Number(process.env['BENCH_TRIALS'] ?? 3);
const DROP = process.env['BENCH_DROP_CACHES'] === '1';

const dir = mkdtempSync(join(tmpdir(), 'creditbar-bench-open-'));
const file = join(dir, 'cache.sqlite');

// The cache: the current month's events stored as a sync stores them, then a year of closed months.
const now = new Date();
const year = now.getUTCFullYear();
const month = now.getUTCMonth() + 1;
const ledger = teamMonthLedger(EVENTS, year, month);
const built = openCache(file);
built.write.accounts.upsert({ id: 'bench', label: 'bench', serverUrl: null }, Date.now());
const { key } = built.write.workspaces.upsert('bench', ledger.workspaces[0]!, Date.now());
for (let i = 0; i < ledger.events.length; i += 50_000)
  built.transaction(() => storeEvents(built, key, ledger.events.slice(i, i + 50_000)));
const last = new Date(Date.UTC(year, month - 2, 1));
buildYearCache(built, {
  into: { accountId: 'bench', workspaceIds: [ledger.workspaces[0]!.id] },
  workspaces: 1,
  months: 12,
  last: { year: last.getUTCFullYear(), month: last.getUTCMonth() + 1 },
  eventsPerMonth: 100_000,
});
built.db.pragma('wal_checkpoint(TRUNCATE)');
built.close();
const sizeMb = statSync(file).size / 2 ** 20;

function dropCaches(): void {
  if (!DROP) return;
  execSync('sync');
  writeFileSync('/proc/sys/vm/drop_caches', '3');
}

/** Main-thread time of openAppCache, and its longest event-loop block (the open is one). */
function openTrial(deferCheck: boolean) {
  const t0 = performance.now();
  const opened = openAppCache(file, { deferCheck });
  const openMs = performance.now() - t0;
  const checked = opened.deferredCheck === null;
  return { opened, openMs, checked };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (xs: number[]) => `${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(' / ')})`;

const rows: string[] = [];
for (const cold of DROP ? [false, true] : [false]) {
  const atOpen: number[] = [];
  const deferred: number[] = [];
  const inThread: number[] = [];
  const blockDuring: number[] = [];
  for (let t = 0; t < TRIALS; t++) {
    // Warm: one untimed open first so the file is in the OS cache.
    if (!cold) openAppCache(file).close();
    if (cold) dropCaches();
    const a = openTrial(false);
    if (!a.checked) throw new Error('the check did not run at open');
    a.opened.close();
    atOpen.push(a.openMs);

    if (cold) dropCaches();
    const d = openTrial(true);
    if (d.checked) throw new Error('the check ran at open after a clean shutdown');
    deferred.push(d.openMs);
    // The check in the evaluator thread, while the main thread's event loop is watched.
    const client = createEvaluatorClient({
      data: { file },
      spawn: sourceWorker(new URL('../../src-main/evaluator/evaluator-worker.ts', import.meta.url)),
      onCrash: (err) => console.error(err),
    });
    await client.checkpoint(); // the thread started (the app's runs from the first snapshot on)
    const h = monitorEventLoopDelay({ resolution: 5 });
    h.enable();
    const result = await client.quickCheck();
    h.disable();
    if (!result || result.damage !== null) throw new Error(`unexpected check: ${JSON.stringify(result)}`);
    inThread.push(result.ms);
    blockDuring.push(h.max / 1e6);
    await client.dispose();
    d.opened.close();
  }
  const load = execSync('uptime')
    .toString()
    .trim()
    .replace(/.*load average: /, '');
  rows.push(
    `${cold ? 'cold (drop_caches)' : 'warm (OS cache)'}, load ${load}:`,
    `  openAppCache with quick_check (after a crash):   ${fmt(atOpen)} on the main thread`,
    `  openAppCache after a clean shutdown:             ${fmt(deferred)} on the main thread`,
    `  quick_check in the evaluator thread:             ${fmt(inThread)}`,
    `  longest main-thread block meanwhile:             ${fmt(blockDuring)}`,
  );
}
console.log(
  `cache-open bench: ${EVENTS.toLocaleString('en-US')} events this month + a year of closed months, ${sizeMb.toFixed(0)} MB, ${TRIALS} trials (median, then each)`,
);
for (const r of rows) console.log(r);
rmSync(dir, { recursive: true, force: true });
process.exit(0);
