import type { PoolKind } from '../../src-shared/types/ledger';

/** A budget or credit threshold saved with a fraction (before whole credits were enforced), and what it became. */
export interface RoundedCredit {
  kind: 'budget' | 'threshold';
  workspaceId: string;
  /** Budgets: whose. */
  memberId?: string;
  /** Thresholds set for one pool (absent: for the whole workspace). */
  pool?: PoolKind;
  from: number;
  to: number;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Rounded UP: the engine counts a budget or threshold as reached once use is at least its value, so
 * with whole-credit usage 1,500.5 was reached at 1,501, and 1,501 is reached at the same credit. Round
 * to the nearest (1,500) and the alert would come one credit earlier than the lead asked.
 */
const whole = (v: number): number => Math.max(1, Math.ceil(v));

const fractional = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 && !Number.isInteger(v);

/** A {unit: 'credits', values} setting with its fractions rounded (in place of the given one), or null if none was. */
function wholeThreshold(setting: unknown, found: (from: number, to: number) => void): Json | null {
  if (!isObject(setting) || setting['unit'] !== 'credits' || !Array.isArray(setting['values'])) return null;
  const values = setting['values'] as unknown[];
  if (!values.some(fractional)) return null;
  const next = values.map((v) => {
    if (!fractional(v)) return v;
    found(v, whole(v));
    return whole(v);
  });
  return { ...setting, values: [...new Set(next)] };
}

/**
 * Settings saved before credits had to be whole may hold member budgets and credit thresholds with a
 * fraction: they loaded, alerted at a number shown rounded ("1,501" for 1,500.5) and made every later
 * budget save fail (the form sends all budgets, the patch takes whole credits only). This rounds them
 * up on load, over the raw JSON, and says which changed. Percent thresholds may keep their decimals.
 */
export function wholeCreditSettings(raw: Json): { raw: Json; rounded: RoundedCredit[] } {
  const rounded: RoundedCredit[] = [];
  let next = raw;
  const budgets = raw['budgets'];
  if (isObject(budgets)) {
    const out: Json = {};
    for (const [workspaceId, members] of Object.entries(budgets)) {
      if (!isObject(members)) {
        out[workspaceId] = members;
        continue;
      }
      out[workspaceId] = Object.fromEntries(
        Object.entries(members).map(([memberId, v]) => {
          if (!fractional(v)) return [memberId, v];
          rounded.push({ kind: 'budget', workspaceId, memberId, from: v, to: whole(v) });
          return [memberId, whole(v)];
        }),
      );
    }
    next = { ...next, budgets: out };
  }
  const thresholds = raw['thresholds'];
  if (isObject(thresholds)) {
    const out: Json = { ...thresholds };
    for (const [workspaceId, setting] of Object.entries(thresholds)) {
      const fixed = wholeThreshold(setting, (from, to) =>
        rounded.push({ kind: 'threshold', workspaceId, from, to }),
      );
      if (fixed) out[workspaceId] = fixed;
    }
    next = { ...next, thresholds: out };
  }
  const poolThresholds = raw['poolThresholds'];
  if (isObject(poolThresholds)) {
    const out: Json = { ...poolThresholds };
    for (const [workspaceId, pools] of Object.entries(poolThresholds)) {
      if (!isObject(pools)) continue;
      const poolsOut: Json = { ...pools };
      for (const [pool, setting] of Object.entries(pools)) {
        const fixed = wholeThreshold(setting, (from, to) =>
          rounded.push({ kind: 'threshold', workspaceId, pool: pool as PoolKind, from, to }),
        );
        if (fixed) poolsOut[pool] = fixed;
      }
      out[workspaceId] = poolsOut;
    }
    next = { ...next, poolThresholds: out };
  }
  return { raw: rounded.length > 0 ? next : raw, rounded };
}

/** Names for the sentence: a workspace's and a member's, as the lead knows them (their ids when unknown). */
export interface CreditNames {
  workspace(id: string): string;
  member(workspaceId: string, memberId: string): string;
}

const exact = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/**
 * The one sentence the log and the app's notice say about what wholeCreditSettings rounded:
 * "Settings held credit values with a fraction, which Creditbar no longer takes: Ana Lima's budget in
 * Support studio is now 1,501 credits (was 1,500.5); rounded up, so each alert comes at the same
 * credit as before."
 */
export function wholeCreditsNote(rounded: readonly RoundedCredit[], names: CreditNames): string | null {
  if (rounded.length === 0) return null;
  const said = rounded.slice(0, 3).map((r) => {
    const ws = names.workspace(r.workspaceId);
    const what =
      r.kind === 'budget'
        ? `${names.member(r.workspaceId, r.memberId ?? '')}'s budget in ${ws}`
        : `a threshold of ${ws}${r.pool ? ` (${r.pool} pool)` : ''}`;
    return `${what} is now ${exact.format(r.to)} credits (was ${exact.format(r.from)})`;
  });
  const last = rounded.length > 3 ? `${rounded.length - 3} more` : said.pop();
  const list = said.length === 0 ? last : `${said.join(', ')} and ${last}`;
  return `Settings held credit values with a fraction, which Creditbar no longer takes: ${list}; rounded up, so each alert comes at the same credit as before.`;
}
