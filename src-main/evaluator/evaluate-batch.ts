import { poolBalancesOf, type PoolBalance } from '../../src-shared/engine/pool-balances';
import type { Evaluation } from '../../src-shared/engine/evaluate';
import type { CacheEvaluator, EvaluateRequest, PoolCost } from './cache-evaluator';
import { viewFormOf } from './view-form';

/** How a batch is answered besides its requests. */
export interface BatchOptions {
  /**
   * Evaluated first, in the same read of the cache, but answered as pool balances only (a
   * reconciliation's side): the main thread deserialises a few numbers, not a second evaluation.
   */
  balances?: EvaluateRequest[];
  /** Answer the requests in the form the snapshot reads (view-form.ts), not the engine's whole. */
  viewForm?: boolean;
}

export interface EvaluatedBatch {
  evaluations: Evaluation[];
  /** The pool balances of each `balances` request, in order. */
  balances: PoolBalance[][];
  costs: PoolCost[];
}

/** One batch over one read of the cache, answered as asked (the thread and the in-process evaluator alike). */
export function evaluateBatch(
  evaluator: Pick<CacheEvaluator, 'evaluate' | 'costs'>,
  requests: EvaluateRequest[],
  options: BatchOptions = {},
): EvaluatedBatch {
  const balances = options.balances ?? [];
  const all = evaluator.evaluate([...balances, ...requests]);
  const evaluations = all.slice(balances.length);
  return {
    evaluations: options.viewForm ? evaluations.map(viewFormOf) : evaluations,
    balances: all.slice(0, balances.length).map(poolBalancesOf),
    costs: evaluator.costs(),
  };
}
