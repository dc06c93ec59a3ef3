// `npm run bench:ingest`: how fast a collector takes reported usage, and how much disk it needs.
// Starts bin/creditbar-server in a child process on a temp database with one workspace and an
// ingest token, POSTs events in batches of 100 and of 1,000 on loopback (one batch in flight, as
// one reporter sends; then four at once, as several apps do), and inserts the same rows in this
// process with one prepared statement, one transaction per batch: the ratio is what the HTTP, JSON,
// validation and auth cost. Then the database size per million events. Prints rates and ratios
// measured in this run, never pass/fail. Traffic goes to 127.0.0.1 only; stops by itself.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { UsageEvent } from '../../src-shared/types/ledger';
import { createAdmin } from '../../src-server/admin';
import { openServerDatabase } from '../../src-server/db/connection';
import { createStore } from '../../src-server/db/store';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
const SIZE_EVENTS = Number(process.env.BENCH_SIZE_EVENTS ?? 1_000_000);
const BIN = resolve(import.meta.dirname, '../../bin/creditbar-server');
const ACTIONS = ['llm', 'llm', 'llm', 'file', 'pdf', 'external_api', 'integration:slack', 'backend_function'];
const APPS = ['helpdesk', 'onboarding', 'reports'];

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Events as the reporter sends them: a UUID id, a member of 40, an app, an action, now-ish. */
function events(n: number, start: number): Omit<UsageEvent, 'workspaceId'>[] {
  const out: Omit<UsageEvent, 'workspaceId'>[] = [];
  for (let i = 0; i < n; i++) {
    const action = ACTIONS[i % ACTIONS.length]!;
    out.push({
      id: randomUUID(),
      pool: 'integration',
      memberId: `member-${(i * 7) % 40}`,
      app: APPS[i % APPS.length]!,
      action,
      ...(action === 'llm' && i % 2 === 0 ? { credits: 1 + (i % 3) } : {}),
      ...(action === 'pdf' ? { units: 1 + (i % 40) } : {}),
      occurredAt: new Date(start + i * 10).toISOString(),
    });
  }
  return out;
}

function setUp(dbPath: string): string {
  const db = openServerDatabase(dbPath);
  const admin = createAdmin(createStore(db), Date.now);
  const { accountId } = admin.createAccount('bench');
  admin.importLedger(accountId, {
    version: 1,
    workspaces: [
      {
        id: 'support',
        name: 'Support',
        provider: 'base44',
        plan: 'elite',
        pools: [{ pool: 'integration', allowance: 1_000_000_000, reset: { kind: 'anchor-day', day: 1 } }],
      },
    ],
    grants: [],
    events: [],
  });
  const token = admin.createToken(accountId, { scope: 'ingest', workspaceId: 'support' });
  db.close();
  return token;
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
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** POSTs every batch, `parallel` at a time; returns events per second and checks every one was stored. */
async function ingest(url: string, token: string, batches: string[], perBatch: number, parallel: number) {
  let next = 0;
  let inserted = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < batches.length) {
      const body = batches[next++]!;
      const res = await fetch(`${url}/v1/workspaces/support/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      const result = (await res.json()) as { inserted: number };
      if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${JSON.stringify(result)}`);
      inserted += result.inserted;
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  const seconds = (performance.now() - started) / 1000;
  if (inserted !== batches.length * perBatch)
    throw new Error(`stored ${inserted} of ${batches.length * perBatch}`);
  return (batches.length * perBatch) / seconds;
}

/** Baseline: the same rows through one prepared INSERT, one transaction per batch, in this process. */
function rawInsert(dbPath: string, rows: Omit<UsageEvent, 'workspaceId'>[], perBatch: number): number {
  const db = openServerDatabase(dbPath);
  const pk = db.prepare("SELECT pk FROM workspaces WHERE id = 'support'").pluck().get() as number;
  const insert = db.prepare(
    'INSERT OR IGNORE INTO events (workspace_pk, id, pool, member_id, app, action, units, credits, occurred_at, input_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const batch = db.transaction((slice: Omit<UsageEvent, 'workspaceId'>[]) => {
    for (const e of slice)
      insert.run(
        pk,
        e.id,
        e.pool,
        e.memberId,
        e.app ?? null,
        e.action,
        e.units ?? null,
        e.credits ?? null,
        e.occurredAt,
        null,
      );
  });
  const started = performance.now();
  for (let i = 0; i < rows.length; i += perBatch) batch(rows.slice(i, i + perBatch));
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return rows.length / seconds;
}

function fileBytes(dbPath: string): number {
  const db = openServerDatabase(dbPath);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return statSync(dbPath).size;
}

const dir = mkdtempSync(join(tmpdir(), 'creditbar-bench-ingest-'));
try {
  console.log(
    `bench:ingest: ${fmt(EVENTS)} events per case, reporter-shaped (UUID ids, 8 actions, 40 members, 3 apps)`,
  );
  const rows: string[] = [];
  for (const [perBatch, parallel] of [
    [100, 1],
    [1000, 1],
    [100, 4],
    [1000, 4],
  ] as const) {
    const serverDb = join(dir, `server-${perBatch}-${parallel}.sqlite`);
    const rawDb = join(dir, `raw-${perBatch}-${parallel}.sqlite`);
    const token = setUp(serverDb);
    setUp(rawDb);
    const data = events(EVENTS, Date.now() - 3_600_000);
    const bodies: string[] = [];
    for (let i = 0; i < data.length; i += perBatch)
      bodies.push(JSON.stringify({ events: data.slice(i, i + perBatch) }));
    const server = await startChild(serverDb);
    let http: number;
    try {
      http = await ingest(server.url, token, bodies, perBatch, parallel);
    } finally {
      await server.stop();
    }
    const raw = rawInsert(rawDb, data, perBatch);
    rows.push(
      `  batches of ${String(perBatch).padStart(5)}, ${parallel} in flight: POST /events ${fmt(http).padStart(8)} events/s, raw insert ${fmt(raw).padStart(9)} rows/s, ratio ${((http / raw) * 100).toFixed(0).padStart(3)} %`,
    );
    console.log(rows[rows.length - 1]);
  }

  const sizeDb = join(dir, 'size.sqlite');
  setUp(sizeDb);
  const empty = fileBytes(sizeDb);
  for (let done = 0; done < SIZE_EVENTS; done += 100_000)
    rawInsert(sizeDb, events(Math.min(100_000, SIZE_EVENTS - done), Date.now() - 3_600_000), 1000);
  const perMillion = ((fileBytes(sizeDb) - empty) / SIZE_EVENTS) * 1_000_000;
  console.log(
    `  database size: ${(perMillion / 1024 / 1024).toFixed(0)} MB per million reported events (${(perMillion / 1_000_000).toFixed(0)} bytes an event, table and indexes, after a checkpoint)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
