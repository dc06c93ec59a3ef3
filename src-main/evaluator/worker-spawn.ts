import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Starts a worker thread running one module with this workerData. */
export type WorkerSpawner = (workerData: unknown, options?: Pick<WorkerOptions, 'resourceLimits'>) => Worker;

/** Where a source worker's bundle is written: inside node_modules, so that its packages resolve from there. */
const BUNDLE_DIR = fileURLToPath(new URL('../../node_modules/.cache/creditbar-workers/', import.meta.url));

/**
 * A spawner for a module run from its TypeScript source (the CLI, browser mode and tests run
 * through tsx, which a worker thread does not inherit). The thread bundles the module with esbuild
 * (tsx's own transformer, resolved through tsx) into one file and imports that: ~0.15 s, where
 * registering tsx in the thread and transforming its ~60 files one by one took ~0.9 s of every
 * start (measured on 2 loaded cores). Packages stay external; the bundle is deleted once loaded.
 * Should bundling fail, the thread registers tsx and imports the source as before.
 */
export function sourceWorker(module: URL): WorkerSpawner {
  const tsx = import.meta.resolve('tsx/esm/api');
  const viaTsx = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(module.href)}); })`;
  const esbuild = resolveFrom(tsx, 'esbuild');
  const code = esbuild
    ? `
    const { rmSync } = require('node:fs');
    const { join } = require('node:path');
    const { pathToFileURL } = require('node:url');
    const { threadId } = require('node:worker_threads');
    const out = join(${JSON.stringify(BUNDLE_DIR)}, process.pid + '-' + threadId + '-' + Date.now() + '.mjs');
    new Promise((ok) => ok(require(${JSON.stringify(esbuild)}).build({
      entryPoints: [${JSON.stringify(fileURLToPath(module))}], outfile: out, bundle: true,
      platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent',
    }))).then(() => import(pathToFileURL(out).href).finally(() => rmSync(out, { force: true })), () => ${viaTsx});
  `
    : viaTsx;
  return (workerData, options) => new Worker(code, { eval: true, workerData, ...options });
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
