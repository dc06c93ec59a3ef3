// `npm run bench:server`: how fast the reference server serves usage pages on loopback.
// Seeds a Zite Team month (1,000,000 events) into a temp database, starts bin/creditbar-server on it
// in a child process, pages through every event with limit 5000 (gzip, then uncompressed), and
// compares with a raw better-sqlite3 read of the same rows in this process. Prints rates and ratios
// measured in this run, never pass/fail on time. Stops by itself and removes its files.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { usagePageSchema } from '../../src-shared/api/usage';
import { createAdmin, writeLedger } from '../../src-server/admin';
import { openServerDatabase } from '../../src-server/db/connection';
import { createStore } from '../../src-server/db/store';
import { teamMonthLedger } from '../fixtures/team-month';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const LIMIT = 5000;
const TARGET = 100_000;
const BIN = resolve(import.meta.dirname, '../../bin/creditbar-server');

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function seed(dbPath: string): string {
  const started = performance.now();
  const ledger = teamMonthLedger(EVENTS);
  const db = openServerDatabase(dbPath);
  const store = createStore(db);
  const { accountId, token } = createAdmin(store, Date.now).createAccount('bench');
  writeLedger(store, accountId, ledger);
  db.close();
  console.log(`seeded ${fmt(EVENTS)} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return token;
}

/** Baseline: the same rows read straight from SQLite with one prepared statement, no HTTP, no JSON. */
function rawRead(dbPath: string): number {
  const db = openServerDatabase(dbPath);
  const stmt = db
    .prepare(
      'SELECT seq, id, pool, member_id, app, action, units, credits, occurred_at, input_hash FROM events WHERE workspace_pk = 1 ORDER BY seq',
    )
    .raw(true);
  const started = performance.now();
  let n = 0;
  for (const _row of stmt.iterate()) n++;
  const seconds = (performance.now() - started) / 1000;
  db.close();
  if (n !== EVENTS) throw new Error(`raw read saw ${n} rows, expected ${EVENTS}`);
  return n / seconds;
}

async function startChild(dbPath: string) {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', dbPath, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  let url = '';
  for await (const line of lines) {
    url ||= /listening on +(\S+)/.exec(line)?.[1] ?? '';
    if (line.startsWith('Ctrl-C stops')) break;
  }
  const stopped = new Promise<string>((done) => {
    const rest: string[] = [];
    lines.on('line', (l) => rest.push(l));
    child.on('exit', () => done(rest.join('\n')));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      const text = await stopped;
      return Number(/peak RSS (\d+) MB/.exec(text)?.[1] ?? NaN);
    },
  };
}

/** Pages through the whole workspace like a sync client: fetch, parse, validate, follow nextCursor. */
async function pageAll(
  url: string,
  token: string,
  encoding: string,
): Promise<{ rate: number; pages: number; bytes: number }> {
  const started = performance.now();
  let cursor = '';
  let events = 0;
  let pages = 0;
  let bytes = 0;
  for (;;) {
    const response = await fetch(
      `${url}/v1/workspaces/team/usage?limit=${LIMIT}${cursor ? `&cursor=${cursor}` : ''}`,
      {
        headers: { authorization: `Bearer ${token}`, 'accept-encoding': encoding },
      },
    );
    bytes += Number(response.headers.get('content-length') ?? 0);
    const page = usagePageSchema.parse(await response.json());
    events += page.events.length;
    pages++;
    cursor = page.nextCursor;
    if (!page.hasMore) break;
  }
  if (events !== EVENTS) throw new Error(`paged ${events} events, expected ${EVENTS}`);
  return { rate: events / ((performance.now() - started) / 1000), pages, bytes };
}

const dir = mkdtempSync(join(tmpdir(), 'creditbar-bench-server-'));
try {
  const dbPath = join(dir, 'server.sqlite');
  const token = seed(dbPath);
  const raw = rawRead(dbPath);
  const server = await startChild(dbPath);
  await pageAll(server.url, token, 'gzip'); // warm-up: JIT and the page cache
  const gzip = await pageAll(server.url, token, 'gzip');
  const identity = await pageAll(server.url, token, 'identity');
  const peakRss = await server.stop();
  console.log('');
  console.log(`| paging ${fmt(EVENTS)} events, limit ${LIMIT}, loopback | events/s | vs raw SQLite read |`);
  console.log('| --- | --- | --- |');
  console.log(`| raw better-sqlite3 read of the same rows (baseline) | ${fmt(raw)} | 1.00 |`);
  console.log(
    `| GET /usage, gzip (what a client on a network asks for) | ${fmt(gzip.rate)} | ${(gzip.rate / raw).toFixed(2)} |`,
  );
  console.log(
    `| GET /usage, uncompressed (the app's sync on loopback) | ${fmt(identity.rate)} | ${(identity.rate / raw).toFixed(2)} |`,
  );
  console.log('');
  console.log(`server peak RSS: ${fmt(peakRss)} MB (child process, whole run)`);
  console.log(`pages: ${gzip.pages} of ${LIMIT} events; ${(EVENTS / gzip.pages).toFixed(0)} per page`);
  const best = Math.max(gzip.rate, identity.rate);
  console.log(
    `target ≥ ${fmt(TARGET)} events/s served: gzip ${(gzip.rate / TARGET).toFixed(2)}x of it, uncompressed ${(identity.rate / TARGET).toFixed(2)}x (best ${fmt(best)})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
