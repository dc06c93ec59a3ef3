import type { PoolKind } from '../types/ledger';
import type { Evaluation } from './evaluate';
import { remainingOf } from './period-result';
import { tidy } from './status-json';

/** One pool's balance as a reconciliation compares it with the server's /balance. */
export interface PoolBalance {
  workspaceId: string;
  pool: PoolKind;
  used: number;
  remaining: number;
}

/**
 * Each pool's used and remaining credits at the evaluation's instant, rounded as the JSON output
 * (and the server's /balance) rounds them: all a reconciliation needs of an evaluation.
 */
export function poolBalancesOf(evaluation: Evaluation): PoolBalance[] {
  return evaluation.pools.map((p) => ({
    workspaceId: p.workspace.id,
    pool: p.pool,
    used: tidy(p.current.used),
    remaining: tidy(remainingOf(p.current)),
  }));
}
