import type { PoolKind } from '../types/ledger';
import { toIso, type Millis } from '../time/instant';
import type { Alert, AlertKind } from './alerts';
import type { Evaluation, PoolEvaluation } from './evaluate';
import type { Forecast } from './forecast';
import { availableOf, percentUsedOf, remainingOf, type PeriodResult } from './period-result';

/** One pool as `creditbar evaluate --json` prints it and the account API's /balance returns it. */
export interface PoolStatusJson {
  workspaceId: string;
  pool: PoolKind;
  periodStart: string;
  periodEnd: string;
  resetsInSeconds: number;
  allowance: number;
  bonus: number;
  available: number;
  used: number;
  remaining: number;
  percentUsed: number;
  blockedCalls: number;
  exhaustedAt: string | null;
  thresholds: { percent: number; reachedAt: string | null }[];
  byAction: Record<string, number>;
  byMember: Record<string, number>;
  byApp: Record<string, number>;
  forecast: {
    burnPerDay: number;
    projectedUsed: number;
    low: number;
    high: number;
    runsOutAt: string | null;
    /** Where the projection starts when not at asOf: the last reading of a period fed by readings. */
    from?: string;
  };
  unknownActions: string[];
  /** Present when balance readings fed the period: breakdowns by member, action and app leave them out. */
  observed?: ObservedJson;
}

/** What balance readings added to a period. */
export interface ObservedJson {
  /** Credits that came from readings. */
  credits: number;
  /** Readings counted in the period. */
  readings: number;
  /** The latest reading counted, or null. */
  lastReadingAt: string | null;
  /** Readings that showed more left than counted with no grant to explain them: kept, not counted. */
  backwards: { id: string; at: string; by: number }[];
}

export interface AlertJson {
  key: string;
  kind: AlertKind;
  workspaceId: string;
  pool: PoolKind;
  percent?: number;
  memberId?: string;
  at: string;
  runsOutAt?: string;
  message: string;
}

export interface EvaluationJson {
  asOf: string;
  pools: PoolStatusJson[];
  alerts: AlertJson[];
}

/** Sums of credits read back to the unit's hundred-millionth, so float noise never shows. */
export function tidy(x: number): number {
  return Math.round(x * 1e8) / 1e8;
}

/** A breakdown as a plain object, largest first (ties by name), what ran free listed with 0. */
export function breakdownJson(map: ReadonlyMap<string, number>): Record<string, number> {
  const entries = [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, tidy(v)]));
}

function isoOrNull(t: Millis | null): string | null {
  return t === null ? null : toIso(t);
}

export function forecastJson(f: Forecast): PoolStatusJson['forecast'] {
  return {
    burnPerDay: f.burnPerDay,
    projectedUsed: f.projectedUsed,
    low: f.low,
    high: f.high,
    runsOutAt: isoOrNull(f.runsOutAt),
    ...(f.from !== undefined ? { from: toIso(f.from) } : {}),
  };
}

/** One period of one pool in the documented JSON shape. */
export function periodJson(workspaceId: string, r: PeriodResult, forecast: Forecast): PoolStatusJson {
  return {
    workspaceId,
    pool: r.pool,
    periodStart: toIso(r.start),
    periodEnd: toIso(r.end),
    resetsInSeconds: Math.max(0, Math.floor((r.end - r.asOf) / 1000)),
    allowance: tidy(r.allowance),
    bonus: tidy(r.bonus),
    available: tidy(availableOf(r)),
    used: tidy(r.used),
    remaining: tidy(remainingOf(r)),
    percentUsed: percentUsedOf(r),
    blockedCalls: r.blockedCalls,
    exhaustedAt: isoOrNull(r.exhaustedAt),
    thresholds: r.thresholds.map((m) => ({ percent: m.percent, reachedAt: isoOrNull(m.reachedAt) })),
    byAction: breakdownJson(r.byAction),
    byMember: breakdownJson(r.byMember),
    byApp: breakdownJson(r.byApp),
    forecast: forecastJson(forecast),
    unknownActions: [...r.unknownActions].sort(),
    ...(r.readings.length > 0 ? { observed: observedJson(r) } : {}),
  };
}

/** The readings of a period in the documented JSON shape. */
export function observedJson(r: PeriodResult): ObservedJson {
  const counted = r.readings.filter((m) => m.backwardsBy === 0);
  return {
    credits: tidy(r.observed),
    readings: counted.length,
    lastReadingAt: counted.length > 0 ? toIso(counted[counted.length - 1]!.at) : null,
    backwards: r.readings
      .filter((m) => m.backwardsBy > 0)
      .map((m) => ({ id: m.id, at: toIso(m.at), by: tidy(m.backwardsBy) })),
  };
}

export function alertJson(a: Alert): AlertJson {
  return {
    key: a.key,
    kind: a.kind,
    workspaceId: a.workspaceId,
    pool: a.pool,
    ...(a.percent !== undefined ? { percent: a.percent } : {}),
    ...(a.memberId !== undefined ? { memberId: a.memberId } : {}),
    at: toIso(a.at),
    ...(a.runsOutAt !== undefined ? { runsOutAt: toIso(a.runsOutAt) } : {}),
    message: a.message,
  };
}

export function poolEvaluationJson(p: PoolEvaluation): PoolStatusJson {
  return periodJson(p.workspace.id, p.current, p.forecast);
}

/** The whole evaluation as `creditbar evaluate --json` prints it. */
export function evaluationJson(e: Evaluation): EvaluationJson {
  return { asOf: toIso(e.asOf), pools: e.pools.map(poolEvaluationJson), alerts: e.alerts.map(alertJson) };
}
