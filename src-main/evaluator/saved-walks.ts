import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { z } from 'zod';

/** One pool's walk saved between runs of the app (see cache-evaluator.ts for what is checked). */
export interface SavedWalk {
  /** What the walk depended on (prices, configuration, carried lots), hashed: another means it is ignored. */
  key: string;
  /** The change-feed position the walk reflects. */
  seq: number;
  /** The walk's state, as walk-state.ts encodes it. */
  bytes: Uint8Array;
}

/** Where the evaluator keeps its saved walks between runs. */
export interface SavedWalkStore {
  /** The walks saved for the cache with this identity; none (and why) when there is no usable file. */
  load(cacheId: string): { walks: Map<string, SavedWalk>; problem: string | null };
  /** Replaces what is saved with these walks, at once (a crash leaves the old file or the new one). */
  save(cacheId: string, walks: ReadonlyMap<string, SavedWalk>): { bytes: number };
}

const MAGIC = 'CBWF';
const VERSION = 1;
const headerSchema = z
  .object({
    cacheId: z.string(),
    pools: z.array(
      z.object({
        id: z.string(),
        key: z.string(),
        seq: z.number().int().nonnegative(),
        length: z.number().int(),
      }),
    ),
  })
  .strict();

/** Writes all of `bytes` at the file's position (writeSync may write less than asked). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** The file of saved walks beside a cache file: `<cache>.walks`. */
export const savedWalksFile = (cacheFile: string): string => `${cacheFile}.walks`;

/**
 * Saved walks in one file beside the cache, written by the evaluator thread alone (atomically: a
 * new file renamed over the old one). Not in the cache itself: a month early in its life keeps
 * every call in the burn window (~16 MB at a million events), and writing that into SQLite blocked
 * the main thread 100-160 ms (measured), as the thread's own write lock would have. A file that
 * cannot be read, is of another format or belongs to another cache (its identity) gives no walks.
 */
export function savedWalkFileStore(cacheFile: string): SavedWalkStore {
  const file = savedWalksFile(cacheFile);
  return {
    load(cacheId) {
      const none = (problem: string) => ({ walks: new Map<string, SavedWalk>(), problem });
      let buf: Buffer;
      try {
        buf = readFileSync(file);
      } catch {
        return none('no saved walks');
      }
      if (buf.length < 12 || buf.toString('latin1', 0, 4) !== MAGIC) return none('not a file of saved walks');
      if (buf.readUInt32LE(4) !== VERSION) return none(`saved walks of format ${buf.readUInt32LE(4)}`);
      const headerLength = buf.readUInt32LE(8);
      let header: z.infer<typeof headerSchema>;
      try {
        header = headerSchema.parse(JSON.parse(buf.toString('utf8', 12, 12 + headerLength)));
      } catch {
        return none('the saved walks are damaged');
      }
      if (header.cacheId !== cacheId) return none('the saved walks belong to another cache');
      const walks = new Map<string, SavedWalk>();
      let at = 12 + headerLength;
      for (const p of header.pools) {
        if (p.length < 0 || at + p.length > buf.length) return none('the saved walks are cut short');
        walks.set(p.id, { key: p.key, seq: p.seq, bytes: buf.subarray(at, at + p.length) });
        at += p.length;
      }
      return { walks, problem: null };
    },
    save(cacheId, walks) {
      const pools = [...walks].map(([id, w]) => ({ id, key: w.key, seq: w.seq, length: w.bytes.length }));
      const header = Buffer.from(JSON.stringify({ cacheId, pools }), 'utf8');
      const head = Buffer.alloc(12);
      head.write(MAGIC, 0, 'latin1');
      head.writeUInt32LE(VERSION, 4);
      head.writeUInt32LE(header.length, 8);
      const tmp = `${file}.${process.pid}-${threadId}.tmp`;
      try {
        // Piece by piece, not concatenated first: early in a month the walks are ~10 MB a million
        // events, and one more copy of them was the thread's peak when the app closed.
        const fd = openSync(tmp, 'w');
        try {
          for (const piece of [head, header, ...[...walks.values()].map((w) => w.bytes)]) writeAll(fd, piece);
        } finally {
          closeSync(fd);
        }
        renameSync(tmp, file);
      } finally {
        rmSync(tmp, { force: true });
      }
      return { bytes: 12 + header.length + pools.reduce((n, p) => n + p.length, 0) };
    },
  };
}
