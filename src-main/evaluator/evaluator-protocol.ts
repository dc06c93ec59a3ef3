import type { Evaluation } from '../../src-shared/engine/evaluate';
import type { EvaluateRequest, PoolCost } from './cache-evaluator';

/** What the evaluator thread is started with. */
export interface EvaluatorWorkerData {
  /** The cache file; the thread opens its own read-only connection to it. */
  file: string;
  /** better-sqlite3's compiled binding when the host is not plain Node (Electron). */
  nativeBinding?: string;
}

/** A request to the evaluator thread. */
export interface EvaluatorRequest {
  id: number;
  kind: 'evaluate';
  requests: EvaluateRequest[];
}

/** The thread's answer to one request (structured clone keeps the engine's Maps, Sets and Infinity). */
export type EvaluatorReply =
  | { id: number; ok: true; evaluations: Evaluation[]; costs: PoolCost[] }
  | { id: number; ok: false; error: { name: string; message: string } };
