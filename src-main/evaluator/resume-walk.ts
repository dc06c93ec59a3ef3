import { createHash } from 'node:crypto';
import { lotsToJson } from '../../src-shared/engine/checkpoint';
import { emptyPoolEvents } from '../../src-shared/engine/event-columns';
import { IncrementalPool } from '../../src-shared/engine/incremental-pool';
import { checkpointAfter, type PeriodSummary } from '../../src-shared/engine/period-summary';
import { periodAt } from '../../src-shared/engine/periods';
import type { PoolWalkConfig } from '../../src-shared/engine/pool-walk';
import type { ResolvedPool } from '../../src-shared/engine/resolve-workspace';
import { firstWalkInstant } from '../../src-shared/engine/simulate-pool';
import { columnsFor, decodeWalkState, encodeWalkState } from '../../src-shared/engine/walk-state';
import type { Millis } from '../../src-shared/time/instant';
import type { CacheReader } from '../cache/cache';
import { appendCachedRows } from '../cache/cached-pool-events';
import type { CachedWorkspaceInput } from '../cache/cached-workspaces';
import type { SavedWalk } from './saved-walks';

/** What a pool's walk depends on besides its events: another one means a saved walk is not used. */
export interface WalkInputs {
  ws: CachedWorkspaceInput;
  pool: ResolvedPool;
  /** The closed period's summary the walk starts from (null: from the pool's first record). */
  checkpoint: PeriodSummary | null;
  config: PoolWalkConfig;
  /** Catalog, plan and rate cards (what every price depends on), as text. */
  pricing: string;
  /** Pool, thresholds, budgets, grants and readings, as text. */
  configKey: string;
}

/**
 * The key a saved walk is kept under: prices, configuration and the lots carried into its period.
 * The period itself is checked against the walk's own, so a walk saved before the previous month
 * was summarised still serves once it is (same period, same carried lots: the same walk).
 */
export function savedWalkKey(inputs: Pick<WalkInputs, 'checkpoint' | 'pricing' | 'configKey'>): string {
  const carry = inputs.checkpoint ? lotsToJson(checkpointAfter(inputs.checkpoint).carry) : [];
  return createHash('sha256')
    .update(JSON.stringify([inputs.pricing, inputs.configKey, carry]))
    .digest('base64');
}

/** The period a fresh walk of the pool at asOf would start in (what the evaluator's own load would walk). */
function startPeriod(cache: Pick<CacheReader, 'read'>, inputs: WalkInputs, asOf: Millis): Millis {
  const { ws, pool, checkpoint, config } = inputs;
  if (checkpoint) return periodAt(pool.reset, checkpointAfter(checkpoint).start).start;
  // The first event from the index (one step) instead of the pool's events, which are not loaded.
  const first = Math.min(asOf, cache.read.events.first(ws.key, pool.pool) ?? asOf);
  return periodAt(
    pool.reset,
    firstWalkInstant(emptyPoolEvents(), config.grants, config.readings ?? [], asOf, first),
  ).start;
}

export type Resumed = { pool: IncrementalPool; read: number } | { pool: null; why: string };

/**
 * A pool's incremental walk resumed from the walk saved at the end of the last run, if it still
 * holds: same prices, configuration and carried lots, the same period holding asOf, no change in
 * the feed since that touches what it walked (a late or rewritten event, a grant, a plan), and the
 * feed still kept back to it. Then only the events after the saved instant are read. Anything
 * else (or a walk that fails to read back) is a reason, and the caller loads the period instead.
 */
export function resumeSavedWalk(
  cache: Pick<CacheReader, 'read'>,
  inputs: WalkInputs,
  saved: SavedWalk,
  asOf: Millis,
  feedSeq: number,
): Resumed {
  const { ws, pool, config } = inputs;
  if (saved.key !== savedWalkKey(inputs)) return { pool: null, why: 'prices or settings changed' };
  const oldest = cache.read.changes.first();
  if (saved.seq > feedSeq || (oldest !== null && saved.seq < oldest - 1))
    return { pool: null, why: 'the change feed does not reach back to it' };
  let state;
  try {
    state = decodeWalkState(saved.bytes);
  } catch (err) {
    return { pool: null, why: (err as Error).message };
  }
  if (asOf < state.walkedTo || asOf >= state.period.end) return { pool: null, why: 'another period' };
  if (startPeriod(cache, inputs, asOf) !== state.period.start) return { pool: null, why: 'another start' };
  for (const c of cache.read.changes.since(saved.seq))
    if (c.workspaceKey === ws.key && c.pool === pool.pool && c.from <= state.walkedTo)
      return { pool: null, why: 'data it walked changed since' };
  const walkedTo = state.walkedTo;
  const events = columnsFor(state);
  const rows = cache.read.events.poolRange(ws.key, pool.pool, walkedTo, Number.POSITIVE_INFINITY);
  appendCachedRows(
    events,
    (function* () {
      for (const row of rows) if (row[1] > walkedTo) yield row;
    })(),
    ws.price,
  );
  try {
    return { pool: IncrementalPool.resumed(config, state, events), read: events.length };
  } catch (err) {
    return { pool: null, why: (err as Error).message };
  }
}

/** The walk to save for a pool, or null when it cannot be resumed (it closed a period, say). */
export function saveWalk(
  inc: IncrementalPool,
  inputs: Pick<WalkInputs, 'checkpoint' | 'pricing' | 'configKey'>,
  seq: number,
): SavedWalk | null {
  const state = inc.saveState();
  return state ? { key: savedWalkKey(inputs), seq, bytes: encodeWalkState(state) } : null;
}
