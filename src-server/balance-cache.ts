import type { Catalog } from '../src-shared/catalog/catalog';
import { poolWalkConfig } from '../src-shared/engine/checkpoint';
import { checkRecords, poolEvaluationOf } from '../src-shared/engine/evaluate';
import type { EventColumns } from '../src-shared/engine/event-columns';
import { IncrementalPool, type IncrementalStats } from '../src-shared/engine/incremental-pool';
import { appendPoolEvents } from '../src-shared/engine/pool-events';
import { createPricer, type Pricer } from '../src-shared/engine/pricing';
import { resolveWorkspace, type ResolvedWorkspace } from '../src-shared/engine/resolve-workspace';
import { poolEvaluationJson, type PoolStatusJson } from '../src-shared/engine/status-json';
import { toIso, type Millis } from '../src-shared/time/instant';
import type { PoolKind, UsageEvent } from '../src-shared/types/ledger';
import type { ServerStore } from './db/store';
import type { StoredWorkspace } from './db/workspaces-repository';
import { evaluateStored } from './evaluate-stored';

/** One pool held between requests: its events as columns and its resumable walk. */
interface HeldPool {
  inc: IncrementalPool;
  /** Thresholds, budgets and grants as JSON: another one means walking again, from memory. */
  config: string;
}

/** One workspace held between requests, as of a revision of its records. */
interface Held {
  revision: number;
  /** The workspace and the account's rate cards as JSON (rate cards do not bump a workspace's revision). */
  records: string;
  /** What prices depend on: another one re-prices every event, so the workspace is loaded again. */
  pricing: string;
  resolved: ResolvedWorkspace;
  price: Pricer;
  /** The last event seq held. */
  seq: number;
  pools: Map<PoolKind, HeldPool>;
}

/** What the last balance() cost, per pool (tests check a steady ingest walks little; benches print it). */
export interface BalanceCost extends IncrementalStats {
  pool: PoolKind;
  /** Events read from the database for it. */
  read: number;
  held: number;
}

/** page() takes a limit: this one means every event after the seq. */
const EVERY = Number.MAX_SAFE_INTEGER - 1;

/**
 * /balance without recomputing the month: each workspace's events held in memory as columns and
 * walked incrementally, keyed by the workspace's revision (bumped by every write to its records,
 * in this process or another). An unchanged revision walks nothing new; a new one reads only the
 * events stored since (by seq) and walks on from where it stopped. A late event (before the newest
 * held) re-reads its pool from that instant; a new threshold, budget or grant walks again from
 * memory; new prices load the workspace again. Answers what evaluateStored answers (tested equal).
 */
export function createBalanceCache(store: ServerStore, catalog: Catalog) {
  const held = new Map<number, Held>();
  let costs: BalanceCost[] = [];

  function refresh(
    accountId: number,
    stored: StoredWorkspace,
    revision: number,
    records: string,
  ): Held | null {
    const { pk, workspace } = stored;
    const grants = store.grants.list(pk, workspace.id);
    const rateCards = store.rateCards.list(accountId);
    const resolved = resolveWorkspace(workspace, catalog);
    checkRecords(new Map([[workspace.id, resolved]]), grants, []);
    const { provider, existingCustomer = false, catalogVersion } = resolved.workspace;
    const pools = resolved.pools.map((p) => p.pool);
    const pricing = JSON.stringify([provider, existingCustomer, catalogVersion ?? null, rateCards, pools]);
    let h = held.get(pk);
    // A new revision that changed no record it can see (no new event, same workspace, rate cards,
    // grants and thresholds) changed a stored event in place (a provider re-rating a call, written
    // by another process): events are never rewritten here, so the workspace is loaded again.
    let explained = !h || h.pricing !== pricing || h.records !== records;
    if (!h || h.pricing !== pricing) {
      const price = createPricer(catalog, provider, existingCustomer, rateCards, catalogVersion);
      h = { revision, records, pricing, resolved, price, seq: 0, pools: new Map() };
    }
    h.revision = revision;
    h.records = records;
    h.resolved = resolved;
    for (const pool of resolved.pools) {
      const config = poolWalkConfig({ resolved, pool, grants, asOf: Number.POSITIVE_INFINITY });
      const key = JSON.stringify([pool, config.thresholds, [...config.budgets], config.grants]);
      const p = h.pools.get(pool.pool);
      if (!p) h.pools.set(pool.pool, { inc: new IncrementalPool(config, { from: null }), config: key });
      else if (p.config !== key) {
        explained = true;
        p.inc.configure(config);
        p.config = key;
      }
    }
    // The events stored since the last seq held, by pool; one of a pool the workspace does not have
    // is left to the engine's full evaluation, which names it.
    const page = store.eventsReader.page(pk, workspace.id, h.seq, EVERY);
    if (page.events.length === 0 && !explained) {
      held.delete(pk);
      return refresh(accountId, stored, revision, records);
    }
    const byPool = new Map<PoolKind, UsageEvent[]>();
    for (const e of page.events) {
      const list = byPool.get(e.pool);
      if (list) list.push(e);
      else if (h.pools.has(e.pool)) byPool.set(e.pool, [e]);
      else return null;
    }
    for (const [pool, events] of byPool) {
      const { inc } = h.pools.get(pool)!;
      let earliest = Number.POSITIVE_INFINITY;
      for (const e of events) earliest = Math.min(earliest, Date.parse(e.occurredAt));
      const held = inc.events;
      const newest = held.length > 0 ? held.time(held.length - 1) : Number.NEGATIVE_INFINITY;
      // In time order after everything held (a steady ingest): appended as they are. A late one:
      // its pool re-read from its instant, since ties are ordered by id, which the columns drop.
      const tail =
        earliest > newest ? events : store.eventsReader.poolFrom(pk, workspace.id, pool, toIso(earliest));
      inc.replaceFrom(earliest, (into: EventColumns) =>
        appendPoolEvents(into, tail, h.price, Number.POSITIVE_INFINITY),
      );
      costs.push({ pool, read: tail.length, held: inc.events.length, walked: 0, rewalked: false });
    }
    h.seq = page.lastSeq;
    held.set(pk, h);
    return h;
  }

  return {
    /** The pools' balances at asOf, as /balance answers them. */
    balance(accountId: number, stored: StoredWorkspace, asOf: Millis): PoolStatusJson[] {
      costs = [];
      return store.transaction(() => {
        const { pk, workspace } = stored;
        const revision = store.workspaces.revision(pk);
        const records = JSON.stringify([workspace, store.rateCards.list(accountId)]);
        let h: Held | null | undefined = held.get(pk);
        if (!h || h.revision !== revision || h.records !== records)
          h = refresh(accountId, stored, revision, records);
        if (!h) {
          held.delete(pk);
          return evaluateStored(store, accountId, stored, asOf, catalog);
        }
        return h.resolved.pools.map((pool) => {
          const { inc } = h.pools.get(pool.pool)!;
          const periods = inc.evaluate(asOf);
          const cost = costs.find((c) => c.pool === pool.pool);
          if (cost) Object.assign(cost, inc.stats);
          else costs.push({ pool: pool.pool, read: 0, held: inc.events.length, ...inc.stats });
          return poolEvaluationJson(poolEvaluationOf(workspace, pool.pool, periods));
        });
      });
    },
    /** Per pool: events read, held and walked by the last balance(). */
    costs: (): BalanceCost[] => costs,
    /** Forgets a removed workspace's events. */
    forget: (workspacePk: number): void => void held.delete(workspacePk),
  };
}

export type BalanceCache = ReturnType<typeof createBalanceCache>;
