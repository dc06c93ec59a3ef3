// The account API's answers checked by hand, without zod: true only for an answer its schema accepts
// as it is (every field valid, instants in the `...Z` form servers write, no key the schema would
// strip); false is no verdict, and the schema (usage.ts, workspaces.ts ...) decides with its own
// issues. The sync thread checks what a server sends with these first, so that zod (~60-130 ms of
// each thread start on 2 busy cores) is loaded only for an answer that is not plainly valid.
import { parseUtcInstant } from '../time/instant';
import { grantProblem, MAX_CREDITS, POOL_KINDS, PROVIDERS } from '../types/ledger';

type Check = (v: unknown) => boolean;
type Fields = Record<string, Check>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const str: Check = (v) => typeof v === 'string';
const nonEmpty: Check = (v) => typeof v === 'string' && v.length > 0;
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const count: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 0;
const bool: Check = (v) => typeof v === 'boolean';
const instant: Check = (v) => typeof v === 'string' && !Number.isNaN(parseUtcInstant(v));
const oneOf =
  (values: readonly unknown[]): Check =>
  (v) =>
    values.includes(v);
const nullable =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const between =
  (min: number, max: number, integer = false): Check =>
  (v) =>
    num(v) && (v as number) >= min && (v as number) <= max && (!integer || Number.isSafeInteger(v));
const credits = between(0, MAX_CREDITS);

function list(check: Check, min = 0): Check {
  return (v) => {
    if (!Array.isArray(v) || v.length < min) return false;
    for (const item of v) if (!check(item)) return false;
    return true;
  };
}

/** A record whose keys pass `key` and whose values pass `value`. */
function record(value: Check, key: Check = str): Check {
  return (v) => {
    if (!isObject(v)) return false;
    for (const k in v) if (!key(k) || !value(v[k])) return false;
    return true;
  };
}

/** An object with exactly these required fields and any of these optional ones, nothing else. */
function object(
  required: Fields,
  optional: Fields = {},
  also?: (v: Record<string, unknown>) => boolean,
): Check {
  const need = Object.entries(required);
  return (v) => {
    if (!isObject(v)) return false;
    for (const [k, check] of need) if (!check(v[k])) return false;
    let keys = 0;
    for (const k in v) {
      keys++;
      if (Object.hasOwn(required, k)) continue;
      const check = Object.hasOwn(optional, k) ? optional[k] : undefined;
      // An optional key present as undefined: the schema's output would leave it out.
      if (!check || v[k] === undefined || !check(v[k])) return false;
    }
    return keys >= need.length && (!also || also(v));
  };
}

const poolKind = oneOf(POOL_KINDS);

const resetRule: Check = (v) =>
  isObject(v) &&
  (object({ kind: oneOf(['calendar-month', 'daily']) })(v) ||
    object({ kind: oneOf(['anchor-day']), day: between(1, 31, true) })(v));

const member = object({ id: nonEmpty, name: str }, { budget: (v) => num(v) && (v as number) > 0 });

const apiWorkspace = object(
  {
    id: nonEmpty,
    name: str,
    provider: oneOf(PROVIDERS),
    plan: nonEmpty,
    existingCustomer: bool,
    pools: list(
      object({
        pool: poolKind,
        allowance: (v) => num(v) && (v as number) >= 0,
        reset: resetRule,
        overage: bool,
      }),
      1,
    ),
    members: list(member),
  },
  {
    catalogVersion: (v) => nonEmpty(v) && (v as string).length <= 40,
    billingDay: between(1, 31, true),
    thresholds: list((v) => num(v) && (v as number) > 0 && (v as number) <= 100),
  },
);

const rateCard = object({
  provider: oneOf(PROVIDERS),
  effectiveFrom: instant,
  rates: record(credits, nonEmpty),
});

const grant = object(
  {
    id: nonEmpty,
    workspaceId: nonEmpty,
    pool: poolKind,
    kind: oneOf(['bonus', 'top-up', 'adjustment']),
    credits: between(-MAX_CREDITS, MAX_CREDITS),
    grantedAt: instant,
  },
  { expiresAt: nullable(instant) },
  (g) => grantProblem(g as Parameters<typeof grantProblem>[0]) === null,
);

const numbers = record(num);

const poolStatus = object(
  {
    workspaceId: nonEmpty,
    pool: poolKind,
    periodStart: instant,
    periodEnd: instant,
    resetsInSeconds: count,
    allowance: num,
    bonus: num,
    available: num,
    used: num,
    remaining: num,
    percentUsed: num,
    blockedCalls: count,
    exhaustedAt: nullable(instant),
    thresholds: list(object({ percent: num, reachedAt: nullable(instant) })),
    byAction: numbers,
    byMember: numbers,
    byApp: numbers,
    forecast: object(
      { burnPerDay: num, projectedUsed: num, low: num, high: num, runsOutAt: nullable(instant) },
      { from: instant },
    ),
    unknownActions: list(str),
  },
  {
    observed: object({
      credits: num,
      readings: count,
      lastReadingAt: nullable(instant),
      backwards: list(object({ id: str, at: instant, by: num })),
    }),
  },
);

const usageEvent = object(
  {
    id: nonEmpty,
    workspaceId: nonEmpty,
    pool: poolKind,
    memberId: nonEmpty,
    action: nonEmpty,
    occurredAt: instant,
  },
  { app: str, units: (v) => num(v) && (v as number) >= 0, credits, inputHash: nonEmpty },
);

/** The answers the sync reads, each checked by hand (see the top of this file). */
export const plainAnswer = {
  health: object({ status: oneOf(['ok']), version: str, apiVersion: oneOf([1]), now: instant }),
  workspaceList: object({ workspaces: list(apiWorkspace), rateCards: list(rateCard) }),
  grantList: object({ workspaceId: nonEmpty, grants: list(grant) }),
  usagePage: object({ events: list(usageEvent), nextCursor: nonEmpty, hasMore: bool }),
  balance: object({ workspaceId: nonEmpty, asOf: instant, pools: list(poolStatus) }),
  apiError: object({ error: object({ code: nonEmpty, message: str }) }),
} satisfies Record<string, Check>;
