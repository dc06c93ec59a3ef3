// How long the sync thread takes to start as the app starts it (built by esbuild with its chunks, as
// rollup builds it): `npx tsx test/bench/runtime/thread-start.ts [starts] [entry.ts ...]`. Each
// start is a new thread that loads the entry's module graph and posts the on-CPU time it spent
// (its own /proc/thread-self/schedstat) and the modules it loaded; the wall time from spawn to that
// message is printed beside it. On-CPU time hardly depends on the load of a shared machine; wall
// time does. Prints figures, never pass/fail. Default entry: src-main/sync/sync-worker.ts.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { WRITE_GATE_BYTES } from '../../../src-main/db/write-gate';

const starts = Number(process.argv[2] ?? 10);
const entries = process.argv.slice(3);
const root = resolve(import.meta.dirname, '../../..');
if (entries.length === 0) entries.push(resolve(root, 'src-main/sync/sync-worker.ts'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const [i, entry] of entries.entries()) {
  // Inside the repo's node_modules, so that the bundle's packages resolve.
  const dir = resolve(root, `node_modules/.cache/creditbar-thread-start/${process.pid}-${i}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The entry, then a message once its graph is loaded (its static imports; dynamic ones wait).
  writeFileSync(
    resolve(dir, 'probe.ts'),
    `import ${JSON.stringify(entry)};
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
parentPort!.postMessage({ cpuNs: Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) });`,
  );
  await build({
    entryPoints: { probe: resolve(dir, 'probe.ts') },
    outdir: resolve(dir, 'out'),
    bundle: true,
    splitting: true,
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let n = 0; n < starts; n++) {
    const t0 = performance.now();
    const w = new Worker(resolve(dir, 'out/probe.mjs'), {
      workerData: { file: resolve(dir, 'none.sqlite'), gate: new SharedArrayBuffer(WRITE_GATE_BYTES) },
    });
    const { cpuNs } = await new Promise<{ cpuNs: number }>((ok, fail) => {
      w.once('message', ok);
      w.once('error', fail);
    });
    wall.push(performance.now() - t0);
    cpu.push(cpuNs / 1e6);
    await w.terminate();
  }
  console.log(
    `${entry}: ${starts} starts (load ${loadavg()[0]!.toFixed(1)}): on CPU median ${median(cpu).toFixed(0)} ms (${cpu.map((x) => x.toFixed(0)).join(', ')}); spawn to loaded median ${median(wall).toFixed(0)} ms`,
  );
  rmSync(dir, { recursive: true, force: true });
}
