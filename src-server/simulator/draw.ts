import type { Pricer } from '../../src-shared/engine/pricing';
import type { PoolKind, UsageEvent } from '../../src-shared/types/ledger';
import type { ActionSpec, DemoWorkspaceSpec, MemberSpec, PoolSpec } from './demo-cast';
import { hashSeed, type Random } from './prng';
import { habitWeight, meanHabitWeight } from './rhythm';

/** An event before it has an id, with the price the rate card gives it. */
export interface Draft {
  t: number;
  pool: PoolKind;
  memberId: string;
  app: string;
  action: string;
  units?: number;
  credits?: number;
  inputHash?: string;
  price: number;
}

/** Everything needed to draw events of one pool of one workspace. */
export interface PoolDrawer {
  ws: DemoWorkspaceSpec;
  spec: PoolSpec;
  price: Pricer;
  /** Per member, the pool's actions with that member's focus applied. */
  actionWeights: number[][];
  /** Fingerprints of the ordinary inputs, by app, computed once. */
  fingerprints: Map<string, string[]>;
}

/** Distinct ordinary inputs per app: they repeat now and then, never 100 times a day. */
const ORDINARY_INPUTS = 4000;

const FOCUS_FACTOR = 3;

export function createPoolDrawer(ws: DemoWorkspaceSpec, spec: PoolSpec, price: Pricer): PoolDrawer {
  const actionWeights = ws.members.map((m) =>
    spec.actions.map((a) => a.weight * (m.focus?.includes(a.action) ? FOCUS_FACTOR : 1)),
  );
  return { ws, spec, price, actionWeights, fingerprints: new Map() };
}

/** A 16-hex-digit fingerprint of an input, as a platform would log it. */
export function fingerprint(input: string): string {
  return hashSeed(input).toString(16).padStart(8, '0') + hashSeed(`${input}#`).toString(16).padStart(8, '0');
}

/** A deterministic number in [0, 1) for a key: the same day is a burst day in history and live alike. */
export function unitHash(key: string): number {
  return hashSeed(key) / 4294967296;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Tokens of an LLM call: log-normal around 1,200 (most are simple, a tail is long-context). */
function llmTokens(random: Random): number {
  return Math.round(clamp(1200 * Math.exp(1.1 * random.normal()), 40, 60_000));
}

/** Pages of a generated PDF: log-normal around 4. */
function pdfPages(random: Random): number {
  return Math.round(clamp(4 * Math.exp(random.normal()), 1, 120));
}

function ordinaryInput(d: PoolDrawer, app: string, n: number): string {
  let list = d.fingerprints.get(app);
  if (!list) d.fingerprints.set(app, (list = []));
  return (list[n] ??= fingerprint(`${d.ws.workspace.id}:${app}:${n}`));
}

/** Builds one event of `action` for a member at t, priced by the workspace's rate card. */
export function draftOf(
  d: PoolDrawer,
  action: ActionSpec,
  memberId: string,
  t: number,
  random: Random,
): Draft {
  const draft: Draft = { t, pool: d.spec.pool, memberId, app: action.app, action: action.action, price: 0 };
  if (action.units === 'llm-tokens') draft.units = llmTokens(random);
  if (action.units === 'pdf-pages') draft.units = pdfPages(random);
  if (action.credits !== undefined) draft.credits = action.credits;
  // Most calls carry a fingerprint of their input; they rarely repeat (a few thousand distinct inputs).
  if (random.chance(0.55)) draft.inputHash = ordinaryInput(d, action.app, random.int(0, ORDINARY_INPUTS - 1));
  draft.price = draft.credits ?? d.price(draft.action, draft.units, t).credits;
  return draft;
}

/** Draws one event for a member, following their action mix. */
export function drawFor(d: PoolDrawer, memberIndex: number, t: number, random: Random): Draft {
  const action = random.pick(d.spec.actions, d.actionWeights[memberIndex]);
  return draftOf(d, action, d.ws.members[memberIndex]!.id, t, random);
}

/** The pool's one-credit filler action for a member at t (to land exactly on a target). */
export function fillerFor(d: PoolDrawer, memberIndex: number, t: number, random: Random): Draft {
  const action = d.spec.actions.find((a) => a.action === d.spec.filler)!;
  return draftOf(d, action, d.ws.members[memberIndex]!.id, t, random);
}

/** A workspace's activity at t relative to its weekly mean, never below `floor`. */
export function activityFactor(ws: DemoWorkspaceSpec, t: number, floor: number): number {
  let now = 0;
  let mean = 0;
  for (const m of ws.members) {
    now += m.weight * habitWeight(m.habit, t, ws.utcOffsetHours);
    mean += m.weight * meanHabitWeight(m.habit);
  }
  return Math.max(floor, mean > 0 ? now / mean : 1);
}

/** A member picked by weight and how active their habit is at t. */
export function memberAt(ws: DemoWorkspaceSpec, t: number, random: Random): number {
  return random.weighted(
    ws.members.map((m: MemberSpec) => m.weight * (0.05 + habitWeight(m.habit, t, ws.utcOffsetHours))),
  );
}

/** A draft as a ledger event with its id, fields in the ledger's order (as the API serves them). */
export function toUsageEvent(d: Draft, id: string, workspaceId: string): UsageEvent {
  const e = {
    id,
    workspaceId,
    pool: d.pool,
    memberId: d.memberId,
    app: d.app,
    action: d.action,
  } as UsageEvent;
  if (d.units !== undefined) e.units = d.units;
  if (d.credits !== undefined) e.credits = d.credits;
  e.occurredAt = new Date(d.t).toISOString();
  if (d.inputHash !== undefined) e.inputHash = d.inputHash;
  return e;
}
