import type { ResetRule } from '../types/ledger';
import { DAY_MS, type Millis } from '../time/instant';

/** A billing period, `[start, end)` in UTC epoch milliseconds. */
export interface Period {
  start: Millis;
  end: Millis;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** Day `anchor` of a month at 00:00 UTC, clamped to the month's last day (anchor 31 in Feb → 28/29). */
function anchorInMonth(year: number, month: number, anchor: number): Millis {
  // Date.UTC normalises month overflow (month 12 → January of the next year).
  const first = new Date(Date.UTC(year, month, 1));
  const y = first.getUTCFullYear();
  const m = first.getUTCMonth();
  return Date.UTC(y, m, Math.min(anchor, daysInMonth(y, m)));
}

/** The period of a reset rule that contains instant `t`. */
export function periodAt(rule: ResetRule, t: Millis): Period {
  switch (rule.kind) {
    case 'daily': {
      const start = Math.floor(t / DAY_MS) * DAY_MS;
      return { start, end: start + DAY_MS };
    }
    case 'calendar-month':
      return anchoredPeriodAt(1, t);
    case 'anchor-day':
      return anchoredPeriodAt(rule.day, t);
  }
}

function anchoredPeriodAt(anchor: number, t: Millis): Period {
  const d = new Date(t);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  const here = anchorInMonth(year, month, anchor);
  if (t >= here) return { start: here, end: anchorInMonth(year, month + 1, anchor) };
  return { start: anchorInMonth(year, month - 1, anchor), end: here };
}

/** The period that follows `p` under the same rule. */
export function nextPeriod(rule: ResetRule, p: Period): Period {
  return periodAt(rule, p.end);
}

/** The period that precedes `p` under the same rule. */
export function previousPeriod(rule: ResetRule, p: Period): Period {
  return periodAt(rule, p.start - 1);
}

/** The period whose start falls in the UTC calendar month `YYYY-MM` (for daily rules, the month's first day). */
export function periodStartingInMonth(rule: ResetRule, year: number, month: number): Period {
  const first = Date.UTC(year, month - 1, 1);
  const p = periodAt(rule, first);
  return p.start >= first ? p : nextPeriod(rule, p);
}
