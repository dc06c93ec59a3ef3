// npm run bench:runtime: the app runtime as `creditbar web` builds it, over the reference server on
// loopback, with a current period of 10,000, 1,000,000 and 20 x 100,000 due events (the month mapped
// onto the start of this month up to now). Per case: a first sync, steady syncs of 100 new events,
// budget changes, threshold changes and ticks, each with the longest main-thread block and p99 event-loop delay
// (perf_hooks.monitorEventLoopDelay), each block split into the main thread's time on a CPU and its
// time waiting for a core (runtime/heartbeat.ts: Linux schedstat), request to snapshot, RSS idle and peak; the server's /balance
// after an ingest; and, as the baseline of the same run, the evaluation the runtime used to run on
// its main thread over the same cache (in a process of its own, so it never counts in the runtime's
// RSS), with the engine's walk of the month alone over columns in memory (the same run's measure a
// settings change is put against: each change's request to snapshot as a percentage of it). Memory is measured three times per case: the runtime from source through tsx (with the
// environment and node flags bin/creditbar starts node with; the timed run); bundled by esbuild with
// its dependencies external, the evaluator and sync threads from their own bundles, in plain node
// (what the app ships: electron-vite bundles out/main the same way); and that bundle again with
// bin/creditbar's environment and node flags (what `creditbar web` runs: bin/creditbar bundles the
// CLI and its threads the same way, on the fly), each with where the RSS goes. That last run, settled,
// is the runtime as it ships (JSON shippedIdleSettledRssMb, per case). The last line is one JSON
// object. Prints figures, never pass/fail.
// BENCH_CASES=10k,1M picks cases; BENCH_TRIALS (default 3) sets the trials per phase;
// BENCH_BUNDLED=0 skips the bundled runs; BENCH_LAUNCHER=0 runs the source child without
// bin/creditbar's environment and node flags, and skips the bundled run with them; BENCH_SETTLE_MS (default 30,000) sets how long idle settles;
// BENCH_SERVER_NICE (default 0) the reference server's nice; BENCH_EVALUATOR_NICE (default 0) the evaluator thread's.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import type { RuntimeCase, RuntimeFigures } from './runtime/runtime-child';
import type { MemoryBreakdown, RssSplit } from './runtime/runtime-memory';
import type { Phase } from './runtime/runtime-phase';
import type { Block, BlockFigures } from './runtime/block-watch';

const TSX = resolve(import.meta.dirname, '../../node_modules/tsx/dist/esm/index.mjs');
const here = (f: string) => resolve(import.meta.dirname, f);
const TRIALS = Number(process.env['BENCH_TRIALS'] ?? 3);
const BUNDLED = process.env['BENCH_BUNDLED'] !== '0';
/** Inside the repo (gitignored out/) so that the bundles find node_modules. */
const BUNDLE_DIR = resolve(import.meta.dirname, '../../out/bench-runtime');
const CASES = [
  { name: '10k', workspaces: 1, events: 10_000 },
  { name: '1M', workspaces: 1, events: 1_000_000, coldStart: true },
  { name: '20x100k', workspaces: 20, events: 100_000 },
].filter((c) => !process.env['BENCH_CASES'] || process.env['BENCH_CASES'].split(',').includes(c.name));

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const list = (xs: number[]) => xs.map((x) => fmt(x)).join(', ');

/**
 * How bin/creditbar starts node (its shebang: `env -S NAME=value ... node --flag ...`): the
 * from-source runtime child gets the same environment and node flags, as `creditbar web` and the CLI
 * run; BENCH_LAUNCHER=0 leaves them out.
 */
const LAUNCHER = ((): { env: Record<string, string>; flags: string[] } => {
  if (process.env['BENCH_LAUNCHER'] === '0') return { env: {}, flags: [] };
  const words = readFileSync(here('../../bin/creditbar'), 'utf8').split('\n')[0]!.split(/\s+/);
  const node = words.indexOf('node');
  const env = words.slice(0, node).filter((w) => /^[A-Z_]+=/.test(w));
  return {
    env: Object.fromEntries(env.map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)])),
    flags: words.slice(node + 1).filter(Boolean),
  };
})();

/** A child running a TypeScript file (tsx as a loader, so that --expose-gc reaches node), or a bundle. */
function child(
  file: string,
  args: string[],
  stdin: 'pipe' | 'ignore',
  launcher: typeof LAUNCHER = { env: {}, flags: [] },
  nice = 0,
) {
  const run = file.endsWith('.js') ? [file] : ['--import', TSX, here(file)];
  // BENCH_CPU_PROF=DIR: a CPU profile per thread of each child (the evaluator thread's too) into DIR.
  const prof = process.env['BENCH_CPU_PROF'];
  const profile = prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [];
  const argv = [process.execPath, '--expose-gc', ...launcher.flags, ...profile, ...run, ...args];
  // Through nice(1), which execs node: every thread of the child runs at that nice, under the same pid.
  const [command, ...rest] =
    nice > 0 && process.platform === 'linux' ? ['nice', '-n', String(nice), ...argv] : argv;
  return spawn(command!, rest, {
    stdio: [stdin, 'pipe', 'inherit'],
    env: { ...process.env, ...launcher.env },
  });
}

/**
 * The nice value the reference server runs at (BENCH_SERVER_NICE, default 0: as the runtime). It
 * stands in for a remote collector yet runs on the runtime's cores: in a 20 x 100,000 first sync it
 * ran more CPU than any thread of the runtime (22-26 s against the sync thread's 15 and the
 * evaluator's 5, load 7-14). At nice 10 it did not make the main thread wait less in a same-hour
 * A/B (first sync: waited 23 s at nice 0, 47 s at nice 10, load 8-10 from other work), and it slows
 * what waits for its answers (a steady sync's pages, /balance 19 -> 37 ms): left at 0, each block
 * names what it ran meanwhile.
 */
const SERVER_NICE = Number(process.env['BENCH_SERVER_NICE'] ?? 0);

/** The runtime child, the evaluator and the sync thread bundled as the app ships them (dependencies external). */
async function bundle(): Promise<{ child: string; worker: string; syncWorker: string }> {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  await build({
    entryPoints: {
      'runtime-child': here('runtime/runtime-child.ts'),
      'evaluator-worker': here('../../src-main/evaluator/evaluator-worker.ts'),
      'sync-worker': here('../../src-main/sync/sync-worker.ts'),
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    // Modules imported dynamically (the CSV importer, the demo server) go into chunks loaded when
    // first used, as rollup does for electron-vite; without it esbuild hoists their imports.
    splitting: true,
    outdir: BUNDLE_DIR,
    logLevel: 'warning',
  });
  return {
    child: resolve(BUNDLE_DIR, 'runtime-child.js'),
    worker: resolve(BUNDLE_DIR, 'evaluator-worker.js'),
    syncWorker: resolve(BUNDLE_DIR, 'sync-worker.js'),
  };
}

function firstLine<T>(p: ReturnType<typeof child>, what: string): Promise<T> {
  return new Promise<T>((ok, fail) => {
    createInterface({ input: p.stdout! }).once('line', (line) => ok(JSON.parse(line) as T));
    p.once('exit', (code) => fail(new Error(`${what} exited (${code}) before it answered`)));
  });
}

async function runCase(
  c: (typeof CASES)[number],
  bundled: { child: string; worker: string; syncWorker: string } | null,
): Promise<{ source: RuntimeFigures; bundled: RuntimeFigures | null; launched: RuntimeFigures | null }> {
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
    undefined,
    SERVER_NICE,
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
      mode: 'source',
      baseline: true,
      ...(server.pid ? { serverPid: server.pid } : {}),
    };
    const source = await firstLine<RuntimeFigures>(
      child('runtime/runtime-child.ts', [JSON.stringify(spec)], 'ignore', LAUNCHER),
      'the runtime child',
    );
    if (!bundled) return { source, bundled: null, launched: null };
    // Memory only: one trial per phase, no cold start, no baseline.
    const again: RuntimeCase = {
      ...spec,
      mode: 'bundled',
      workerFile: bundled.worker,
      syncWorkerFile: bundled.syncWorker,
      trials: 1,
      coldStart: false,
      baseline: false,
    };
    const plain = await firstLine<RuntimeFigures>(
      child(bundled.child, [JSON.stringify(again)], 'ignore'),
      'the bundled runtime child',
    );
    const launched =
      Object.keys(LAUNCHER.env).length + LAUNCHER.flags.length > 0
        ? await firstLine<RuntimeFigures>(
            child(bundled.child, [JSON.stringify({ ...again, mode: 'launcher' })], 'ignore', LAUNCHER),
            'the bundled runtime child (launcher)',
          )
        : null;
    return { source, bundled: plain, launched };
  } finally {
    server.stdin!.end();
    await new Promise((ok) => server.once('exit', ok));
  }
}

function phaseLine(label: string, p: Phase, timed = true): string {
  return `  ${label.padEnd(16)} longest block ${fmt(p.longestBlockMs).padStart(5)} ms, p99 delay ${fmt(p.p99DelayMs, 1).padStart(5)} ms${timed ? `, request to snapshot ${fmt(median(p.ms))} ms (trials ${list(p.ms)})` : ''}, RSS up to ${fmt(p.peakRssMb)} MB${blocksLine(p.blocks)}`;
}

/** Names of the runtime's thread groups (heartbeat.ts), in the order they are listed. */
const GROUPS: [string, string][] = [
  ['creditbar-eval', 'evaluator'],
  ['creditbar-sync', 'sync thread'],
  ['node', "node's threads"],
  ['server', 'reference server'],
];

/** What the other threads ran meanwhile: the runtime's own, then the server's (ms, those over 0.5). */
function othersLine(othersMs: Record<string, number>): string {
  const known = new Map(GROUPS);
  const ran = [...GROUPS.map(([g]) => g), ...Object.keys(othersMs).filter((g) => !known.has(g))].flatMap(
    (g) => ((othersMs[g] ?? 0) >= 0.5 ? [`${known.get(g) ?? g} ${fmt(othersMs[g]!)}`] : []),
  );
  return ran.length > 0 ? `; meanwhile ${ran.join(', ')}` : '';
}

/** How the phase's blocks were spent: the main thread working, or waiting for a core (heartbeat.ts). */
function blocksLine(b: BlockFigures | null): string {
  if (!b) return '';
  const spent = (x: Block) =>
    `${fmt(x.cpuMs)} on CPU, ${fmt(x.waitMs)} waiting for a core, ${fmt(Math.max(0, x.gapMs - x.cpuMs - x.waitMs))} asleep${othersLine(x.othersMs)}`;
  const longest = b.longest ? `longest ${fmt(b.longest.ms)} ms (${spent(b.longest)})` : 'none';
  const most = b.mostCpu
    ? `; the most on CPU in one block ${fmt(b.mostCpu.cpuMs)} ms (a ${fmt(b.mostCpu.ms)} ms block${othersLine(b.mostCpu.othersMs)})`
    : '';
  return `\n  ${''.padEnd(16)} heartbeat: blocks ${longest}${most}; ${b.over} over ${b.thresholdMs} ms, ${b.overOnCpu} of them with more than ${b.thresholdMs} ms on CPU; the phase ${fmt(b.cpuMs)} ms on CPU, ${fmt(b.waitMs)} ms waiting${othersLine(b.othersMs)}`;
}

/** Where the RSS goes, on one line. */
function memoryLine(label: string, r: RuntimeFigures): string {
  const m: MemoryBreakdown = r.memory;
  const e = m.evaluator;
  const thread = e
    ? `; evaluator thread heap ${fmt(e.heapUsedBeforeGcMb)} used of ${fmt(e.heapTotalBeforeGcMb)} MB (${fmt(e.heapUsedMb)} of ${fmt(e.heapTotalMb)} after a GC, ${fmt(e.heapPhysicalMb)} backed), columns ${fmt(e.columnMb, 1)} MB for ${fmt(e.heldEvents)} events (${fmt((e.columnMb * 2 ** 20) / Math.max(1, e.heldEvents), 1)} B each incl. room to grow)`
    : '; no evaluator thread';
  const split = (s: RssSplit | null) =>
    s
      ? ` (${fmt(s.fileMb)} MB mapped from files: node's code and ICU data, shared; ${fmt(s.anonMb)} MB its own)`
      : '';
  const settled = m.settledSplit;
  const heaps = m.settledHeapPhysicalMb;
  const rest =
    settled && e
      ? `; settled, of its own ${fmt(settled.anonMb)} MB: V8 heaps ${fmt(heaps.main)} (main) + ${fmt(heaps.evaluator ?? 0)} (evaluator) MB, columns ${fmt(e.columnMb, 1)} MB, the rest (${fmt(settled.anonMb - heaps.main - (heaps.evaluator ?? 0) - e.columnMb)} MB) native: SQLite page caches, the walks' burn windows, Node and V8 internals, and what the C allocator keeps after frees`
      : '';
  return `  RSS ${label.padEnd(7)} idle ${fmt(r.idleRssMb)} MB${split(m.split)}, settled ${fmt(r.idleSettledRssMb)} MB${split(settled)}, peak ${fmt(r.peakRssMb)} MB (first sync ${fmt(r.firstSync.peakRssMb)}, steady ${fmt(r.steadySync.peakRssMb)}; ${fmt(r.closePeakRssMb)} once closed, saving its walks). Of idle: node${label === 'source' ? ' + tsx' : ''} + runtime loaded ${fmt(m.loadedRssMb)} MB, started over an empty cache ${fmt(m.startedRssMb)} MB; main heap ${fmt(m.mainHeapUsedMb)} used of ${fmt(m.mainHeapTotalMb)} MB (${fmt(m.mainHeapPhysicalMb)} backed), external ${fmt(m.mainExternalMb)} MB; SQLite page caches up to ${fmt(m.sqliteCacheMb.main)} MB (main) + ${fmt(m.sqliteCacheMb.evaluator)} MB (evaluator)${thread}${rest}`;
}

const launched = [...Object.entries(LAUNCHER.env).map(([k, v]) => `${k}=${v}`), 'node', ...LAUNCHER.flags];
console.log(
  `runtime bench: a Zite Team workspace's current period (due events only), the runtime as creditbar web builds it; ${TRIALS} trials per phase; source runs as: ${launched.join(' ')}; the reference server (standing in for a remote collector) at nice ${SERVER_NICE} (BENCH_SERVER_NICE)${process.env['BENCH_EVALUATOR_NICE'] ? `; the evaluator thread at nice ${process.env['BENCH_EVALUATOR_NICE']}` : ''}`,
);
const bundles = BUNDLED ? await bundle() : null;
const results = new Map<string, RuntimeFigures>();
const bundledResults = new Map<string, RuntimeFigures>();
const launchedResults = new Map<string, RuntimeFigures>();
for (const c of CASES) {
  const { source: r, bundled: b, launched: l } = await runCase(c, bundles);
  results.set(c.name, r);
  if (b) bundledResults.set(c.name, b);
  if (l) launchedResults.set(c.name, l);
  const steady = median(r.steadySync.ms);
  console.log(`${c.name} (${c.workspaces} x ${fmt(c.events)} events):`);
  console.log(phaseLine('first sync', r.firstSync));
  console.log(phaseLine('steady sync', r.steadySync));
  console.log(phaseLine('budget change', r.settingsChange));
  console.log(phaseLine('threshold change', r.thresholdChange));
  console.log(phaseLine('ticks', r.tick, false));
  const base = r.baseline!;
  console.log(
    `  baseline: the whole view evaluated on one thread (what every sync and settings change did, its own process) ${fmt(base.ms)} ms, RSS up to ${fmt(base.peakRssMb)} MB: the steady sync's snapshot comes in ${fmt((steady / base.ms) * 100)} % of it, its longest block is ${fmt((r.steadySync.longestBlockMs / base.ms) * 100, 1)} % of it`,
  );
  const ofWalk = (p: Phase) => `${fmt((median(p.ms) / base.walkMs) * 100)} %`;
  console.log(
    `  the engine's walk of the month alone (${base.walked} pools from columns in memory, its own process, median of 3) ${fmt(base.walkMs)} ms: a budget change's snapshot comes in ${ofWalk(r.settingsChange)} of it, a threshold change's in ${ofWalk(r.thresholdChange)}`,
  );
  console.log(memoryLine('source', r));
  if (b) console.log(memoryLine('bundled', b));
  // The bundled child's one steady trial comes after idle settled: its sync thread has exited, and
  // the sync starts the built thread as the app does (from source, the first start also bundles it).
  if (b)
    console.log(
      `  bundled: steady sync request to snapshot ${fmt(b.steadySync.ms[0]!)} ms, starting the built sync thread (longest block ${fmt(b.steadySync.longestBlockMs)} ms); first sync longest block ${fmt(b.firstSync.longestBlockMs)} ms`,
    );
  if (l) console.log(memoryLine('web', l));
  console.log(
    `  server /balance after 100 new events ${fmt(median(r.serverBalanceMs))} ms (trials ${list(r.serverBalanceMs)})`,
  );
  if (r.coldStartMs !== null)
    console.log(
      `  cold start over this cache plus a year of closed months: first snapshot ${fmt(r.coldStartEmptyMs!)} ms (empty), with the numbers ${fmt(r.coldStartMs)} ms`,
    );
}
if (bundles) rmSync(BUNDLE_DIR, { recursive: true, force: true });
if (launchedResults.size > 0)
  console.log(
    `the runtime as it ships (bundled, as creditbar web runs it), idle settled: ${[...launchedResults].map(([name, r]) => `${name} ${fmt(r.idleSettledRssMb)} MB`).join(', ')} (JSON shippedIdleSettledRssMb; idleRssMb is the source run through tsx right after the first sync)`,
  );

const all = [...results.values()];
const phases = (r: RuntimeFigures) => [
  r.firstSync,
  r.steadySync,
  r.settingsChange,
  r.thresholdChange,
  r.tick,
];
/** The most on-CPU ms in one block over these phases, or null without schedstat. */
function mostCpu(ps: Phase[]): number | null {
  const cpu = ps.flatMap((p) => (p.blocks?.mostCpu ? [p.blocks.mostCpu.cpuMs] : []));
  return cpu.length > 0 ? Math.round(Math.max(...cpu)) : null;
}
const big = results.get('1M') ?? all[all.length - 1]!;
const bigBundled = bundledResults.get('1M') ?? [...bundledResults.values()].pop();
const bigLaunched = launchedResults.get('1M') ?? [...launchedResults.values()].pop();
console.log(
  JSON.stringify({
    longestBlockMs: Math.round(Math.max(...all.flatMap((r) => phases(r).map((p) => p.longestBlockMs)))),
    // The most on-CPU time the main thread spent inside one block, any case and phase (heartbeat.ts;
    // null off Linux): what its own work blocks; the rest of a longer block is waiting for a core.
    longestBlockCpuMs: mostCpu(all.flatMap(phases)),
    steadySyncMs: Object.fromEntries(
      [...results].map(([name, r]) => [name, Math.round(median(r.steadySync.ms))]),
    ),
    settingsChangeMs: Math.round(median(big.settingsChange.ms)),
    thresholdChangeMs: Math.round(median(big.thresholdChange.ms)),
    // The engine's walk of the 1M month alone, the same run (baseline-child.ts): what a change
    // that walks again would cost the evaluator thread.
    walkMs: big.baseline ? Math.round(big.baseline.walkMs) : null,
    coldStartMs: Math.round(all.find((r) => r.coldStartMs !== null)?.coldStartMs ?? Number.NaN) || null,
    idleRssMb: Math.round(big.idleRssMb),
    idleSettledRssMb: Math.round(big.idleSettledRssMb),
    peakRssMb: Math.round(Math.max(...all.map((r) => r.peakRssMb))),
    // The same runtime bundled as the app ships it (null with BENCH_BUNDLED=0).
    bundledIdleRssMb: bigBundled ? Math.round(bigBundled.idleRssMb) : null,
    bundledIdleSettledRssMb: bigBundled ? Math.round(bigBundled.idleSettledRssMb) : null,
    // A steady sync that starts the built sync thread (the bundled child's one trial, per case).
    bundledSteadySyncMs: Object.fromEntries(
      [...bundledResults].map(([name, r]) => [name, Math.round(r.steadySync.ms[0]!)]),
    ),
    bundledPeakRssMb:
      bundledResults.size > 0
        ? Math.round(Math.max(...[...bundledResults.values()].map((r) => r.peakRssMb)))
        : null,
    // That bundle with bin/creditbar's environment and node flags: `creditbar web` (null with
    // BENCH_BUNDLED=0 or BENCH_LAUNCHER=0).
    webIdleSettledRssMb: bigLaunched ? Math.round(bigLaunched.idleSettledRssMb) : null,
    // The runtime as it ships, per case: that same run (bundled, as `creditbar web` runs it),
    // settled. idleRssMb above is the source run through tsx (its loader is not shipped), read
    // 1.5 s after the first sync; every figure stays as it was.
    shippedIdleSettledRssMb: Object.fromEntries(
      [...launchedResults].map(([name, r]) => [name, Math.round(r.idleSettledRssMb)]),
    ),
    serverBalanceMs: Math.round(median(big.serverBalanceMs)),
  }),
);
