import type { PeriodSummary } from '../../../src-shared/engine/period-summary';
import type { PoolKind } from '../../../src-shared/types/ledger';
import type { Millis } from '../../../src-shared/time/instant';
import type { Db } from '../connection';

interface Row {
  pool: PoolKind;
  period_start: number;
  period_end: number;
  allowance: number;
  bonus: number;
  used: number;
  calls: number;
  blocked_calls: number;
  blocked_credits: number;
  exhausted_at: number | null;
  halfway_at: number | null;
  detail: string;
}

/** The parts of a summary kept as JSON rather than columns. */
type Detail = Pick<
  PeriodSummary,
  | 'marks'
  | 'budgets'
  | 'unknownActions'
  | 'window'
  | 'byAction'
  | 'byMember'
  | 'byApp'
  | 'byDay'
  | 'carryOut'
  | 'observed'
  | 'readings'
  | 'exhaustion'
>;

function toSummary(r: Row): PeriodSummary {
  const detail = JSON.parse(r.detail) as Detail;
  return {
    pool: r.pool,
    start: r.period_start,
    end: r.period_end,
    allowance: r.allowance,
    bonus: r.bonus,
    used: r.used,
    calls: r.calls,
    blockedCalls: r.blocked_calls,
    blockedCredits: r.blocked_credits,
    exhaustedAt: r.exhausted_at,
    halfwayAt: r.halfway_at,
    ...detail,
  };
}

const COLUMNS =
  'pool, period_start, period_end, allowance, bonus, used, calls, blocked_calls, blocked_credits, exhausted_at, halfway_at, detail';

export function createSummaryReader(db: Db) {
  const between = db.prepare<[number, string, number, number], Row>(
    `SELECT ${COLUMNS} FROM period_summaries WHERE workspace_key = ? AND pool = ? AND period_start >= ? AND period_start < ? ORDER BY period_start`,
  );
  const latest = db.prepare<[number, string, number], Row>(
    `SELECT ${COLUMNS} FROM period_summaries WHERE workspace_key = ? AND pool = ? AND period_end <= ? ORDER BY period_start DESC LIMIT 1`,
  );
  const first = db.prepare<[number, string], Row>(
    `SELECT ${COLUMNS} FROM period_summaries WHERE workspace_key = ? AND pool = ? ORDER BY period_start LIMIT 1`,
  );
  const starts = db.prepare<[], { period_start: number }>(
    'SELECT DISTINCT period_start FROM period_summaries',
  );
  const totals = db.prepare<
    [number, string],
    { period_start: number; period_end: number; used: number; blocked_credits: number; exhausted: number }
  >(
    `SELECT period_start, period_end, used, blocked_credits, exhausted_at IS NOT NULL AS exhausted FROM period_summaries
     WHERE workspace_key = ? AND pool = ? ORDER BY period_start`,
  );
  return {
    /** Summaries of periods starting in [from, to), oldest first. */
    between: (key: number, pool: PoolKind, from: Millis, to: Millis): PeriodSummary[] =>
      between.all(key, pool, Math.max(from, -8.64e15), Math.min(to, 8.64e15)).map(toSummary),
    /** The latest summary of a period ending at or before `t`: the checkpoint to walk on from. */
    latestEndingBy: (key: number, pool: PoolKind, t: Millis): PeriodSummary | null => {
      const r = latest.get(key, pool, Math.min(t, 8.64e15));
      return r ? toSummary(r) : null;
    },
    first: (key: number, pool: PoolKind): PeriodSummary | null => {
      const r = first.get(key, pool);
      return r ? toSummary(r) : null;
    },
    /** Start instants of every summarised period, any workspace or pool. */
    starts: (): Millis[] => starts.all().map((r) => r.period_start),
    /** Light totals of every summarised period of a pool, oldest first (plan fit, history lists). */
    totals: (key: number, pool: PoolKind) => totals.all(key, pool),
  };
}

export function createSummaryWriter(db: Db) {
  const put = db.prepare<
    [
      number,
      string,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number | null,
      number | null,
      string,
      number,
    ]
  >(
    `INSERT OR REPLACE INTO period_summaries (workspace_key, pool, period_start, period_end, allowance, bonus, used, calls, blocked_calls,
       blocked_credits, exhausted_at, halfway_at, detail, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const removeAfter = db.prepare<[number, string, number]>(
    'DELETE FROM period_summaries WHERE workspace_key = ? AND pool = ? AND period_end > ?',
  );
  return {
    put(key: number, s: PeriodSummary, computedAt: Millis): void {
      const detail: Detail = {
        marks: s.marks,
        budgets: s.budgets,
        unknownActions: s.unknownActions,
        window: s.window,
        byAction: s.byAction,
        byMember: s.byMember,
        byApp: s.byApp,
        byDay: s.byDay,
        carryOut: s.carryOut,
        ...(s.exhaustion ? { exhaustion: s.exhaustion } : {}),
        ...(s.readings ? { observed: s.observed ?? 0, readings: s.readings } : {}),
      };
      put.run(
        key,
        s.pool,
        s.start,
        s.end,
        s.allowance,
        s.bonus,
        s.used,
        s.calls,
        s.blockedCalls,
        s.blockedCredits,
        s.exhaustedAt,
        s.halfwayAt,
        JSON.stringify(detail),
        computedAt,
      );
    },
    /** Drops summaries of periods ending after `t` (new data made them stale); returns how many. */
    removeEndingAfter: (key: number, pool: PoolKind, t: Millis): number =>
      removeAfter.run(key, pool, Math.max(t, -8.64e15)).changes,
  };
}
