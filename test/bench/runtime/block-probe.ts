// Checks the block attribution's method (heartbeat.ts) by hand: `npx tsx test/bench/runtime/block-probe.ts [hogs]`.
// 1. A busy loop of 100 ms on the main thread, three times: each block should read ~100 ms on CPU
//    (less whatever it waited for a core on a loaded machine).
// 2. The main thread idle while `hogs` (default 2) processes spin for 4 s each: the blocks an idle
//    thread shows then are waits for a core, not work. Prints figures, never pass/fail.
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import type { Block, BlockFigures } from './block-watch';
import { startHeartbeat } from './heartbeat';

const pause = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const f = (n: number) => n.toFixed(1);
const line = (b: Block | null) =>
  b
    ? `${f(b.ms)} ms (on CPU ${f(b.cpuMs)}, waiting for a core ${f(b.waitMs)}, asleep ${f(b.gapMs - b.cpuMs - b.waitMs)} of the ${f(b.gapMs)} ms between beats, ${b.slices} slices)`
    : 'none';
const report = (label: string, r: BlockFigures | null) =>
  console.log(
    r
      ? `${label} (load ${loadavg()[0]!.toFixed(1)}): longest block ${line(r.longest)}; most on CPU ${line(r.mostCpu)}; ${r.over} blocks over ${r.thresholdMs} ms, ${r.overOnCpu} of them with more than that on CPU; the phase ${f(r.cpuMs)} ms on CPU, ${f(r.waitMs)} ms waiting`
      : `${label}: no schedstat here (Linux only)`,
  );

let hb = startHeartbeat();
await pause(1_000);
report('idle 1 s', hb.stop());

for (let i = 0; i < 3; i++) {
  hb = startHeartbeat();
  await pause(50);
  const end = performance.now() + 100;
  while (performance.now() < end);
  await pause(50);
  report(`busy loop 100 ms #${i + 1}`, hb.stop());
}

const hogs = Number(process.argv[2] ?? 2);
const children = Array.from({ length: hogs }, () =>
  spawn(process.execPath, ['-e', 'const end = Date.now() + 4000; while (Date.now() < end);'], {
    stdio: 'ignore',
  }),
);
await pause(300);
hb = startHeartbeat();
await pause(3_000);
report(`idle, ${hogs} processes spinning`, hb.stop());
await Promise.all(
  children.map((c) => new Promise((ok) => (c.exitCode !== null ? ok(null) : c.once('exit', ok)))),
);
