import type { Catalog } from '../../src-shared/catalog/catalog';
import { cacheCandidates } from '../../src-shared/engine/advisors/cache-candidates';
import { planFit } from '../../src-shared/engine/advisors/plan-fit';
import type { PoolEvaluation } from '../../src-shared/engine/evaluate';
import { dayEntries } from '../../src-shared/engine/report';
import { periodJson, tidy } from '../../src-shared/engine/status-json';
import type {
  Freshness,
  PoolCard,
  RaisedAlert,
  ReadingCheck,
  Snapshot,
  SyncStatus,
  WorkspaceCard,
} from '../../src-shared/ipc/snapshot';
import type { Settings } from '../../src-shared/settings/settings';
import { DAY_MS, toIso, type Millis } from '../../src-shared/time/instant';
import type { Workspace } from '../../src-shared/types/ledger';
import type { DriftRecord } from '../db/repositories/drift-repository';
import type { StoredReading } from '../db/repositories/readings-repository';
import { freshnessOf, type FreshnessPolicy } from '../sync/freshness';
import { snapshotDrift } from '../sync/reconcile';
import { poolAsShown } from './pool-as-shown';
import { grantKindsOf, type GrantFacts } from '../../src-shared/display/extra-credits';
import { newestManualData } from '../../src-shared/display/data-basis';
import { distinctWorkspaceNames } from '../../src-shared/display/workspace-names';
import { topConsumerOf } from './top-consumer';

/** One cached workspace with what the engine and the sync state say about it. */
export interface WorkspaceFacts {
  accountId: string;
  workspace: Workspace;
  /** The engine's evaluation of each of its pools at the snapshot's instant. */
  pools: PoolEvaluation[];
  lastSyncAt: Millis | null;
  /** The last sync attempt after lastSyncAt failed (syncFailureOf); absent when it did not. */
  syncFailure?: 'offline' | 'error' | null;
  drift: readonly DriftRecord[];
  /** Where the workspace comes from (absent: synced). */
  origin?: 'sync' | 'ledger' | 'manual';
  /** The newest counted reading of a workspace kept by hand (its freshness counts from it, or from ...). */
  lastReadingAt?: Millis | null;
  /** ... the newest event its CSV imports brought, when that is newer. */
  lastImportAt?: Millis | null;
  /** The newest reading of each pool of a synced workspace: the check shown beside the count. */
  readingChecks?: readonly StoredReading[];
  /** Its grants, so a card words the credits they add by kind (bonus, top-up). */
  grants?: readonly GrantFacts[];
}

export interface ComposeSnapshotInput {
  now: Millis;
  mode: Snapshot['mode'];
  settings: Pick<Settings, 'thresholds' | 'poolThresholds' | 'syncIntervalMinutes' | 'staleAfterMinutes'> &
    Partial<Pick<Settings, 'readingReminder'>>;
  catalog: Catalog;
  workspaces: readonly WorkspaceFacts[];
  sync: SyncStatus;
  alerts: RaisedAlert[];
  pausedUntil: Millis | null;
  /** Whether an alert raised now would notify (notificationStatus). */
  notifications?: Snapshot['notifications'];
  /** Alerts not acknowledged yet. */
  openAlerts?: number;
}

/** How long data stays "live": one sync interval plus a minute for the sync itself to run. */
export function freshnessPolicyOf(
  settings: Pick<Settings, 'syncIntervalMinutes' | 'staleAfterMinutes'>,
): FreshnessPolicy {
  return {
    liveForMs: (settings.syncIntervalMinutes + 1) * 60_000,
    staleAfterMs: settings.staleAfterMinutes * 60_000,
  };
}

function poolCard(
  facts: WorkspaceFacts,
  p: PoolEvaluation,
  freshness: Freshness,
  input: ComposeSnapshotInput,
): PoolCard {
  const r = p.current;
  const status = periodJson(facts.workspace.id, r, p.forecast);
  const shown = poolAsShown(status, freshness, input.settings, facts.workspace);
  const names = new Map((facts.workspace.members ?? []).map((m) => [m.id, m.name]));
  // The days of the period so far: today included, the days still ahead not drawn as zeros.
  const through = Math.min(r.end, (Math.floor(r.asOf / DAY_MS) + 1) * DAY_MS);
  const drift = facts.drift.find((d) => d.pool === p.pool);
  return {
    ...status,
    ...shown,
    byDay: Object.fromEntries(
      dayEntries(r.byDay, r.start, through).map(([day, credits]) => [day, tidy(credits)]),
    ),
    // The engine's marks: what alerts fire on is what the bar shows.
    marks: status.thresholds.map((t) => t.percent),
    drift: drift ? snapshotDrift(drift) : null,
    budgets: r.budgets.map((b) => ({
      memberId: b.memberId,
      name: names.get(b.memberId) ?? b.memberId,
      budget: b.budget,
      used: tidy(b.used),
      reachedAt: b.reachedAt === null ? null : toIso(b.reachedAt),
    })),
    cacheCandidates: cacheCandidates(r),
    planFit: planFit(p, input.catalog),
    topConsumer: topConsumerOf(r, names),
    exhaustion: r.exhaustion,
    readingCheck: readingCheckOf(facts.readingChecks?.find((c) => c.reading.pool === p.pool)),
    grantKinds: grantKindsOf(facts.grants ?? [], p.pool, r),
  };
}

/** The newest reading of a synced pool against the local count at its instant. */
function readingCheckOf(stored: StoredReading | undefined): ReadingCheck | null {
  if (!stored) return null;
  const { reading, local } = stored;
  const what = reading.remaining !== undefined ? 'left' : 'used';
  const platform = reading.remaining ?? reading.used ?? 0;
  const counted = local === null ? null : what === 'left' ? local.remaining : local.used;
  return {
    at: reading.at,
    what,
    platform,
    local: counted,
    difference: counted === null ? null : tidy(counted - platform),
  };
}

/** What a workspace's freshness is read from (the snapshot's facts, or creditbar status's). */
export type FreshnessFacts = Pick<
  WorkspaceFacts,
  'origin' | 'lastSyncAt' | 'syncFailure' | 'lastReadingAt' | 'lastImportAt'
>;

/**
 * How old a workspace's numbers are: since its last sync, or for one kept by hand since its last
 * reading or the newest event it imported, whichever is newer (live within the reading reminder's
 * limit, stale past three times it). The card's and `creditbar status`'s one rule.
 */
export function workspaceFreshness(
  facts: FreshnessFacts,
  input: Pick<ComposeSnapshotInput, 'now' | 'settings'>,
): Freshness {
  if (facts.origin === 'manual') {
    const hours = input.settings.readingReminder?.afterHours ?? 24;
    const newest = newestManualData(facts.lastReadingAt ?? null, facts.lastImportAt ?? null);
    // An imported row dated ahead of the clock counts as now, never as newer than now.
    const f = freshnessOf(newest.at === null ? null : Math.min(newest.at, input.now), input.now, {
      liveForMs: hours * 3_600_000,
      staleAfterMs: 3 * hours * 3_600_000,
    });
    return { ...f, basis: newest.basis };
  }
  return freshnessOf(
    facts.lastSyncAt,
    input.now,
    freshnessPolicyOf(input.settings),
    facts.syncFailure ?? null,
  );
}

function workspaceCard(facts: WorkspaceFacts, input: ComposeSnapshotInput, name: string): WorkspaceCard {
  const ws = facts.workspace;
  const freshness = workspaceFreshness(facts, input);
  return {
    id: ws.id,
    name,
    provider: ws.provider,
    plan: ws.plan,
    accountId: facts.accountId,
    source: facts.origin ?? 'sync',
    catalogVersion: ws.catalogVersion ?? null,
    members: (ws.members ?? []).map((m) => ({
      id: m.id,
      name: m.name,
      ...(m.budget !== undefined ? { budget: m.budget } : {}),
    })),
    pools: facts.pools.map((p) => poolCard(facts, p, freshness, input)),
    freshness,
  };
}

/** Everything the tray and the renderer show, from the engine's evaluation and the app's state. Pure. */
export function composeSnapshot(input: ComposeSnapshotInput): Snapshot {
  // A card's name is what its alert sentences, notifications and tray lines call it: two workspaces
  // of one name are told apart by id there as in `creditbar status`.
  const names = distinctWorkspaceNames(input.workspaces.map((w) => w.workspace));
  return {
    asOf: toIso(input.now),
    mode: input.mode,
    sync: input.sync,
    workspaces: input.workspaces.map((w) => workspaceCard(w, input, names.get(w.workspace.id)!)),
    alerts: input.alerts,
    pausedUntil:
      input.pausedUntil !== null && input.pausedUntil > input.now ? toIso(input.pausedUntil) : null,
    ...(input.notifications ? { notifications: input.notifications } : {}),
    ...(input.openAlerts !== undefined ? { openAlerts: input.openAlerts } : {}),
  };
}
