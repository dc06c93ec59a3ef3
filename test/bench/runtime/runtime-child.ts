// Bench helper (child process): the app runtime as `creditbar web` builds it (cache file, evaluator
// thread, sync service, alert pass), over an account of the bench server, measured from inside so
// that event-loop delay and RSS are this process's alone. argv: a JSON spec (see RuntimeCase).
// Prints one JSON line (RuntimeFigures). Run from source through tsx, or bundled by esbuild as the
// app ships it (spec.workerFile: the bundled evaluator thread); nothing else runs in this process:
// the baseline evaluation runs in its own child (baseline-child.ts), so it never counts here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppRuntime, type AppRuntime } from '../../../src-main/app/app-runtime';
import { httpRequest } from '../../../src-main/net/http-request';
import { openCache, type Cache } from '../../../src-main/cache/cache';
import { createMemorySecretStore } from '../../../src-main/secrets/secret-store';
import { builtWorker } from '../../../src-main/evaluator/worker-spawn';
import { createMemorySettingsBackend, createSettingsStore } from '../../../src-main/settings/settings-store';
import { buildYearCache } from '../sync/year-cache';
import { idleMemory, mb, settledMemory, type MemoryBreakdown } from './runtime-memory';
import { phase, snapshotWhere, usedOf, type Phase } from './runtime-phase';

export interface RuntimeCase {
  name: string;
  url: string;
  token: string;
  ingestTokens: Record<string, string>;
  /** Events per workspace in the current period, and workspaces. */
  events: number;
  workspaces: number;
  trials: number;
  /** Also restart over the cache with a year of closed months added (the cold start figure). */
  coldStart: boolean;
  /**
   * 'source': this file through tsx; 'bundled': built by esbuild, the evaluator thread from
   * workerFile and the sync thread from syncWorkerFile (as the app ships them); 'launcher': the
   * same bundle run with bin/creditbar's environment and node flags (creditbar web).
   */
  mode: 'source' | 'bundled' | 'launcher';
  workerFile?: string;
  syncWorkerFile?: string;
  /** Also run the baseline (the whole view evaluated on one thread) in a child over this cache. */
  baseline: boolean;
  /** The reference server's process: its CPU is told apart in each main-thread block. */
  serverPid?: number;
}

export interface RuntimeFigures {
  firstSync: Phase;
  steadySync: Phase;
  settingsChange: Phase;
  /** New percent thresholds for the first workspace: request to the snapshot whose pool's marks carry them. */
  thresholdChange: Phase;
  tick: Phase;
  /** RSS 1.5 s after the first sync's snapshot, after a forced full GC of both threads. */
  idleRssMb: number;
  /**
   * RSS after SETTLE_MS more without a request, ticks running, no forced GC: the app idles for
   * minutes between syncs (every 5 by default), and V8 gives memory back only after some seconds
   * of low allocation (its memory reducer), which a forced GC does not do.
   */
  idleSettledRssMb: number;
  peakRssMb: number;
  /** The highest RSS once the runtime was closed too (maxRSS: at least peakRssMb). */
  closePeakRssMb: number;
  /** /balance right after 100 new events were ingested (the server's incremental path). */
  serverBalanceMs: number[];
  memory: MemoryBreakdown;
  /** Baseline, this run, in its own process: evaluateCache of the whole view, as the runtime did before. */
  baseline: { ms: number; walkMs: number; walked: number; peakRssMb: number } | null;
  coldStartMs: number | null;
  coldStartEmptyMs: number | null;
}

const spec = JSON.parse(process.argv[2]!) as RuntimeCase;
const TICK_MS = 2_000;

const dir = mkdtempSync(join(tmpdir(), 'creditbar-bench-runtime-'));
const settingsBackend = createMemorySettingsBackend();
const secrets = createMemorySecretStore();
/** Times the alert pass found the cache's write lock held and was put off (runtime-alerts.ts), said on exit. */
let alertPassesPutOff = 0;
const quiet = {
  info: (m: string) => {
    if (m.startsWith('the alert pass waits')) alertPassesPutOff++;
  },
  warn: () => undefined,
  error: (m: string) => console.error(m),
};

const gc = (globalThis as { gc?: () => void }).gc;
const pause = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
gc?.();
const loadedRssMb = mb();

function startRuntime(cache: Cache): AppRuntime {
  return createAppRuntime({
    ...(spec.workerFile ? { evaluator: { spawn: builtWorker(spec.workerFile) } } : {}),
    ...(spec.syncWorkerFile ? { syncThread: { spawn: builtWorker(spec.syncWorkerFile) } } : {}),
    cache,
    settings: createSettingsStore(settingsBackend),
    secrets,
    startDemo: () => Promise.reject(new Error('no demo in the bench')),
    notify: () => undefined,
    log: quiet,
    timeZone: 'UTC',
    tickMs: TICK_MS,
  });
}

/**
 * BENCH_EVALUATOR_NICE=N: the evaluator thread (named creditbar-eval) at nice N, to see what a lower
 * priority does to the main thread's waits and to a budget change (which waits for the evaluator).
 */
function reniceEvaluator(): void {
  const nice = Number(process.env['BENCH_EVALUATOR_NICE'] ?? 0);
  if (!nice || process.platform !== 'linux') return;
  for (const tid of readdirSync('/proc/self/task'))
    if (readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim() === 'creditbar-eval')
      setPriority(Number(tid), nice);
}

const workspaceIds = Object.keys(spec.ingestTokens);
const serverPid = spec.serverPid ?? null;
const first = workspaceIds[0]!;

/**
 * Reports `count` new due events to the server, spread over the workspaces (what a steady minute brings).
 * Over node:http as the runtime's own requests: fetch would load and compile undici inside the measured
 * process, in the first steady sync's phase.
 */
let sent = 0;
async function ingest(count: number): Promise<void> {
  const per = Math.max(1, Math.round(count / workspaceIds.length));
  for (const id of workspaceIds) {
    const at = new Date().toISOString();
    const events = Array.from({ length: per }, () => ({
      id: `steady-${spec.mode}-${sent++}`,
      workspaceId: id,
      pool: 'integration',
      memberId: 'm1',
      app: 'crm',
      action: 'integration:twilio',
      occurredAt: at,
    }));
    const r = await httpRequest(`${spec.url}/v1/workspaces/${id}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${spec.ingestTokens[id]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events }),
    });
    if (!r.ok) throw new Error(`ingest failed: ${r.status} ${await r.text()}`);
  }
}

const file = join(dir, 'cache.sqlite');
let cache = openCache(file);
let runtime = startRuntime(cache);
runtime.handlers.updateSettings({ onboarded: true, syncIntervalMinutes: 1440 });
runtime.start();
await runtime.whenIdle();
reniceEvaluator();
gc?.();
await pause(200);
const startedRssMb = mb();

// 1. The first sync: the account added as the lead adds it, until its pools show the month.
const firstSync = await phase(
  1,
  async () => {
    const shown = snapshotWhere(
      runtime,
      (s) =>
        s.workspaces.length === spec.workspaces && s.workspaces.every((w) => w.pools.some((p) => p.used > 0)),
    );
    await runtime.handlers.addAccount({ label: 'bench', serverUrl: spec.url, token: spec.token });
    const ms = await shown;
    await runtime.whenIdle();
    return ms;
  },
  serverPid,
);
const { idleRssMb, memory } = await idleMemory(runtime, cache, { loadedRssMb, startedRssMb });
const idleSettledRssMb = await settledMemory(runtime, memory, spec.mode);

// 2. Steady syncs of 100 new events: request to the snapshot that shows them (the reconciliation
// with /balance runs after it; the phase watches the loop until it is done too).
const steadySync = await phase(
  spec.trials,
  async () => {
    await ingest(100);
    const before = usedOf(runtime.snapshot());
    const shown = snapshotWhere(runtime, (s) => usedOf(s) > before + 1e-9);
    runtime.requestSync('manual');
    const ms = await shown;
    await runtime.whenIdle();
    return ms;
  },
  serverPid,
);

// 3. A budget change in Settings: request to the snapshot whose pool carries it (the engine's walk).
const settingsChange = await phase(
  spec.trials,
  async (i) => {
    const budget = 1_000 + i;
    const shown = snapshotWhere(runtime, (s) =>
      s.workspaces.some(
        (w) => w.id === first && w.pools.some((p) => p.budgets.some((b) => b.budget === budget)),
      ),
    );
    runtime.handlers.updateSettings({ budgets: { [first]: { m1: budget } } });
    const ms = await shown;
    await runtime.whenIdle();
    return ms;
  },
  serverPid,
);

// 3b. New thresholds in Settings: request to the snapshot whose pool's marks show them.
const thresholdChange = await phase(
  spec.trials,
  async (i) => {
    const percent = 40 + i;
    const shown = snapshotWhere(runtime, (s) =>
      s.workspaces.some((w) => w.id === first && w.pools.some((p) => p.marks.includes(percent))),
    );
    runtime.handlers.updateSettings({ thresholds: { [first]: { unit: 'percent', values: [percent, 80] } } });
    const ms = await shown;
    await runtime.whenIdle();
    return ms;
  },
  serverPid,
);

// 4. Ticks: the minute tick (every 2 s here), nothing else happening.
const tick = await phase(
  1,
  async () => {
    await pause(TICK_MS * 3 + 200);
    return 0;
  },
  serverPid,
);

// 5. The server's /balance right after an ingest (the bench server runs in its own process).
const serverBalanceMs: number[] = [];
for (let i = 0; i < spec.trials; i++) {
  await ingest(100);
  const t0 = performance.now();
  const r = await httpRequest(
    `${spec.url}/v1/workspaces/${first}/balance?asOf=${encodeURIComponent(new Date().toISOString())}`,
    { headers: { authorization: `Bearer ${spec.token}` } },
  );
  JSON.parse(await r.text());
  serverBalanceMs.push(performance.now() - t0);
}

// The highest RSS of this process so far: the first sync, steady syncs, budget changes, ticks, ingests.
const peakRssMb = process.resourceUsage().maxRSS / 1024;

// The baseline over the same cache, in its own process (from source: it is measured for its time).
const baseline = spec.baseline
  ? (JSON.parse(
      execFileSync(
        process.execPath,
        [
          '--import',
          join(import.meta.dirname, '../../../node_modules/tsx/dist/esm/index.mjs'),
          join(import.meta.dirname, 'baseline-child.ts'),
          file,
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
      ),
    ) as NonNullable<RuntimeFigures['baseline']>)
  : null;

await runtime.dispose();
cache.close();
// Closing saves each pool's walk for the next start (the evaluator thread encodes it): its own peak.
const closePeakRssMb = process.resourceUsage().maxRSS / 1024;

// 6. Cold start: a year of closed months added to the cache, then the runtime started over it.
let coldStartMs: number | null = null;
let coldStartEmptyMs: number | null = null;
if (spec.coldStart) {
  cache = openCache(file);
  const accountId = createSettingsStore(settingsBackend).get().accounts[0]!.id;
  const now = new Date();
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  buildYearCache(cache, {
    into: { accountId, workspaceIds: [first] },
    workspaces: 1,
    months: 12,
    last: { year: last.getUTCFullYear(), month: last.getUTCMonth() + 1 },
    eventsPerMonth: 100_000,
  });
  cache.close();
  await pause(500);
  const t0 = performance.now();
  cache = openCache(file);
  runtime = startRuntime(cache);
  const empty = new Promise<number>((ok) => {
    const off = runtime.subscribe(() => {
      off();
      ok(performance.now() - t0);
    });
  });
  const full = snapshotWhere(runtime, (s) => s.workspaces.some((w) => w.pools.some((p) => p.used > 0)));
  runtime.start();
  await full;
  coldStartMs = performance.now() - t0;
  coldStartEmptyMs = await empty;
  await runtime.dispose();
  cache.close();
}

rmSync(dir, { recursive: true, force: true });
const figures: RuntimeFigures = {
  firstSync,
  steadySync,
  settingsChange,
  thresholdChange,
  tick,
  idleRssMb,
  idleSettledRssMb,
  peakRssMb,
  closePeakRssMb,
  serverBalanceMs,
  memory,
  baseline,
  coldStartMs,
  coldStartEmptyMs,
};
if (alertPassesPutOff > 0)
  console.error(
    `(the alert pass found the cache's write lock held and was put off ${alertPassesPutOff} times)`,
  );
process.stdout.write(JSON.stringify(figures) + '\n');
process.exit(0);
