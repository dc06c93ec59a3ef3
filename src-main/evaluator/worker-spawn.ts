import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Starts a worker thread running one module with this workerData. */
export type WorkerSpawner = (workerData: unknown, options?: Pick<WorkerOptions, 'resourceLimits'>) => Worker;

/**
 * A spawner for a module run from its TypeScript source (the CLI, browser mode and tests run
 * through tsx, which a worker thread does not inherit): the worker registers tsx, then imports it.
 */
export function sourceWorker(module: URL): WorkerSpawner {
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(module.href)}); })`;
  return (workerData, options) => new Worker(code, { eval: true, workerData, ...options });
}

/** A spawner for a built module (the Electron app: electron-vite writes it beside the main bundle). */
export function builtWorker(file: string): WorkerSpawner {
  return (workerData, options) => new Worker(file, { workerData, ...options });
}
