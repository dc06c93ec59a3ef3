import type { Evaluation } from '../../src-shared/engine/evaluate';
import type { PoolBalance } from '../../src-shared/engine/pool-balances';
import type { CheckpointResult } from '../db/wal-checkpoint';
import type { EvaluateRequest, PoolCost, SavedWalks } from './cache-evaluator';
import type { BatchOptions } from './evaluate-batch';

/** What the evaluator thread is started with. */
export interface EvaluatorWorkerData {
  /** The cache file; the thread opens its own read-only connection to it. */
  file: string;
  /** better-sqlite3's compiled binding when the host is not plain Node (Electron). */
  nativeBinding?: string;
}

/** What the evaluator thread holds in memory (its own V8 heap, not the process's). */
export interface EvaluatorMemory {
  /** The thread's V8 heap: in use, and reserved from the system. */
  heapUsedMb: number;
  heapTotalMb: number;
  /** Of the reserved heap, the pages actually backed by memory (what counts in the RSS). */
  heapPhysicalMb: number;
  /** Events held as columns over every pool, and the typed-array bytes holding them. */
  heldEvents: number;
  columnMb: number;
}

/** A request to the evaluator thread. */
export type EvaluatorRequest =
  | ({
      id: number;
      kind: 'evaluate';
      requests: EvaluateRequest[];
    } & BatchOptions)
  /** Its memory figures (benches and logs); `collect` first runs a full GC where one is exposed (--expose-gc). */
  | { id: number; kind: 'memory'; collect?: boolean }
  /** Write each pool's walk down for the next start (asked when the app closes). */
  | { id: number; kind: 'save' }
  /** Checkpoint the cache's WAL from this thread (the app's own connection leaves it to us). */
  | { id: number; kind: 'checkpoint' }
  /** PRAGMA quick_check of the cache over a connection of its own (the app opened without it). */
  | { id: number; kind: 'quick-check' };

/** What quick_check said in the thread. */
export interface QuickCheckResult {
  /** null: the file is sound; else what quick_check (or SQLite opening it) said. */
  damage: string | null;
  ms: number;
  /** The thread it ran in (worker_threads' threadId; the main thread is 0). */
  threadId: number;
}

/** The thread's answer to one request (structured clone keeps the engine's Maps, Sets and Infinity). */
export type EvaluatorReply =
  | { id: number; ok: true; evaluations: Evaluation[]; balances: PoolBalance[][]; costs: PoolCost[] }
  | { id: number; ok: true; memory: EvaluatorMemory }
  | { id: number; ok: true; saved: SavedWalks }
  | { id: number; ok: true; checkpoint: CheckpointResult }
  | { id: number; ok: true; quickCheck: QuickCheckResult }
  | { id: number; ok: false; error: { name: string; message: string; code?: string } };
