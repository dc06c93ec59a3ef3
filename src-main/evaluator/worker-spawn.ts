import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { processAlive } from '../native/process-alive';

/** Starts a worker thread running one module with this workerData. */
export type WorkerSpawner = (workerData: unknown, options?: Pick<WorkerOptions, 'resourceLimits'>) => Worker;

/** Where a source worker's bundle is written: inside node_modules, so that its packages resolve from there. */
const BUNDLE_DIR = fileURLToPath(new URL('../../node_modules/.cache/creditbar-workers/', import.meta.url));

/** Bundles built ahead of the threads, by their source module's URL (see useBuiltThreads). */
const builtAhead = new Map<string, string>();

/**
 * Threads of these source modules (URL -> built file) start from the files given, as the app's
 * threads start from electron-vite's: bin/creditbar bundles the evaluator and sync threads in the
 * esbuild call that bundles the CLI, so that a thread neither loads esbuild nor bundles itself.
 * Each call replaces the previous set.
 */
export function useBuiltThreads(files: Readonly<Record<string, string>>): void {
  builtAhead.clear();
  for (const [source, file] of Object.entries(files)) builtAhead.set(source, file);
}

/**
 * A spawner for a module run from its TypeScript source (the CLI, browser mode and tests run
 * through tsx, which a worker thread does not inherit). The first thread bundles the module with
 * esbuild (tsx's own transformer, resolved through tsx) and imports that: ~0.15 s,
 * where registering tsx in the thread and transforming its ~60 files one by one took ~0.9 s of every
 * start (measured on 2 loaded cores). The bundle is kept for the process's life (deleted when it
 * exits), so that a thread started again (the sync thread exits when idle and starts with the next
 * sync) imports it at once instead of bundling again: 80-270 ms of that start, load 4-5 (esbuild
 * starts its own process in each thread). Packages stay external. Should bundling fail, the thread
 * registers tsx and imports the source as before.
 */
export function sourceWorker(module: URL): WorkerSpawner {
  const ahead = builtAhead.get(module.href);
  if (ahead) return builtWorker(ahead);
  const tsx = import.meta.resolve('tsx/esm/api');
  const viaTsx = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(module.href)}); })`;
  const esbuild = resolveFrom(tsx, 'esbuild');
  if (!esbuild) return (workerData, options) => new Worker(viaTsx, { eval: true, workerData, ...options });
  const bundle = keptBundle(module);
  // Built into a folder of its own, then renamed: a thread never imports a bundle half written. Split
  // (the entry and its chunks) as rollup builds the app's threads: a module imported dynamically,
  // as the API's schemas with zod in the sync thread, loads only when first used.
  const code = `
    const { existsSync, renameSync, rmSync } = require('node:fs');
    const { join } = require('node:path');
    const { pathToFileURL } = require('node:url');
    const { threadId } = require('node:worker_threads');
    const bundle = ${JSON.stringify(bundle)};
    const load = () => import(pathToFileURL(join(bundle, 'entry.mjs')).href);
    if (existsSync(bundle)) load();
    else {
      const out = bundle + '.' + threadId + '-' + Date.now();
      new Promise((ok) => ok(require(${JSON.stringify(esbuild)}).build({
        entryPoints: { entry: ${JSON.stringify(fileURLToPath(module))} }, outdir: out, bundle: true,
        splitting: true, outExtension: { '.js': '.mjs' }, platform: 'node', format: 'esm',
        packages: 'external', logLevel: 'silent',
      }))).then(() => {
        // Another thread of this process may have put its own in place first: that one is loaded.
        try { renameSync(out, bundle); } catch { rmSync(out, { recursive: true, force: true }); }
        return load();
      }, () => ${viaTsx});
    }
  `;
  return (workerData, options) =>
    withoutTsx((execArgv) => new Worker(code, { eval: true, workerData, ...options, ...execArgv }));
}

/** This process's node flags for a thread, once found: null until the first thread starts. */
let threadFlags: { execArgv?: string[] } | null = null;

/**
 * Starts a thread without tsx's loader flags (`--require .../tsx/...`, `--import .../tsx/...`), which
 * a thread inherits from a process run through tsx: each thread then loaded tsx and started its
 * loader's own hooks thread, ~100-250 ms of every start on 2 busy cores, though the thread imports
 * a bundle. Other flags are kept; those a thread refuses (V8's, as --expose-gc: they hold for every
 * thread anyway) are left out, and should that fail too the thread inherits every flag as before.
 */
function withoutTsx(start: (flags: { execArgv?: string[] }) => Worker): Worker {
  if (threadFlags) return start(threadFlags);
  const argv = process.execArgv;
  let flags: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (/^(--require|-r|--import)$/.test(argv[i]!) && /(^|[\\/])tsx([\\/]|$)/.test(argv[i + 1] ?? '')) i++;
    else flags.push(argv[i]!);
  }
  if (flags.length === argv.length) return start((threadFlags = {}));
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const w = start({ execArgv: flags });
      threadFlags = { execArgv: flags };
      return w;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw err;
      // Its message names the refused flags after the colon.
      const refused = new Set(
        String((err as Error).message)
          .split(': ')
          .pop()!
          .split(', '),
      );
      flags = flags.filter((flag) => !refused.has(flag));
    }
  }
  return start((threadFlags = {}));
}

/** Bundles kept by this process, deleted when it exits. */
const kept = new Set<string>();

/** The folder where this process keeps `module`'s bundle; the first call also deletes bundles of processes gone. */
function keptBundle(module: URL): string {
  const file = join(
    BUNDLE_DIR,
    `${process.pid}-${createHash('sha1').update(module.href).digest('hex').slice(0, 12)}`,
  );
  if (kept.size === 0) {
    sweepBundles();
    process.once('exit', () => kept.forEach((f) => rmSync(f, { recursive: true, force: true })));
  }
  kept.add(file);
  return file;
}

/** Deletes bundles whose process is gone (one killed before its exit handler ran). */
function sweepBundles(): void {
  try {
    for (const name of readdirSync(BUNDLE_DIR)) {
      const pid = Number(/^(\d+)-/.exec(name)?.[1]);
      if (pid && pid !== process.pid && !processAlive(pid))
        rmSync(join(BUNDLE_DIR, name), { recursive: true, force: true });
    }
  } catch {
    // No folder yet, or not readable: nothing to sweep.
  }
}

function resolveFrom(parent: string, name: string): string | null {
  try {
    return createRequire(parent).resolve(name);
  } catch {
    return null;
  }
}

/** A spawner for a built module (the Electron app: electron-vite writes it beside the main bundle). */
export function builtWorker(file: string): WorkerSpawner {
  return (workerData, options) => new Worker(file, { workerData, ...options });
}
