// Bench helper: the main thread's heartbeat (see block-watch.ts). It runs on the main thread itself,
// not in a sampler thread: a thread polling every few ms would compete for the same two cores whose
// wait it measures, and add its own heap to the RSS the bench reports. Each beat also reads the
// on-CPU time of the process's other threads (grouped by their name: the runtime names its evaluator
// and sync threads; node's own V8 and libuv threads are "node") and of the reference server's
// process, so that a block's wait for a core says how much of it our own threads ran. The files
// stay open and are read again at offset 0 (one syscall each: a few µs a beat).
import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { blockWatch, parseSchedstat, type BlockFigures, type Schedstat } from './block-watch';

/** The main thread's tid is the process id. */
const FILE = `/proc/self/task/${process.pid}/schedstat`;

/** The main thread's scheduler figures now, or null where Linux's schedstat is not there. */
export function mainThreadSchedstat(): Schedstat | null {
  try {
    return parseSchedstat(readFileSync(FILE, 'utf8'));
  } catch {
    return null;
  }
}

/** Thread directories are listed again every this many beats (a new thread's CPU so far is counted at once). */
const RESCAN_BEATS = 10;

/**
 * On-CPU time per group of threads (ns, only growing): every thread of this process but the main one
 * by its name, and every thread of `serverPid` as "server".
 */
function otherThreads(serverPid: number | null) {
  const buf = Buffer.alloc(128);
  interface Seen {
    fd: number;
    group: string;
    cpuNs: number;
  }
  const seen = new Map<string, Seen>();
  const totals: Record<string, number> = {};
  let beats = 0;
  const roots = [
    { dir: '/proc/self/task', pid: process.pid, group: null as string | null },
    ...(serverPid ? [{ dir: `/proc/${serverPid}/task`, pid: serverPid, group: 'server' }] : []),
  ];
  const nameOf = (dir: string, tid: string) => {
    try {
      return readFileSync(`${dir}/${tid}/comm`, 'utf8').trim();
    } catch {
      return 'node';
    }
  };
  function rescan(): void {
    for (const root of roots) {
      let tids: string[];
      try {
        tids = readdirSync(root.dir);
      } catch {
        continue;
      }
      for (const tid of tids) {
        if (root.group === null && tid === String(process.pid)) continue;
        const key = `${root.pid}/${tid}`;
        const known = seen.get(key);
        // A worker names itself once its modules are loaded: until then it is one of node's threads.
        if (known) {
          if (root.group === null && known.group === 'node') known.group = nameOf(root.dir, tid);
          continue;
        }
        try {
          const fd = openSync(`${root.dir}/${tid}/schedstat`, 'r');
          seen.set(key, { fd, group: root.group ?? nameOf(root.dir, tid), cpuNs: 0 });
        } catch {
          // Gone already.
        }
      }
    }
  }
  return {
    /** The groups' on-CPU totals now (ns). */
    read(): Record<string, number> {
      if (beats++ % RESCAN_BEATS === 0) rescan();
      for (const [key, t] of seen) {
        let now: Schedstat | null = null;
        try {
          now = parseSchedstat(buf.toString('latin1', 0, readSync(t.fd, buf, 0, buf.length, 0)));
        } catch {
          now = null;
        }
        if (!now) {
          // The thread exited: what it ran since the last beat is lost (a few ms at most).
          closeSync(t.fd);
          seen.delete(key);
          continue;
        }
        totals[t.group] = (totals[t.group] ?? 0) + (now.cpuNs - t.cpuNs);
        t.cpuNs = now.cpuNs;
      }
      return { ...totals };
    },
    close(): void {
      for (const t of seen.values()) closeSync(t.fd);
      seen.clear();
    },
  };
}

/**
 * Beats every `intervalMs` from now until stop(), which answers the blocks seen (null off Linux).
 * `serverPid`: the reference server's process, whose CPU is told apart in each block.
 */
export function startHeartbeat(
  intervalMs = 5,
  thresholdMs = 50,
  serverPid: number | null = null,
): { stop: () => BlockFigures | null } {
  if (!mainThreadSchedstat()) return { stop: () => null };
  const watch = blockWatch(intervalMs, thresholdMs);
  const others = otherThreads(serverPid);
  const beat = () => {
    const now = mainThreadSchedstat();
    if (now) watch.add({ atMs: performance.now(), ...now, othersNs: others.read() });
  };
  beat();
  const timer = setInterval(beat, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      beat();
      others.close();
      return watch.figures();
    },
  };
}
