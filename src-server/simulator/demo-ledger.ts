import type { Catalog } from '../../src-shared/catalog/catalog';
import { createPricer } from '../../src-shared/engine/pricing';
import { periodAt, previousPeriod, type Period } from '../../src-shared/engine/periods';
import { resolveWorkspace } from '../../src-shared/engine/resolve-workspace';
import { toIso } from '../../src-shared/time/instant';
import {
  LEDGER_VERSION,
  type Grant,
  type Ledger,
  type PoolKind,
  type UsageEvent,
  type Workspace,
} from '../../src-shared/types/ledger';
import {
  calibrateCurrentPeriod,
  DEFAULT_PACE,
  LIVE_ACTIVITY_FLOOR,
  NEAR_HALF_CROSSING_MS,
} from './calibration';
import { castWorkspace, DEMO_CAST, type DemoWorkspaceSpec, type PoolRole } from './demo-cast';
import { activityFactor, createPoolDrawer, toUsageEvent, type Draft } from './draw';
import { fillPart } from './fill';
import { createRandom } from './prng';

/** Closed periods of history before the current one. */
export const HISTORY_PERIODS = 6;

/** One pool of the demo: what it is set up to show and how fast live activity feeds it. */
export interface DemoPool {
  workspaceId: string;
  pool: PoolKind;
  role: PoolRole;
  /** Credits per millisecond of live activity at pace 1, before the time-of-day factor. */
  liveRatePerMs: number;
}

export interface DemoLedger {
  ledger: Ledger;
  pools: DemoPool[];
}

function linkedInGrant(spec: DemoWorkspaceSpec, period: Period): Grant | undefined {
  const bonus = spec.linkedInBonus;
  if (!bonus) return undefined;
  return {
    id: 'share-linkedin',
    workspaceId: spec.workspace.id,
    pool: bonus.pool,
    kind: 'bonus',
    credits: 20,
    grantedAt: toIso(period.start + 3 * 86_400_000 + 10 * 3_600_000),
    expiresAt: null,
  };
}

/** One demo workspace with its grants, history and pools. */
export interface DemoWorkspaceData {
  workspace: Workspace;
  grants: Grant[];
  events: UsageEvent[];
  pools: DemoPool[];
}

/**
 * One workspace of the cast with six periods of history ending at `now`, deterministic from
 * (seed, now): the same pair always gives the same events, ids included. Pure: no I/O.
 */
export function generateDemoWorkspace(
  spec: DemoWorkspaceSpec,
  seed: number,
  now: number,
  catalog: Catalog,
): DemoWorkspaceData {
  const workspace = castWorkspace(spec);
  const resolved = resolveWorkspace(workspace, catalog);
  const price = createPricer(
    catalog,
    workspace.provider,
    workspace.existingCustomer ?? false,
    [],
    workspace.catalogVersion,
  );
  const out: DemoWorkspaceData = { workspace, grants: [], events: [], pools: [] };
  const drafts: Draft[] = [];
  for (const poolSpec of spec.pools) {
    const pool = resolved.pools.find((p) => p.pool === poolSpec.pool)!;
    const current = periodAt(pool.reset, now);
    const periods: Period[] = [current];
    for (let k = 0; k < HISTORY_PERIODS; k++) periods.unshift(previousPeriod(pool.reset, periods[0]!));
    const grant =
      spec.linkedInBonus?.pool === poolSpec.pool
        ? linkedInGrant(spec, periods[periods.length - 1 - spec.linkedInBonus.periodsAgo]!)
        : undefined;
    if (grant) out.grants.push(grant);
    // The bonus never expires and the plan allowance is always spent first: it stays in the pool.
    const availableAt = (start: number) =>
      pool.allowance + (grant && Date.parse(grant.grantedAt) <= start ? grant.credits : 0);
    const drawer = createPoolDrawer(spec, poolSpec, price);
    const random = createRandom(`${seed}/${workspace.id}/${poolSpec.pool}`);
    for (const period of periods.slice(0, -1)) {
      const used = random.between(poolSpec.history[0], poolSpec.history[1]) * availableAt(period.start);
      fillPart(drawer, seed, { start: period.start, end: period.end, credits: used }, random, drafts);
    }
    const available = availableAt(current.start);
    const usualRate = (poolSpec.pace * available) / (current.end - current.start);
    const calibration = calibrateCurrentPeriod(poolSpec.role, {
      start: current.start,
      end: current.end,
      now,
      available,
      pace: poolSpec.pace,
      liveCrossingCredits:
        usualRate * DEFAULT_PACE * NEAR_HALF_CROSSING_MS * activityFactor(spec, now, LIVE_ACTIVITY_FLOOR),
    });
    for (const part of calibration.parts) fillPart(drawer, seed, part, random, drafts);
    out.pools.push({
      workspaceId: workspace.id,
      pool: poolSpec.pool,
      role: poolSpec.role,
      liveRatePerMs: calibration.liveRatePerMs,
    });
  }
  // Ids follow time, so the usage API's order (insertion order) reads like the real history.
  const order = drafts.map((_, i) => i).sort((x, y) => drafts[x]!.t - drafts[y]!.t || x - y);
  out.events = order.map((index, n) =>
    toUsageEvent(drafts[index]!, `${workspace.id}-h${String(n).padStart(6, '0')}`, workspace.id),
  );
  return out;
}

/** The whole cast as one ledger (tests, exports); the demo server seeds workspace by workspace instead. */
export function generateDemoLedger(
  seed: number,
  now: number,
  catalog: Catalog,
  cast: readonly DemoWorkspaceSpec[] = DEMO_CAST,
): DemoLedger {
  const ledger: Ledger = { version: LEDGER_VERSION, workspaces: [], grants: [], events: [] };
  const pools: DemoPool[] = [];
  for (const spec of cast) {
    const data = generateDemoWorkspace(spec, seed, now, catalog);
    ledger.workspaces.push(data.workspace);
    ledger.grants.push(...data.grants);
    for (const e of data.events) ledger.events.push(e);
    pools.push(...data.pools);
  }
  return { ledger, pools };
}

/** The events of a ledger for one workspace (a helper for tests and the simulator). */
export function eventsOf(ledger: Ledger, workspaceId: string): UsageEvent[] {
  return ledger.events.filter((e) => e.workspaceId === workspaceId);
}
