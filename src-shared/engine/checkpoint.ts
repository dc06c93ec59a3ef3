import type { Grant, Reading } from '../types/ledger';
import { parseInstant, type Millis } from '../time/instant';
import type { Lot } from './lots';
import { preparePoolReadings } from './observed-usage';
import type { PeriodResult } from './period-result';
import type { PoolEvents, PoolGrant } from './pool-events';
import type { PoolWalkConfig } from './pool-walk';
import type { ResolvedPool, ResolvedWorkspace } from './resolve-workspace';
import { simulatePool } from './simulate-pool';
import { poolBudgets } from './member-budgets';

/**
 * Where a walk can resume: the start of a period and the non-plan lots carried into it from the
 * closed period before. A cache keeps one per closed period so that old periods are never walked again.
 */
export interface PoolCheckpoint {
  start: Millis;
  carry: Lot[];
}

/** A lot as JSON: Infinity cannot be written, so a grant that never expires has `expiresAt` null. */
export interface LotJson {
  id: string;
  kind: Lot['kind'];
  grantedAt: Millis;
  expiresAt: Millis | null;
  balance: number;
}

export function lotsToJson(lots: readonly Lot[]): LotJson[] {
  return lots.map((l) => ({ ...l, expiresAt: Number.isFinite(l.expiresAt) ? l.expiresAt : null }));
}

export function lotsFromJson(lots: readonly LotJson[]): Lot[] {
  return lots.map((l) => ({ ...l, expiresAt: l.expiresAt ?? Number.POSITIVE_INFINITY }));
}

/** One pool's grants as the walk takes them: granted in [from, asOf], by grantedAt then id. */
export function poolGrants(
  grants: readonly Grant[],
  pool: ResolvedPool['pool'],
  asOf: Millis,
  from = Number.NEGATIVE_INFINITY,
): PoolGrant[] {
  const out: PoolGrant[] = [];
  for (const g of grants) {
    if (g.pool !== pool) continue;
    const grantedAt = parseInstant(g.grantedAt);
    // A grant before the checkpoint is already in its carried lots (or expired).
    if (grantedAt > asOf || grantedAt < from) continue;
    out.push({
      id: g.id,
      kind: g.kind,
      credits: g.credits,
      grantedAt,
      expiresAt: g.expiresAt ? parseInstant(g.expiresAt) : Number.POSITIVE_INFINITY,
    });
  }
  return out.sort((a, b) => a.grantedAt - b.grantedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface WalkFromInput {
  resolved: ResolvedWorkspace;
  pool: ResolvedPool;
  /** The pool's events from `from.start` on (all of them without a checkpoint), priced and in order. */
  events: PoolEvents;
  /** The workspace's grants; those of other pools, before the checkpoint or after asOf are left out here. */
  grants: readonly Grant[];
  /** The workspace's readings; those of other pools, dismissed, before the checkpoint or after asOf are left out here. */
  readings?: readonly Reading[];
  asOf: Millis;
  from?: PoolCheckpoint;
  /** Without a checkpoint: walk at least from the period holding this instant. */
  earliest?: Millis;
  /** Thresholds to mark instead of the workspace's (a cache marks every percent, see period-summary). */
  thresholds?: readonly number[];
  onCall?: (index: number, credits: number) => void;
}

/**
 * What a walk of one pool from a checkpoint is configured with: the pool's thresholds (or
 * those given), budgets, and the pool's grants and readings from the checkpoint to asOf.
 */
export function poolWalkConfig(input: Omit<WalkFromInput, 'events' | 'earliest'>): PoolWalkConfig {
  const { resolved, pool, asOf, from } = input;
  return {
    pool,
    thresholds: input.thresholds ?? pool.thresholds,
    budgets: poolBudgets(resolved.budgets, pool.pool),
    grants: poolGrants(input.grants, pool.pool, asOf, from?.start),
    readings: preparePoolReadings(input.readings ?? [], pool.pool, asOf, from?.start),
    ...(input.onCall ? { onCall: input.onCall } : {}),
  };
}

/**
 * Walks one pool from a checkpoint (or from its first record) to asOf: the same walk as walkPool,
 * for callers that keep closed periods as checkpoints and hold events already priced.
 */
export function walkPoolFrom(input: WalkFromInput): PeriodResult[] {
  const { asOf, from } = input;
  return simulatePool({
    ...poolWalkConfig(input),
    events: input.events,
    asOf,
    ...(from ? { from: { start: from.start, carry: from.carry.map((l) => ({ ...l })) } } : {}),
    ...(input.earliest !== undefined ? { earliest: input.earliest } : {}),
  });
}
