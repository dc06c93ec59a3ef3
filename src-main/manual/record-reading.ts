import { randomBytes } from 'node:crypto';
import { INGEST_EARLIEST_MS } from '../../src-shared/api/ingest';
import type { Catalog } from '../../src-shared/catalog/catalog';
import { formatExactCredits } from '../../src-shared/display/credits';
import type { PoolEvaluation } from '../../src-shared/engine/evaluate';
import type { ReadingMark } from '../../src-shared/engine/observed-usage';
import {
  resolveWorkspace,
  workspaceVersion,
  type WorkspaceOverrides,
} from '../../src-shared/engine/resolve-workspace';
import { evaluationJson, type PoolStatusJson } from '../../src-shared/engine/status-json';
import { MAX_CREDITS, type PoolKind, type Reading } from '../../src-shared/types/ledger';
import { parseInstant, toIso, type Millis } from '../../src-shared/time/instant';
import type { Cache } from '../cache/cache';
import { evaluateCache } from '../cache/evaluate-cache';
import { maintainCache } from '../cache/maintain-cache';
import { CacheHistoryError } from '../cache/walk-cached-pool';
import type { StoredReading } from '../db/repositories/readings-repository';
import type { CachedWorkspace } from '../db/repositories/workspaces-repository';
import { ManualInputError } from './manual-input-error';

/** What a lead read off the platform's usage page. */
export interface ReadingInput {
  workspaceId: string;
  /** Default: the workspace's only pool. */
  pool?: PoolKind;
  remaining?: number;
  used?: number;
  /** Default: now. */
  at?: Millis;
  note?: string;
}

export interface ReadingContext {
  catalog: Catalog;
  now: Millis;
  overrides?: Readonly<Record<string, WorkspaceOverrides>>;
}

/** What recording a reading did. */
export interface ReadingOutcome {
  reading: Reading;
  workspace: CachedWorkspace;
  /** usage: it fed the balance (a workspace with no account API); check: compared with the synced count. */
  kind: 'usage' | 'check';
  /** The pool as the engine sees it now, after the reading. */
  status: PoolStatusJson;
  /** How the engine counted it (usage only). */
  mark: ReadingMark | null;
  /** The start of the period the reading fell in (usage only): `mark.after` equals it when no reading came before. */
  markPeriodStart: Millis | null;
  /** The synced count at the reading's instant (check only; null when that instant is no longer kept raw). */
  local: StoredReading['local'];
}

/** Readings more than this far ahead of the clock are refused: a typo, not a reading. */
const FUTURE_SLACK_MS = 5 * 60_000;

function workspaceOf(cache: Cache, id: string): CachedWorkspace {
  const found = cache.read.workspaces.byId(id);
  if (!found) throw new ManualInputError(`There is no workspace "${id}" in this cache.`, 'workspace');
  return found;
}

function poolOf(ws: CachedWorkspace, catalog: Catalog, asked: PoolKind | undefined): PoolKind {
  const pools = resolveWorkspace(ws.workspace, catalog).pools.map((p) => p.pool);
  if (asked !== undefined) {
    if (!pools.includes(asked))
      throw new ManualInputError(
        `${ws.workspace.name} has no ${asked} pool: its pools are ${pools.join(' and ')}.`,
        'pool',
      );
    return asked;
  }
  if (pools.length === 1) return pools[0]!;
  throw new ManualInputError(`Say which pool the reading is of: ${pools.join(' or ')}.`, 'pool');
}

function checkNumber(value: number, field: 'remaining' | 'used'): void {
  if (!Number.isFinite(value) || value < 0 || value > MAX_CREDITS)
    throw new ManualInputError(
      `The ${field} credits must be a number from 0 to 1,000,000,000, as the usage page shows it.`,
      field,
    );
}

/**
 * A pool without overage cannot have used more than it held: "20,000 used" of 10,000 is a typo (an
 * extra zero) that would count 200 %, a negative balance and every threshold's alert at once. More
 * credits than Creditbar knows of (a top-up) show as a reading of the credits left, which asks.
 */
function checkUsedFits(
  cache: Cache,
  ws: CachedWorkspace,
  pool: PoolKind,
  at: Millis,
  used: number,
  context: ReadingContext,
): void {
  if (resolveWorkspace(ws.workspace, context.catalog).pools.find((p) => p.pool === pool)?.overage) return;
  const p = evaluatePool(cache, ws, pool, at, context);
  const { available } = evaluationJson({ asOf: at, pools: [p], alerts: [] }).pools[0]!;
  if (used > available)
    throw new ManualInputError(
      `${ws.workspace.name}'s ${pool} pool holds ${formatExactCredits(available)} credits in that period, fewer than the ${formatExactCredits(used)} typed as used: check the number, or type the credits left instead if the platform added credits.`,
      'used',
    );
}

/** The pool's evaluation at `asOf`, for one workspace. */
function evaluatePool(
  cache: Cache,
  ws: CachedWorkspace,
  pool: PoolKind,
  asOf: Millis,
  context: ReadingContext,
): PoolEvaluation {
  const evaluation = evaluateCache(cache, {
    asOf,
    catalog: context.catalog,
    workspaceIds: [ws.workspace.id],
    ...(context.overrides ? { overrides: context.overrides } : {}),
  });
  return evaluation.pools.find((p) => p.pool === pool)!;
}

/** The engine's mark of a reading, from whichever period of the evaluation holds it. */
export function markOf(evaluation: PoolEvaluation, readingId: string): ReadingMark | null {
  for (let i = evaluation.periods.length - 1; i >= 0; i--) {
    const found = evaluation.periods[i]!.readings.find((m) => m.id === readingId);
    if (found) return found;
  }
  return null;
}

/** Keeps the summaries of a local workspace in step after its readings or grants changed. */
function maintainWorkspace(cache: Cache, ws: CachedWorkspace, context: ReadingContext): void {
  maintainCache(cache, {
    now: context.now,
    catalog: context.catalog,
    workspaceIds: [ws.workspace.id],
    ...(context.overrides ? { overrides: context.overrides } : {}),
  });
}

/**
 * Records a balance reading. On a workspace with no account API it becomes observed usage (the
 * difference from what was counted before it); on a synced one it is a check, stored beside the
 * local count at its instant. Checked before anything is stored; one sentence for what is wrong.
 */
export function recordReading(cache: Cache, input: ReadingInput, context: ReadingContext): ReadingOutcome {
  const ws = workspaceOf(cache, input.workspaceId);
  const pool = poolOf(ws, context.catalog, input.pool);
  if ((input.remaining === undefined) === (input.used === undefined))
    throw new ManualInputError(
      'Give either the credits remaining or the credits used, not both.',
      'remaining',
    );
  if (input.remaining !== undefined) checkNumber(input.remaining, 'remaining');
  if (input.used !== undefined) checkNumber(input.used, 'used');
  const at = input.at ?? context.now;
  if (!Number.isFinite(at)) throw new ManualInputError('The reading time is not a valid instant.', 'at');
  if (at < INGEST_EARLIEST_MS)
    throw new ManualInputError(`A reading before 2000 is a typo (${toIso(at)}): check the date.`, 'at');
  if (at > context.now + FUTURE_SLACK_MS)
    throw new ManualInputError(`A reading cannot be in the future (${toIso(at)} is after now).`, 'at');
  const note = input.note?.trim();
  if (note !== undefined && note.length > 500)
    throw new ManualInputError('Keep the note under 500 characters.', 'note');
  const state = cache.read.poolState.get(ws.key, pool);
  if (state.rawFrom !== null && at < state.rawFrom)
    throw new ManualInputError(
      `Creditbar keeps the detail of ${ws.workspace.name} (${pool}) from ${toIso(state.rawFrom).slice(0, 10)} on: a reading before that cannot change months already closed.`,
      'at',
    );
  let id: string;
  do id = `r-${randomBytes(4).toString('hex')}`;
  while (cache.read.readings.get(ws.key, ws.workspace.id, id));
  const reading: Reading = {
    id,
    workspaceId: ws.workspace.id,
    pool,
    at: toIso(at),
    ...(input.remaining !== undefined ? { remaining: input.remaining } : { used: input.used! }),
    ...(note ? { note } : {}),
  };

  if (ws.origin === 'sync') {
    let local: StoredReading['local'] = null;
    try {
      const p = evaluatePool(cache, ws, pool, at, context);
      const json = evaluationJson({ asOf: at, pools: [p], alerts: [] }).pools[0]!;
      local = { used: json.used, remaining: json.remaining };
    } catch (err) {
      if (!(err instanceof CacheHistoryError)) throw err;
    }
    cache.transaction(() => cache.write.readings.add(ws.key, reading, context.now, local));
    const now = evaluatePool(cache, ws, pool, Math.max(context.now, at), context);
    const status = evaluationJson({ asOf: now.current.asOf, pools: [now], alerts: [] }).pools[0]!;
    return { reading, workspace: ws, kind: 'check', status, mark: null, markPeriodStart: null, local };
  }

  if (input.used !== undefined) checkUsedFits(cache, ws, pool, at, input.used, context);
  // One transaction with the summaries' upkeep: the app retries a write that met the lock held
  // (db/main-writes.ts), and a reading stored before a failed upkeep would be stored again, under a
  // new id, by the retry.
  cache.transaction(() => {
    cache.write.readings.add(ws.key, reading, context.now);
    cache.write.poolState.markDirty(ws.key, pool, at);
    maintainWorkspace(cache, ws, context);
  });
  const after = evaluatePool(cache, ws, pool, Math.max(context.now, at), context);
  const status = evaluationJson({ asOf: after.current.asOf, pools: [after], alerts: [] }).pools[0]!;
  // The reading's own period (an older one when it is dated before the reset), not the current one.
  const period = [...after.periods].reverse().find((p) => p.readings.some((m) => m.id === id));
  return {
    reading,
    workspace: ws,
    kind: 'usage',
    status,
    mark: markOf(after, id),
    markPeriodStart: period?.start ?? null,
    local: null,
  };
}

/** How the lead answered a reading that went backwards. */
export type ReadingAnswer = { as: 'top-up'; credits?: number } | { as: 'mistake' };

/**
 * Answers the question a backwards reading asks: a top-up (a grant at the reading's instant, valid as
 * long as the catalog version says top-ups are; by default the credits that explain the jump) or a
 * mistake (the reading is kept, dismissed, and left out of every balance).
 */
export function answerReading(
  cache: Cache,
  workspaceId: string,
  readingId: string,
  answer: ReadingAnswer,
  context: ReadingContext,
): { reading: Reading; grantCredits: number | null } {
  const ws = workspaceOf(cache, workspaceId);
  const stored = cache.read.readings.get(ws.key, ws.workspace.id, readingId);
  if (!stored) throw new ManualInputError(`${ws.workspace.name} has no reading "${readingId}".`, 'reading');
  const { reading } = stored;
  const at = parseInstant(reading.at);
  if (answer.as === 'mistake') {
    cache.transaction(() => {
      cache.write.readings.setDismissed(ws.key, readingId, true);
      cache.write.poolState.markDirty(ws.key, reading.pool, at);
    });
    maintainWorkspace(cache, ws, context);
    return { reading: { ...reading, dismissed: true }, grantCredits: null };
  }
  let credits = answer.credits;
  if (credits === undefined) {
    const mark = markOf(evaluatePool(cache, ws, reading.pool, Math.max(context.now, at), context), readingId);
    credits = mark?.backwardsBy ?? 0;
  }
  if (!Number.isFinite(credits) || credits <= 0 || credits > MAX_CREDITS)
    throw new ManualInputError('Give the credits the top-up added, a number above 0.', 'credits');
  const validDays = workspaceVersion(ws.workspace, context.catalog).topUps?.validDays ?? null;
  const grant = {
    id: `top-up-${readingId}`,
    workspaceId: ws.workspace.id,
    pool: reading.pool,
    kind: 'top-up' as const,
    credits,
    grantedAt: reading.at,
    expiresAt: validDays === null ? null : toIso(at + validDays * 86_400_000),
  };
  cache.transaction(() => {
    for (const [pool, from] of cache.write.grants.merge(ws.key, [grant]))
      cache.write.poolState.markDirty(ws.key, pool, from);
  });
  maintainWorkspace(cache, ws, context);
  return { reading, grantCredits: credits };
}
