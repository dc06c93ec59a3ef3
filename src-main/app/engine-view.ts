import type { Catalog } from '../../src-shared/catalog/catalog';
import type { Evaluation } from '../../src-shared/engine/evaluate';
import { availableOf } from '../../src-shared/engine/period-result';
import type { PoolKind } from '../../src-shared/types/ledger';
import type { PreviousPeriod } from '../alerts/lifecycle-candidates';
import { resolveWorkspace, type WorkspaceOverrides } from '../../src-shared/engine/resolve-workspace';
import type { Settings } from '../../src-shared/settings/settings';
import type { Millis } from '../../src-shared/time/instant';
import type { Cache } from '../cache/cache';
import type { CachedWorkspace } from '../db/repositories/workspaces-repository';
import type { EvaluateRequest } from '../evaluator/cache-evaluator';
import type { FreshnessFacts, WorkspaceFacts } from './compose-snapshot';
import { syncFailureOf } from '../sync/sync-failure';
import { overridesFromSettings } from './threshold-overrides';
import { lastImportAt } from '../manual/last-import';

/** What the engine said about the shown accounts' workspaces at one instant. */
export interface EngineView {
  evaluation: Evaluation;
  /** The workspaces shown when it was evaluated. */
  workspaces: readonly CachedWorkspace[];
  /** The cache's change-feed position it reflects at least: a later one means data changed since. */
  seq: number;
}

/** The shown workspaces: those of the given accounts, in the cache's order (from `listed` when read already). */
export function shownWorkspaces(
  cache: Cache,
  accountIds: readonly string[],
  listed: readonly CachedWorkspace[] = cache.read.workspaces.list(),
): CachedWorkspace[] {
  const wanted = new Set(accountIds);
  return listed.filter((w) => wanted.has(w.accountId));
}

/** The engine overrides of the lead's settings for these workspaces (credit thresholds against each pool's allowance). */
export function settingsOverrides(
  workspaces: readonly CachedWorkspace[],
  settings: Pick<Settings, 'thresholds' | 'poolThresholds' | 'budgets'>,
  catalog: Catalog,
): Record<string, WorkspaceOverrides> {
  const byId = new Map(workspaces.map((w) => [w.workspace.id, w.workspace]));
  return overridesFromSettings(settings, (id) => {
    const ws = byId.get(id);
    if (!ws) return null;
    try {
      return resolveWorkspace(ws, catalog).pools.map((p) => ({ pool: p.pool, allowance: p.allowance }));
    } catch {
      return null; // a pool without an allowance: the engine reports it when it evaluates
    }
  });
}

/** The period before the current one of each pool the engine walked (for the reset alert's "last period" line). */
export function previousPeriodOf(
  evaluation: Evaluation,
): (workspaceId: string, pool: PoolKind) => PreviousPeriod | null {
  return (workspaceId, pool) => {
    const p = evaluation.pools.find((e) => e.workspace.id === workspaceId && e.pool === pool);
    const previous = p && p.periods.length >= 2 ? p.periods[p.periods.length - 2]! : null;
    if (!previous) return null;
    return {
      start: previous.start,
      end: previous.end,
      used: previous.used,
      available: availableOf(previous),
    };
  };
}

/** What to ask the engine about the accounts shown (gathering only): null when nothing is shown. */
export function engineRequest(
  cache: Cache,
  options: {
    now: Millis;
    accountIds: readonly string[];
    settings: Pick<Settings, 'thresholds' | 'poolThresholds' | 'budgets'>;
    catalog: Catalog;
  },
): { request: EvaluateRequest | null; workspaces: CachedWorkspace[] } {
  const workspaces = shownWorkspaces(cache, options.accountIds);
  if (workspaces.length === 0) return { request: null, workspaces };
  return {
    request: {
      asOf: options.now,
      catalog: options.catalog,
      overrides: settingsOverrides(workspaces, options.settings, options.catalog),
      workspaceIds: workspaces.map((w) => w.workspace.id),
    },
    workspaces,
  };
}

/**
 * The snapshot's facts of each workspace shown now that the view evaluated: its pools from the
 * view, its sync state and drift as the cache says now (a reconciliation or a removed account
 * shows at once, without evaluating again).
 */
export function workspaceFacts(
  cache: Cache,
  view: EngineView | null,
  accountIds: readonly string[],
  listed?: readonly CachedWorkspace[],
): WorkspaceFacts[] {
  if (!view) return [];
  const evaluated = new Set(view.workspaces.map((w) => w.workspace.id));
  return shownWorkspaces(cache, accountIds, listed)
    .filter((w) => evaluated.has(w.workspace.id))
    .map((w) => ({
      accountId: w.accountId,
      workspace: w.workspace,
      pools: view.evaluation.pools.filter((p) => p.workspace.id === w.workspace.id),
      ...syncFacts(cache, w),
      drift: cache.read.drift.forWorkspace(w.key),
      grants: cache.read.grants.forWorkspace(w.key, w.workspace.id),
      origin: w.origin,
      ...readingFacts(cache, w),
    }));
}

function syncFacts(cache: Cache, w: CachedWorkspace): Pick<WorkspaceFacts, 'lastSyncAt' | 'syncFailure'> {
  return {
    lastSyncAt: cache.read.syncState.workspace(w.key).lastSuccessAt,
    syncFailure: syncFailureOf(
      cache.read.syncState.account(w.accountId),
      cache.read.syncState.workspace(w.key),
    ),
  };
}

/** What a cached workspace's freshness is read from, as the snapshot reads it (workspaceFreshness). */
export function freshnessFactsOf(cache: Cache, w: CachedWorkspace): FreshnessFacts {
  const { lastReadingAt, lastImportAt } = readingFacts(cache, w);
  return { origin: w.origin, ...syncFacts(cache, w), lastReadingAt, lastImportAt };
}

/** A workspace's readings as the snapshot needs them: the last one counted, or each pool's latest check. */
function readingFacts(
  cache: Cache,
  w: CachedWorkspace,
): Pick<WorkspaceFacts, 'lastReadingAt' | 'lastImportAt' | 'readingChecks'> {
  const stored = cache.read.readings.ofWorkspace(w.key, w.workspace.id).filter((r) => !r.reading.dismissed);
  if (w.origin === 'sync') {
    const latest = new Map(stored.map((r) => [r.reading.pool, r]));
    return { readingChecks: [...latest.values()] };
  }
  const last = stored.at(-1);
  return { lastReadingAt: last ? Date.parse(last.reading.at) : null, lastImportAt: lastImportAt(cache, w) };
}
