import type { PoolKind } from '../types/ledger';

/**
 * The pool a member budget counts: integration credits, the runtime pool that every member's
 * published apps drain and that stops them when it is empty (SPEC §2, the seed's "assign credit
 * budgets ... since workspace pools are shared"). Message credits are spent while building, a pool
 * a hundred times smaller on Base44 (Builder: 250 against 10,000): a budget set in integration
 * credits would say nothing there.
 */
export const BUDGETED_POOL: PoolKind = 'integration';

const NONE: ReadonlyMap<string, number> = new Map();

/** The workspace's member budgets that apply to this pool: all of them on the budgeted pool, none elsewhere. */
export function poolBudgets(
  budgets: ReadonlyMap<string, number>,
  pool: PoolKind,
): ReadonlyMap<string, number> {
  return pool === BUDGETED_POOL ? budgets : NONE;
}
