// npm run bench:csv: a 100,000-row usage CSV imported into a manual workspace's cache, against
// csv-parse alone and a raw better-sqlite3 insert of the same rows, measured in the same run.
import { parse } from 'csv-parse/sync';
import { builtinCatalog } from '../../src-shared/catalog/catalog';
import { openCache, type Cache } from '../../src-main/cache/cache';
import { importUsageCsv } from '../../src-main/import/csv-import';
import { addManualWorkspace } from '../../src-main/manual/manual-workspaces';
import { tempDir } from '../fixtures/temp-dir';
import { prng } from '../fixtures/team-month';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 100_000);
const RUNS = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** A month of a busy Base44 workspace's log: a quarter of the rows without credits, quoted apps, no ids. */
function usageCsv(rows: number): string {
  const rand = prng(7);
  const actions = ['llm', 'file', 'pdf', 'external_api', 'integration:stripe', 'email'];
  const members = Array.from({ length: 20 }, (_, i) => `member-${i}`);
  const start = Date.UTC(2026, 10, 1);
  const lines = ['Date,Type,Credits,User,App'];
  for (let i = 0; i < rows; i++) {
    const t = new Date(start + Math.floor((i / rows) * 29 * 86_400_000) + Math.floor(rand() * 60_000));
    const when = t.toISOString().slice(0, 19).replace('T', ' ');
    const credits = rand() < 0.25 ? '' : String(1 + Math.floor(rand() * 4));
    const app = rand() < 0.5 ? 'crm' : '"support, eu"';
    lines.push(
      `${when},${actions[Math.floor(rand() * actions.length)]},${credits},${members[Math.floor(rand() * 20)]},${app}`,
    );
  }
  return lines.join('\n') + '\n';
}

const text = usageCsv(ROWS);
const now = Date.UTC(2026, 10, 30, 12);

/** Runs `fn` over a fresh cache holding one manual Base44 Elite workspace; returns its answer. */
function withBusyCache<T>(fn: (cache: Cache, key: number) => T): T {
  const dir = tempDir('creditbar-bench-csv-');
  const cache = openCache(dir.file(), { now: () => now });
  try {
    const ws = addManualWorkspace(
      cache,
      { provider: 'base44', plan: 'elite', name: 'Busy', billingDay: 1, id: 'busy' },
      { catalog: builtinCatalog, now },
    );
    return fn(cache, ws.key);
  } finally {
    cache.close();
    dir.cleanup();
  }
}

function importOnce(): number {
  return withBusyCache((cache) => {
    const t0 = performance.now();
    const r = importUsageCsv(cache, text, {
      workspaceId: 'busy',
      source: 'usage.csv',
      catalog: builtinCatalog,
      now,
    });
    const ms = performance.now() - t0;
    if (r.inserted !== ROWS) throw new Error(`imported ${r.inserted} of ${ROWS} rows`);
    return ms;
  });
}

/** The floor: parsing the text and inserting each row with one prepared statement in one transaction. */
function rawOnce(): { parseMs: number; totalMs: number } {
  return withBusyCache((cache, key) => {
    const t0 = performance.now();
    const records = parse(text, { bom: true, from_line: 2 }) as string[][];
    const parseMs = performance.now() - t0;
    const insert = cache.db.prepare(
      'INSERT OR IGNORE INTO events (workspace_key, id, pool, occurred_at, member_id, app, action, credits) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    cache.db.transaction(() => {
      records.forEach((r, i) =>
        insert.run(
          key,
          `e${i}`,
          'integration',
          Date.parse(`${r[0]}Z`),
          r[3],
          r[4],
          r[1],
          r[2] === '' ? null : Number(r[2]),
        ),
      );
    })();
    return { parseMs, totalMs: performance.now() - t0 };
  });
}

importOnce(); // warm up
rawOnce();
const importMs = median(Array.from({ length: RUNS }, importOnce));
const raw = Array.from({ length: RUNS }, rawOnce);
const rawMs = median(raw.map((r) => r.totalMs));
const parseMs = median(raw.map((r) => r.parseMs));
const perSecond = (ms: number) => Math.round((ROWS / ms) * 1000).toLocaleString('en-US');
console.log(
  `csv import bench: ${ROWS.toLocaleString('en-US')} rows, ${(text.length / 2 ** 20).toFixed(1)} MB (median of ${RUNS})`,
);
console.log(
  `  creditbar import (parse, map, check, derive ids, store, summarise): ${importMs.toFixed(0)} ms (${perSecond(importMs)} rows/s)`,
);
console.log(`  csv-parse alone:                 ${parseMs.toFixed(0)} ms (${perSecond(parseMs)} rows/s)`);
console.log(`  csv-parse + raw insert loop:     ${rawMs.toFixed(0)} ms (${perSecond(rawMs)} rows/s)`);
console.log(`  ratio import / (parse + raw insert): ${(importMs / rawMs).toFixed(1)}x`);
console.log(`  peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
