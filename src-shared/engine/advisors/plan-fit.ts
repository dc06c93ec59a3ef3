import type { Catalog } from '../../catalog/catalog';
import { workspaceVersion } from '../resolve-workspace';
import type { PoolEvaluation } from '../evaluate';

/** Which plan would have covered a typical heavy month, from the closed periods. */
export interface PlanFit {
  closedPeriods: number;
  /** Credits each closed period asked for: what ran plus what was blocked. */
  demand: number[];
  /** The 90th-percentile demand (nearest rank); null without closed periods. */
  p90Demand: number | null;
  /** Closed periods in which the pool ran dry. */
  ranDry: number;
  currentPlan: string;
  currentAllowance: number;
  /** Whether the current allowance covers the p90 demand. */
  coversP90: boolean | null;
  /** The smallest catalog plan whose allowance covers the p90 demand. */
  suggestion: { plan: string; allowance: number } | null;
  /** Why there is no suggestion, when there is none. */
  note: string | null;
}

/** The 90th percentile by nearest rank: the smallest value at or above 90 % of the sorted values. */
export function percentile90(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.9 * sorted.length) - 1]!;
}

/** Plan fit over the closed periods of one pool (SPEC §3, advisors). */
export function planFit(evaluation: PoolEvaluation, catalog: Catalog): PlanFit {
  const { workspace, pool } = evaluation;
  const closed = evaluation.periods.filter((p) => p.closed);
  const demand = closed.map((p) => p.used + p.blockedCredits);
  const p90Demand = percentile90(demand);
  const currentAllowance = evaluation.current.allowance;
  const version = workspaceVersion(workspace, catalog);
  const plans = Object.entries(version.plans)
    .map(([plan, entry]) => ({ plan, allowance: entry.pools[pool] }))
    .filter((p): p is { plan: string; allowance: number } => typeof p.allowance === 'number')
    .sort((a, b) => a.allowance - b.allowance);
  let suggestion: PlanFit['suggestion'] = null;
  let note: string | null = null;
  if (p90Demand === null) note = 'No closed period yet: plan fit needs at least one full period of history.';
  else if (plans.length === 0)
    note = `The catalog has no ${workspace.provider} plan sizes; add them in a catalog file to get a suggestion.`;
  else {
    suggestion = plans.find((p) => p.allowance >= p90Demand) ?? null;
    if (!suggestion) note = 'No catalog plan covers this demand: ask the provider for a custom allowance.';
  }
  return {
    closedPeriods: closed.length,
    demand,
    p90Demand,
    ranDry: closed.filter((p) => p.exhaustedAt !== null).length,
    currentPlan: workspace.plan,
    currentAllowance,
    coversP90: p90Demand === null ? null : currentAllowance >= p90Demand,
    suggestion,
    note,
  };
}
