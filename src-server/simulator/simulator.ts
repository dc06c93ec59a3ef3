import type { Catalog } from '../../src-shared/catalog/catalog';
import type { PoolStatusJson } from '../../src-shared/engine/status-json';
import { toIso } from '../../src-shared/time/instant';
import type { PoolKind } from '../../src-shared/types/ledger';
import { recordUsage } from '../record-usage';
import { toApiWorkspace } from '../admin';
import type { ServerStore } from '../db/store';
import type { StoredWorkspace } from '../db/workspaces-repository';
import { evaluateStored } from '../evaluate-stored';
import { DEFAULT_PACE } from './calibration';
import { DEMO_CAST } from './demo-cast';
import { generateDemoWorkspace, type DemoPool } from './demo-ledger';
import { toUsageEvent, type Draft } from './draw';
import { LiveActivity } from './live';
import { createRandom } from './prng';

export const DEFAULT_DEMO_SEED = 1;
export const DEFAULT_TICK_MS = 2000;
export const DEMO_ACCOUNT_NAME = 'Demo team';

export interface DemoOptions {
  /** Seed of the history and of live activity (default 1): the same seed and now give the same data. */
  seed?: number;
  /** Where the history ends (default: the server clock at start). */
  now?: number;
  /** Live speed: 60 (default) makes a real minute carry an hour of usage; 0 stops the timer (tests tick by hand). */
  pace?: number;
  /** Milliseconds between live ticks (default 2000). */
  tickMs?: number;
  /** Run the live timer once the server listens (default true); false leaves ticking to tick(). */
  autoTick?: boolean;
}

/** A pool of a demo workspace. */
export interface PoolRef {
  workspaceId: string;
  pool: PoolKind;
}

/** Which demo pool plays which part, for tests and the app's onboarding. */
export interface DemoRoles {
  /** Starts a little under 50 %; live activity crosses 50 % within a minute of start at the default pace. */
  nearHalf: PoolRef;
  /** Under 90 %, forecast to pass 90 % before its reset. */
  paceTo90: PoolRef;
  /** Already ran dry this period; its calls are blocked until the reset. */
  runsDry: PoolRef;
}

export interface TickResult {
  at: string;
  events: number;
  byWorkspace: Record<string, number>;
}

export interface BurstResult {
  events: number;
  /** Credits the burst's calls are priced at (some may be blocked if the pool is dry). */
  credits: number;
}

export interface Simulator {
  readonly seed: number;
  readonly accountId: number;
  /** The demo account's bearer token (derived from the seed: demo data, not a secret). */
  readonly token: string;
  readonly pace: number;
  /** Where the generated history ends. */
  readonly historyEndsAt: string;
  /** Events written when the demo was seeded (0 when an existing demo database was reused). */
  readonly historyEvents: number;
  readonly pools: readonly DemoPool[];
  readonly roles: DemoRoles;
  readonly running: boolean;
  /** Adds live activity now: `elapsedMs` of it (default: the clock time since the last tick). */
  tick(elapsedMs?: number): TickResult;
  /** Adds calls worth `credits` to a pool at the clock's now (for tests and demos: no waiting). */
  burst(workspaceId: string, credits: number, options?: { pool?: PoolKind; memberId?: string }): BurstResult;
  /** Adds just enough calls for the pool to reach `percent` % used (nothing if it already has). */
  pushPast(workspaceId: string, percent: number, pool?: PoolKind): BurstResult;
  /** The engine's view of a demo workspace at the clock's now, as /balance answers it. */
  balance(workspaceId: string): PoolStatusJson[];
  /** Calls listener after every tick and burst that stored events; returns the unsubscribe function. */
  onEvents(listener: (result: TickResult) => void): () => void;
  /** Starts the live timer (a no-op at pace 0 or when running); startServer calls it unless autoTick is false. */
  start(): void;
  stop(): void;
}

export interface CreateDemoInput extends DemoOptions {
  store: ServerStore;
  clock: () => number;
  catalog: Catalog;
}

function roleRef(pools: readonly DemoPool[], role: DemoPool['role']): PoolRef {
  const p = pools.find((x) => x.role === role)!;
  return { workspaceId: p.workspaceId, pool: p.pool };
}

/** The demo account's token for a seed: demo data, not a secret, but shaped like one. */
export function demoToken(seed: number = DEFAULT_DEMO_SEED): string {
  return `cb_demo_${createRandom(`${seed}/token`).next().toString(36).slice(2)}${createRandom(`${seed}/token2`).next().toString(36).slice(2)}`;
}

/**
 * Seeds the demo account (workspaces, grants, six periods of history ending at `now`) unless the
 * database already has it, and returns the simulator that keeps activity coming. Not started yet.
 */
export function createDemo(input: CreateDemoInput): Simulator {
  const { store, clock, catalog } = input;
  const seed = input.seed ?? DEFAULT_DEMO_SEED;
  const pace = input.pace ?? DEFAULT_PACE;
  const tickMs = input.tickMs ?? DEFAULT_TICK_MS;
  const historyEnd = input.now ?? clock();
  const token = demoToken(seed);

  let accountId = store.accounts.findByName(DEMO_ACCOUNT_NAME);
  const seeding = accountId === undefined;
  let historyEvents = 0;
  const pools: DemoPool[] = [];
  store.transaction(() => {
    accountId ??= store.accounts.create(DEMO_ACCOUNT_NAME, toIso(clock()));
    store.accounts.addToken({
      accountId,
      token,
      label: 'demo',
      createdAt: toIso(clock()),
      scope: 'read',
      workspacePk: null,
    });
    // One workspace at a time, so that only one workspace's history is ever held in memory.
    for (const spec of DEMO_CAST) {
      const data = generateDemoWorkspace(spec, seed, historyEnd, catalog);
      pools.push(...data.pools);
      if (!seeding) continue; // an existing demo database keeps its history; only the live rates are needed
      const pk = store.workspaces.upsert(accountId, toApiWorkspace(data.workspace, catalog));
      store.grants.upsert(pk, data.grants);
      historyEvents += recordUsage(store, pk, data.events).inserted;
    }
  });
  const demoAccount = accountId!;
  const stored = new Map<string, StoredWorkspace>();
  const workspaceOf = (id: string) => {
    let s = stored.get(id);
    if (!s) {
      s = store.workspaces.find(demoAccount, id);
      if (!s) throw new RangeError(`the demo has no workspace "${id}"`);
      stored.set(id, s);
    }
    return s;
  };

  const live = new LiveActivity(seed, DEMO_CAST, pools, catalog);
  // Live ids must not repeat those of an earlier run on the same database (a reused demo file).
  const sessionTag = `${historyEnd.toString(36)}${seeding ? '' : `r${store.eventsReader.count(workspaceOf(DEMO_CAST[0]!.workspace.id).pk).toString(36)}`}`;
  let counter = 0;
  let lastTickAt = historyEnd;
  let timer: ReturnType<typeof setInterval> | undefined;
  const listeners = new Set<(r: TickResult) => void>();

  /** Stores drafts by workspace (ids: workspace, session, counter) and tells the listeners. */
  const persist = (groups: Map<string, Draft[]>): TickResult => {
    const result: TickResult = { at: toIso(clock()), events: 0, byWorkspace: {} };
    store.transaction(() => {
      for (const [workspaceId, drafts] of groups) {
        if (drafts.length === 0) continue;
        const events = drafts.map((d) =>
          toUsageEvent(d, `${workspaceId}-l${sessionTag}-${(counter++).toString(36)}`, workspaceId),
        );
        recordUsage(store, workspaceOf(workspaceId).pk, events);
        result.events += events.length;
        result.byWorkspace[workspaceId] = events.length;
      }
    });
    if (result.events > 0) for (const l of listeners) l(result);
    return result;
  };

  const simulator: Simulator = {
    seed,
    accountId: demoAccount,
    token,
    pace,
    historyEndsAt: toIso(historyEnd),
    historyEvents,
    pools,
    roles: {
      nearHalf: roleRef(pools, 'near-half'),
      paceTo90: roleRef(pools, 'pace-90'),
      runsDry: roleRef(pools, 'runs-dry'),
    },
    get running() {
      return timer !== undefined;
    },
    tick: (elapsedMs) => {
      const now = clock();
      const from = Math.min(lastTickAt, now);
      const elapsed = elapsedMs ?? Math.max(0, now - lastTickAt);
      lastTickAt = now;
      return persist(live.step(from, now, elapsed, pace));
    },
    burst: (workspaceId, credits, options = {}) => {
      workspaceOf(workspaceId);
      const drafts = live.burst(
        workspaceId,
        options.pool ?? 'integration',
        credits,
        clock(),
        options.memberId,
      );
      persist(new Map([[workspaceId, drafts]]));
      return { events: drafts.length, credits: drafts.reduce((s, d) => s + d.price, 0) };
    },
    pushPast: (workspaceId, percent, pool = 'integration') => {
      const status = simulator.balance(workspaceId).find((p) => p.pool === pool);
      if (!status) throw new RangeError(`workspace "${workspaceId}" has no pool "${pool}"`);
      const needed = (percent / 100) * status.available - status.used;
      // One credit over, since a burst lands within one credit under its target.
      return needed <= 0
        ? { events: 0, credits: 0 }
        : simulator.burst(workspaceId, Math.ceil(needed) + 1, { pool });
    },
    balance: (workspaceId) => evaluateStored(store, demoAccount, workspaceOf(workspaceId), clock(), catalog),
    onEvents: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: () => {
      if (timer !== undefined || pace <= 0) return;
      lastTickAt = clock(); // the time before start (seeding, listening) is not owed as activity
      timer = setInterval(() => {
        try {
          simulator.tick();
        } catch (err) {
          console.error('creditbar-server: the simulator failed to add live activity:', err);
        }
      }, tickMs);
      timer.unref();
    },
    stop: () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
  };
  return simulator;
}
