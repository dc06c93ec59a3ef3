// npm run bench:runtime: the app runtime as `creditbar web` builds it, over the reference server on
// loopback, with a current period of 10,000, 1,000,000 and 20 x 100,000 due events (the month mapped
// onto the start of this month up to now). Per case: a first sync, steady syncs of 100 new events,
// budget changes and ticks, each with the longest main-thread block and p99 event-loop delay
// (perf_hooks.monitorEventLoopDelay), request to snapshot, RSS idle and peak; the server's /balance
// after an ingest; and, as the baseline of the same run, the evaluation the runtime used to run on
// its main thread over the same cache. The last line is one JSON object. Prints figures, never
// pass/fail. BENCH_CASES=10k,1M picks cases; BENCH_TRIALS (default 3) sets the trials per phase.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { RuntimeCase, RuntimeFigures, Phase } from './runtime/runtime-child';

const TSX = resolve(import.meta.dirname, '../../node_modules/tsx/dist/esm/index.mjs');
const here = (f: string) => resolve(import.meta.dirname, f);
const TRIALS = Number(process.env['BENCH_TRIALS'] ?? 3);
const CASES = [
  { name: '10k', workspaces: 1, events: 10_000 },
  { name: '1M', workspaces: 1, events: 1_000_000, coldStart: true },
  { name: '20x100k', workspaces: 20, events: 100_000 },
].filter((c) => !process.env['BENCH_CASES'] || process.env['BENCH_CASES'].split(',').includes(c.name));

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const list = (xs: number[]) => xs.map((x) => fmt(x)).join(', ');

/** A child running a TypeScript file (tsx as a loader, so that --expose-gc reaches node). */
function child(file: string, args: string[], stdin: 'pipe' | 'ignore') {
  return spawn(process.execPath, ['--expose-gc', '--import', TSX, here(file), ...args], {
    stdio: [stdin, 'pipe', 'inherit'],
  });
}

function firstLine<T>(p: ReturnType<typeof child>, what: string): Promise<T> {
  return new Promise<T>((ok, fail) => {
    createInterface({ input: p.stdout! }).once('line', (line) => ok(JSON.parse(line) as T));
    p.once('exit', (code) => fail(new Error(`${what} exited (${code}) before it answered`)));
  });
}

async function runCase(c: (typeof CASES)[number]): Promise<RuntimeFigures> {
  const now = new Date();
  const server = child(
    'sync/server-child.ts',
    [
      String(c.events),
      String(now.getUTCFullYear()),
      String(now.getUTCMonth() + 1),
      String(c.workspaces),
      String(now.getTime()),
    ],
    'pipe',
  );
  try {
    const ready = await firstLine<{
      url: string;
      token: string;
      ingestTokens: Record<string, string>;
      importMs: number;
    }>(server, 'the bench server');
    console.log(`${c.name}: server ready (imported in ${fmt(ready.importMs / 1000, 1)} s)`);
    const spec: RuntimeCase = {
      name: c.name,
      url: ready.url,
      token: ready.token,
      ingestTokens: ready.ingestTokens,
      events: c.events,
      workspaces: c.workspaces,
      trials: TRIALS,
      coldStart: c.coldStart ?? false,
    };
    return await firstLine<RuntimeFigures>(
      child('runtime/runtime-child.ts', [JSON.stringify(spec)], 'ignore'),
      'the runtime child',
    );
  } finally {
    server.stdin!.end();
    await new Promise((ok) => server.once('exit', ok));
  }
}

function phaseLine(label: string, p: Phase, timed = true): string {
  return `  ${label.padEnd(16)} longest block ${fmt(p.longestBlockMs).padStart(5)} ms, p99 delay ${fmt(p.p99DelayMs, 1).padStart(5)} ms${timed ? `, request to snapshot ${fmt(median(p.ms))} ms (trials ${list(p.ms)})` : ''}, RSS up to ${fmt(p.peakRssMb)} MB`;
}

console.log(
  `runtime bench: a Zite Team workspace's current period (due events only), the runtime as creditbar web builds it; ${TRIALS} trials per phase`,
);
const results = new Map<string, RuntimeFigures>();
for (const c of CASES) {
  const r = await runCase(c);
  results.set(c.name, r);
  const steady = median(r.steadySync.ms);
  console.log(`${c.name} (${c.workspaces} x ${fmt(c.events)} events):`);
  console.log(phaseLine('first sync', r.firstSync));
  console.log(phaseLine('steady sync', r.steadySync));
  console.log(phaseLine('budget change', r.settingsChange));
  console.log(phaseLine('ticks', r.tick, false));
  console.log(
    `  baseline: the whole view evaluated on the main thread (what every sync and settings change did) ${fmt(r.mainThreadEvaluateMs)} ms: the steady sync's snapshot comes in ${fmt((steady / r.mainThreadEvaluateMs) * 100)} % of it, its longest block is ${fmt((r.steadySync.longestBlockMs / r.mainThreadEvaluateMs) * 100, 1)} % of it`,
  );
  console.log(
    `  RSS idle ${fmt(r.idleRssMb)} MB, peak ${fmt(r.peakRssMb)} MB; server /balance after 100 new events ${fmt(median(r.serverBalanceMs))} ms (trials ${list(r.serverBalanceMs)})`,
  );
  if (r.coldStartMs !== null)
    console.log(
      `  cold start over this cache plus a year of closed months: first snapshot ${fmt(r.coldStartEmptyMs!)} ms (empty), with the numbers ${fmt(r.coldStartMs)} ms`,
    );
}

const all = [...results.values()];
const phases = (r: RuntimeFigures) => [r.firstSync, r.steadySync, r.settingsChange, r.tick];
const big = results.get('1M') ?? all[all.length - 1]!;
console.log(
  JSON.stringify({
    longestBlockMs: Math.round(Math.max(...all.flatMap((r) => phases(r).map((p) => p.longestBlockMs)))),
    steadySyncMs: Object.fromEntries(
      [...results].map(([name, r]) => [name, Math.round(median(r.steadySync.ms))]),
    ),
    settingsChangeMs: Math.round(median(big.settingsChange.ms)),
    coldStartMs: Math.round(all.find((r) => r.coldStartMs !== null)?.coldStartMs ?? Number.NaN) || null,
    idleRssMb: Math.round(big.idleRssMb),
    peakRssMb: Math.round(Math.max(...all.map((r) => r.peakRssMb))),
    serverBalanceMs: Math.round(median(big.serverBalanceMs)),
  }),
);
