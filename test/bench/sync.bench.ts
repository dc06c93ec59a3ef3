// npm run bench:sync: sync throughput against a raw better-sqlite3 insert loop on the same machine,
// the syncing process's peak memory, the month review from rollups over a year of ten workspaces,
// and what a year of a Team-plan workspace takes on disk. Prints figures, never pass/fail.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { openCache } from '../../src-main/cache/cache';
import { reviewMonthFromCache } from '../../src-main/cache/month-review';
import { openDatabase } from '../../src-main/db/connection';
import { DAY_MS, parseInstant } from '../../src-shared/time/instant';
import { teamMonthLedger } from '../fixtures/team-month';
import { buildYearCache } from './sync/year-cache';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 1_000_000);
const YEAR_EVENTS = Number(process.env['BENCH_YEAR_EVENTS'] ?? 1_000_000);
const BATCH = 5000;
const TRIALS = Number(process.env['BENCH_TRIALS'] ?? 3);
const TSX = resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
const here = (f: string) => resolve(import.meta.dirname, f);
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 2 ** 20, 1)} MB`;

const now = new Date();
const year = now.getUTCFullYear();
const month = now.getUTCMonth() + 1;
// The month's events are spread from its first day up to now, so that all of them are due: spread
// over the calendar month, early in a month most were in the future and the reconciliation below
// evaluated only the few already due (~89,000 of a million on the 3rd).
const until = now.getTime();
const dir = mkdtempSync(join(tmpdir(), 'creditbar-bench-'));

/** Table and index sizes of a database file, from SQLite's dbstat. */
function sizes(file: string): Map<string, number> {
  const db = openDatabase(file, { readonly: true });
  const rows = db
    .prepare<[], { name: string; bytes: number }>(
      'SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name',
    )
    .all();
  db.close();
  return new Map(rows.map((r) => [r.name, r.bytes]));
}
const sum = (m: Map<string, number>, names: string[]) => names.reduce((s, n) => s + (m.get(n) ?? 0), 0);

async function main(): Promise<void> {
  console.log(
    `sync bench: a Zite Team month (${fmt(EVENTS)} events, 20 members, all due: spread from the 1st to now) from the reference server on loopback`,
  );

  // 1. The server, in its own process so that its memory and CPU are not the syncing process's.
  const server = spawn(
    TSX,
    [here('sync/server-child.ts'), String(EVENTS), String(year), String(month), '1', String(until)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const { url, token, importMs } = await new Promise<{ url: string; token: string; importMs: number }>(
    (ok, fail) => {
      createInterface({ input: server.stdout! }).once('line', (line) => ok(JSON.parse(line)));
      server.once('exit', (code) => fail(new Error(`the bench server exited (${code}) before it was ready`)));
    },
  );
  console.log(`  server ready at ${url} (loaded the month in ${fmt(importMs / 1000, 1)} s)`);

  try {
    // 2. The raw baseline: the same rows, one prepared statement, transactions of one page each.
    const ledger = teamMonthLedger(EVENTS, year, month, 7, { until });
    const rows = ledger.events.map(
      (e) =>
        [
          1,
          e.id,
          e.pool,
          parseInstant(e.occurredAt),
          e.memberId,
          e.app ?? null,
          e.action,
          e.units ?? null,
          e.credits ?? null,
          e.inputHash ?? null,
        ] as const,
    );
    const rawInsert = (file: string): number => {
      const raw = openDatabase(file);
      raw.prepare("INSERT INTO accounts (id, label, created_at) VALUES ('raw', 'raw', 0)").run();
      raw
        .prepare(
          "INSERT INTO workspaces (key, id, account_id, name, provider, plan, pools_declared, thresholds_declared, updated_at) VALUES (1, 'team', 'raw', 'Team', 'zite', 'team', 0, 0, 0)",
        )
        .run();
      const insert = raw.prepare(
        'INSERT OR IGNORE INTO events (workspace_key, id, pool, occurred_at, member_id, app, action, units, credits, input_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const batch = raw.transaction((from: number) => {
        for (let i = from; i < Math.min(from + BATCH, rows.length); i++) insert.run(...rows[i]!);
      });
      const r0 = performance.now();
      for (let i = 0; i < rows.length; i += BATCH) batch(i);
      const ms = performance.now() - r0;
      raw.close();
      return ms;
    };

    // 3. The sync, in a child process measuring its own peak RSS; trials alternate with the raw
    // loop so that both see the same load on a shared machine, and the medians are compared.
    type SyncResult = {
      received: number;
      inserted: number;
      pages: number;
      pullMs: number;
      totalMs: number;
      errors: string[];
      drift: number[];
      pullRssMb: number;
      maxRssMb: number;
    };
    const syncOnce = (file: string) => {
      const child = spawn(TSX, [here('sync/sync-child.ts'), url, token, file, String(EVENTS)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      return new Promise<SyncResult>((ok, fail) => {
        createInterface({ input: child.stdout! }).once('line', (line) => ok(JSON.parse(line)));
        child.once('exit', (code) => code !== 0 && fail(new Error(`the sync child failed (${code})`)));
      });
    };
    const rawRuns: number[] = [];
    const syncRuns: SyncResult[] = [];
    const syncFile = join(dir, 'sync.db');
    for (let trial = 0; trial < TRIALS; trial++) {
      rawRuns.push(rawInsert(join(dir, `raw-${trial}.db`)));
      if (trial > 0) rmSync(syncFile, { force: true });
      const result = await syncOnce(syncFile);
      if (result.errors.length > 0) throw new Error(`the sync reported errors: ${result.errors.join('; ')}`);
      if (result.inserted !== EVENTS)
        throw new Error(`the sync stored ${result.inserted} events, expected ${EVENTS}`);
      syncRuns.push(result);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const rawMs = median(rawRuns);
    const pullMs = median(syncRuns.map((r) => r.pullMs));
    const rawRate = (EVENTS / rawMs) * 1000;
    const syncRate = (EVENTS / pullMs) * 1000;
    const list = (xs: number[]) => xs.map((x) => fmt(x)).join(', ');
    console.log(
      `  raw insert loop:   ${fmt(rawMs)} ms  (${fmt(rawRate)} rows/s; one prepared statement, ${fmt(BATCH)} rows per transaction; trials ${list(rawRuns)} ms)`,
    );
    console.log(
      `  sync (pull+store): ${fmt(pullMs)} ms  (${fmt(syncRate)} events/s; ${syncRuns[0]!.pages} pages, validated, written with their cursor; trials ${list(syncRuns.map((r) => r.pullMs))} ms)`,
    );
    console.log(
      `  ratio sync/raw:    ${fmt((syncRate / rawRate) * 100)} %  (medians of ${TRIALS} alternating trials; target ≥ 50 %)`,
    );
    const last = syncRuns[syncRuns.length - 1]!;
    console.log(
      `  whole sync incl. summaries and reconciliation with /balance: ${fmt(median(syncRuns.map((r) => r.totalMs)))} ms; drift ${last.drift.every((d) => Math.abs(d) < 1e-8) ? 'none' : last.drift.join(', ')}`,
    );
    console.log(
      `  peak RSS of the syncing process: ${fmt(Math.max(...syncRuns.map((r) => r.pullRssMb)))} MB while pulling, ${fmt(Math.max(...syncRuns.map((r) => r.maxRssMb)))} MB with the reconciliation that evaluates the month  (target < 300 MB)`,
    );

    // 4. Disk: a synced raw month, and a year of closed months per workspace.
    const syncSizes = sizes(syncFile);
    const rawMonthBytes = sum(syncSizes, ['events', 'sqlite_autoindex_events_1', 'events_by_time']);
    const yearFile = join(dir, 'year.db');
    const yearCache = openCache(yearFile);
    const built = buildYearCache(yearCache, {
      workspaces: 10,
      months: 12,
      last: { year, month: month - 1 || 12 },
      eventsPerMonth: YEAR_EVENTS,
    });
    const cells = built.cells;

    // 5. The month review of a closed month from rollups, over that year of ten workspaces.
    const reviewed = new Date(Date.UTC(year, month - 1 - 6, 1));
    const target = { year: reviewed.getUTCFullYear(), month: reviewed.getUTCMonth() + 1 };
    const runs: number[] = [];
    let pools = 0;
    for (let i = 0; i < 21; i++) {
      const t0 = performance.now();
      pools = reviewMonthFromCache(yearCache, target).pools.length;
      runs.push(performance.now() - t0);
    }
    runs.sort((a, b) => a - b);
    const fromDay = Date.UTC(target.year, target.month - 1, 1) / DAY_MS;
    const toDay = Date.UTC(target.year, target.month, 1) / DAY_MS;
    const d0 = performance.now();
    for (const w of yearCache.read.workspaces.list())
      for (const by of ['member', 'action', 'app', 'day'] as const)
        yearCache.read.rollups.breakdown(w.key, 'integration', fromDay, toDay, by);
    const drillMs = performance.now() - d0;
    yearCache.close();
    const yearSizes = sizes(yearFile);
    const rollupBytes = sum(yearSizes, ['rollups']);
    console.log(
      `month review of ${target.year}-${String(target.month).padStart(2, '0')} (closed) over a year of 10 Team workspaces of ${fmt(YEAR_EVENTS)} events a month:`,
    );
    console.log(
      `  ${fmt(cells)} rollup cells (${fmt(cells / 120)} per workspace-month), rollups ${mb(rollupBytes)} on disk; the first workspace walked by the engine in ${fmt(built.walkMs / 1000, 1)} s, copied to the other 9 in ${fmt(built.copyMs / 1000, 1)} s`,
    );
    console.log(
      `  review from summaries and rollups: median ${fmt(runs[10]!, 1)} ms, worst ${fmt(runs[20]!, 1)} ms for ${pools} pools  (target < 50 ms)`,
    );
    console.log(
      `  every breakdown re-read from the fine rollups by SQL (member, action, app, day × 10 workspaces): ${fmt(drillMs, 1)} ms`,
    );

    const closedBytes =
      sum(yearSizes, ['period_summaries', 'rollups', 'labels', 'sqlite_autoindex_labels_1']) / (10 * 12);
    console.log('disk:');
    console.log(
      `  raw events of one Team month (table and indexes): ${mb(rawMonthBytes)} (${fmt(rawMonthBytes / EVENTS)} bytes per event); sync cache file ${mb(statSync(syncFile).size)}`,
    );
    console.log(
      `  one closed month (summary + rollups, ${fmt(cells / 120)} cells at ${fmt(YEAR_EVENTS)} events/month): ${mb(closedBytes)} (rollups ${mb(rollupBytes / 120)})`,
    );
    console.log(
      `  a year of one Team workspace (2 raw months + 12 summarised): about ${mb(2 * rawMonthBytes + 12 * closedBytes)}`,
    );
  } finally {
    server.stdin!.end();
    await new Promise((ok) => server.once('exit', ok));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
