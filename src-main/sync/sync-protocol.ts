import type { PoolBalance } from '../../src-shared/engine/pool-balances';
import type { Millis } from '../../src-shared/time/instant';
import { CacheFailure, type CacheFailureKind } from '../db/cache-failure';
import type { SyncErrorKind } from '../db/repositories/sync-state-repository';
import type { RetryNotice } from './api-client';
import type { SyncProgress, SyncSummary } from './sync-account';
import { SyncError } from './sync-errors';
import type { SyncJob } from './sync-job';

/** What the sync thread is started with. */
export interface SyncWorkerData {
  /** The cache file; the thread opens its own connection to it (WAL: the app's keeps reading). */
  file: string;
  /** better-sqlite3's compiled binding when the host is not plain Node (Electron). */
  nativeBinding?: string;
  /** The app connection's write gate (db/write-gate.ts): the thread's writes wait while the main thread's do. */
  gate?: SharedArrayBuffer;
}

/** An error as it crosses between threads: the classes the app tells apart keep their fields. */
export type WireError =
  | { type: 'sync'; kind: SyncErrorKind; message: string; status?: number; code?: string }
  | { type: 'cache'; kind: CacheFailureKind; file: string; message: string; code: string; detail: string }
  | { type: 'error'; name: string; message: string; stack?: string };

/** The main thread to the sync thread. */
export type SyncThreadRequest =
  /** Run this sync; `localBalance`: ask the main thread for the reconciliation's local side. */
  | { kind: 'sync'; id: number; job: SyncJob; localBalance: boolean }
  | { kind: 'cancel'; id: number }
  /** The answer to the thread's `balance` question `ask`. */
  | { kind: 'balance'; id: number; ask: number; balances?: readonly PoolBalance[]; error?: WireError };

/** The sync thread to the main thread: small messages only (no page ever crosses). */
export type SyncThreadReply =
  | { kind: 'progress'; id: number; progress: SyncProgress }
  | { kind: 'retry'; id: number; notice: RetryNotice }
  /** The reconciliation's local side, asked of the main thread (its evaluator thread answers). */
  | { kind: 'balance'; id: number; ask: number; asOf: Millis; workspaceIds: readonly string[] }
  | { kind: 'done'; id: number; summary: SyncSummary }
  /** `recorded`: the thread wrote the failure into the cache's sync state (not when it could not open it). */
  | { kind: 'failed'; id: number; error: WireError; recorded: boolean };

/** `err` in a form structured clone keeps whole. */
export function toWire(err: unknown): WireError {
  if (err instanceof SyncError)
    return {
      type: 'sync',
      kind: err.kind,
      message: err.message,
      ...(err.status !== undefined ? { status: err.status } : {}),
      ...(err.code !== undefined ? { code: err.code } : {}),
    };
  if (err instanceof CacheFailure)
    return {
      type: 'cache',
      kind: err.kind,
      file: err.file,
      message: err.message,
      code: err.code,
      detail: err.detail,
    };
  const e = err instanceof Error ? err : new Error(String(err));
  return { type: 'error', name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
}

/** The error `toWire` described, as the class the app tests for (SyncError, CacheFailure, Error). */
export function fromWire(w: WireError): Error {
  if (w.type === 'sync') return new SyncError(w.kind, w.message, w.status, w.code);
  if (w.type === 'cache') return new CacheFailure(w.kind, w.file, w.message, w.code, w.detail);
  const e = new Error(w.message);
  e.name = w.name;
  if (w.stack) e.stack = w.stack;
  return e;
}
