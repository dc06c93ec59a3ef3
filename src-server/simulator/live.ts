import type { Catalog } from '../../src-shared/catalog/catalog';
import { createPricer } from '../../src-shared/engine/pricing';
import type { PoolKind } from '../../src-shared/types/ledger';
import { LIVE_ACTIVITY_FLOOR } from './calibration';
import { castWorkspace, type DemoWorkspaceSpec } from './demo-cast';
import type { DemoPool } from './demo-ledger';
import {
  activityFactor,
  createPoolDrawer,
  drawFor,
  fillerFor,
  memberAt,
  type Draft,
  type PoolDrawer,
} from './draw';
import { createRandom, type Random } from './prng';

/** A live burst multiplies a pool's activity for a while, about once every ten minutes of real time. */
const BURST_FACTOR = 4;
const BURST_MS = 20_000;
const MS_BETWEEN_BURSTS = 600_000;

interface LivePool {
  demo: DemoPool;
  drawer: PoolDrawer;
  random: Random;
  /** Credits of activity due but not yet turned into events. */
  owed: number;
  /** The next event, drawn ahead: it is emitted once enough credits are owed. */
  pending: Draft | null;
  burstLeftMs: number;
}

/**
 * Live activity: each step turns elapsed time x pace x the pool's usual rate (shaped by the hour of
 * the week and the odd burst) into events. Deterministic for a given sequence of steps.
 */
export class LiveActivity {
  private readonly pools: LivePool[];

  constructor(
    seed: number,
    cast: readonly DemoWorkspaceSpec[],
    demoPools: readonly DemoPool[],
    catalog: Catalog,
  ) {
    this.pools = demoPools.map((demo) => {
      const ws = cast.find((c) => c.workspace.id === demo.workspaceId)!;
      const workspace = castWorkspace(ws);
      const price = createPricer(
        catalog,
        workspace.provider,
        workspace.existingCustomer ?? false,
        [],
        workspace.catalogVersion,
      );
      const spec = ws.pools.find((p) => p.pool === demo.pool)!;
      return {
        demo,
        drawer: createPoolDrawer(ws, spec, price),
        random: createRandom(`${seed}/live/${demo.workspaceId}/${demo.pool}`),
        owed: 0,
        pending: null,
        burstLeftMs: 0,
      };
    });
  }

  /** The events of `elapsedMs` of activity at `pace`, stamped evenly in (from, to], by workspace. */
  step(from: number, to: number, elapsedMs: number, pace: number): Map<string, Draft[]> {
    const out = new Map<string, Draft[]>();
    for (const p of this.pools) {
      const ws = p.drawer.ws;
      if (p.burstLeftMs <= 0 && p.random.chance(Math.min(1, elapsedMs / MS_BETWEEN_BURSTS)))
        p.burstLeftMs = BURST_MS;
      const burst = p.burstLeftMs > 0 ? BURST_FACTOR : 1;
      p.burstLeftMs -= elapsedMs;
      p.owed +=
        p.demo.liveRatePerMs * pace * elapsedMs * activityFactor(ws, from, LIVE_ACTIVITY_FLOOR) * burst;
      const drafts: Draft[] = [];
      for (let guard = 0; guard < 100_000; guard++) {
        p.pending ??= drawFor(p.drawer, memberAt(ws, from, p.random), from, p.random);
        if (p.pending.price > p.owed) break;
        p.owed -= p.pending.price;
        drafts.push(p.pending);
        p.pending = null;
      }
      drafts.forEach((d, k) => {
        d.t = to > from ? Math.floor(from + ((k + 1) / drafts.length) * (to - from)) : to;
      });
      const list = out.get(p.demo.workspaceId);
      if (list) list.push(...drafts);
      else out.set(p.demo.workspaceId, drafts);
    }
    return out;
  }

  /** Events of one pool adding up to `credits` (within one credit), at `at`, for a member or anyone. */
  burst(workspaceId: string, pool: PoolKind, credits: number, at: number, memberId?: string): Draft[] {
    const p = this.pools.find((x) => x.demo.workspaceId === workspaceId && x.demo.pool === pool);
    if (!p) throw new RangeError(`the demo has no pool "${pool}" in workspace "${workspaceId}"`);
    const members = p.drawer.ws.members;
    const fixed = memberId === undefined ? -1 : members.findIndex((m) => m.id === memberId);
    if (memberId !== undefined && fixed < 0)
      throw new RangeError(`workspace "${workspaceId}" has no member "${memberId}"`);
    const out: Draft[] = [];
    let gap = credits;
    for (let guard = 0; gap >= 1 && guard < 1_000_000; guard++) {
      const member = fixed >= 0 ? fixed : memberAt(p.drawer.ws, at, p.random);
      let draft = drawFor(p.drawer, member, at, p.random);
      if (draft.price > gap) draft = fillerFor(p.drawer, member, at, p.random);
      if (draft.price > gap) break;
      out.push(draft);
      gap -= draft.price;
    }
    return out;
  }
}
