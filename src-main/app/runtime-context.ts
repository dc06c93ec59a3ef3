import { builtinCatalog, type Catalog } from '../../src-shared/catalog/catalog';
import type { Snapshot } from '../../src-shared/ipc/snapshot';
import type { Settings } from '../../src-shared/settings/settings';
import type { Millis } from '../../src-shared/time/instant';
import type { Cache } from '../cache/cache';
import type { CachedWorkspace } from '../db/repositories/workspaces-repository';
import { LOCAL_ACCOUNT_ID } from '../db/repositories/accounts-repository';
import { createWriteTurns, type WriteTurns } from '../db/main-writes';
import type { WriteGate } from '../db/write-gate';
import { createTokenStates } from './account-tokens';
import type { AppLog, AppRuntimeDeps } from './app-runtime';
import { DEMO_ACCOUNT_ID, type DemoServer } from './demo-server';
import type { EngineView } from './engine-view';
import { systemClock, type SchedulerClock } from './scheduler';

/** What the runtime changes as it runs: the parts (sync loop, snapshot, alert pass, handlers) share it. */
export interface RuntimeState {
  demo: DemoServer | null;
  demoStarting: Promise<DemoServer> | null;
  syncing: boolean;
  nextSyncAt: number | null;
  view: EngineView | null;
  viewError: { message: string; at: string } | null;
  /** What the check after a clean start found wrong with the cache (moved aside at the next start), or null. */
  cacheDamage: string | null;
  current: Snapshot | null;
  /**
   * Each composition takes the next ticket when it reads the cache (snapshotFacts); the tickets of
   * the last snapshot published and of the last one published with an alert pass (republish). A
   * republish in steps (runtime-alerts.ts) so knows whether what came out between its steps was
   * read before or after its own reads.
   */
  tickets: number;
  publishedTicket: number;
  republishedTicket: number;
  /** An alert pass put off because the cache's write lock was held (runtime-alerts.ts), until it has run. */
  deferredAlertPass: Promise<void> | null;
  /** How many times in a row the alert pass found the lock held (spaces its retries). */
  alertPassRetries: number;
  disposed: boolean;
}

/** The runtime's fixed parts and its state, handed to each part of the runtime explicitly. */
export interface RuntimeContext {
  deps: AppRuntimeDeps;
  cache: Cache;
  log: AppLog;
  clock: SchedulerClock;
  now: () => Millis;
  timeZone: string;
  catalog: () => Catalog;
  settings: () => Settings;
  listeners: Set<(s: Snapshot) => void>;
  /** Stale data raises an alert only after a sync of this run failed, never at start-up. */
  runStartedAt: Millis;
  tokens: ReturnType<typeof createTokenStates>;
  /** The main thread's writes put off while the cache's write lock is held (db/main-writes.ts). */
  writes: WriteTurns;
  state: RuntimeState;
}

export function createRuntimeContext(deps: AppRuntimeDeps, gate: WriteGate | null = null): RuntimeContext {
  const clock = deps.clock ?? systemClock;
  const now = (): Millis => clock.now();
  const state: RuntimeState = {
    demo: null,
    demoStarting: null,
    syncing: false,
    nextSyncAt: null,
    view: null,
    viewError: null,
    cacheDamage: null,
    current: null,
    tickets: 0,
    publishedTicket: 0,
    republishedTicket: 0,
    deferredAlertPass: null,
    alertPassRetries: 0,
    disposed: false,
  };
  return {
    deps,
    cache: deps.cache,
    log: deps.log,
    clock,
    now,
    timeZone: deps.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    catalog: deps.catalog ?? (() => builtinCatalog),
    settings: () => deps.settings.get(),
    listeners: new Set(),
    runStartedAt: now(),
    tokens: createTokenStates(deps.secrets),
    writes: createWriteTurns(gate, { file: deps.cache.file, closed: () => state.disposed }),
    state,
  };
}

/**
 * Which accounts the app shows: real accounts (or workspaces kept on this computer) win over the
 * demo; none of them is onboarding.
 */
export function modeOf(
  settings: Pick<Settings, 'accounts' | 'demo'>,
  localWorkspaces = false,
): Snapshot['mode'] {
  if (settings.accounts.length > 0 || localWorkspaces) return 'accounts';
  return settings.demo ? 'demo' : 'onboarding';
}

/** What the app shows, from one read of the workspace list: its mode and the accounts shown. */
export interface Shown {
  mode: Snapshot['mode'];
  accountIds: string[];
  /** The cached workspaces as read (every account's, in the cache's order). */
  workspaces: readonly CachedWorkspace[];
}

/** The mode and shown accounts, reading the workspace list once (compose reads it for the cards too). */
export function shownNow(rt: RuntimeContext): Shown {
  const workspaces = rt.cache.read.workspaces.list();
  return { ...shownOf(rt.settings(), workspaces), workspaces };
}

/**
 * The app's mode and the accounts whose workspaces it shows, from its settings and the cached
 * workspaces: the one rule the app and `creditbar status` apply.
 */
export function shownOf(
  settings: Pick<Settings, 'accounts' | 'demo'>,
  workspaces: readonly Pick<CachedWorkspace, 'accountId'>[],
): Pick<Shown, 'mode' | 'accountIds'> {
  // Workspaces added by hand (or imported) live under the local account, shown beside real accounts.
  const mode = modeOf(
    settings,
    workspaces.some((w) => w.accountId === LOCAL_ACCOUNT_ID),
  );
  const accountIds =
    mode === 'demo'
      ? [DEMO_ACCOUNT_ID]
      : mode === 'accounts'
        ? [...settings.accounts.map((a) => a.id), LOCAL_ACCOUNT_ID]
        : [];
  return { mode, accountIds };
}

/** The app's mode now. */
export const modeNow = (rt: RuntimeContext) => shownNow(rt).mode;

/** The accounts whose workspaces the snapshot shows. */
export const shownAccountIds = (rt: RuntimeContext): string[] => shownNow(rt).accountIds;
