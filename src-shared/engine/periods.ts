import type { ResetRule } from '../types/ledger';
import { DAY_MS, utcDate, type Millis } from '../time/instant';

/** A billing period, `[start, end)` in UTC epoch milliseconds. */
export interface Period {
  start: Millis;
  end: Millis;
}

function daysInMonth(year: number, month: number): number {
  return (utcDate(year, month + 1, 1) - utcDate(year, month, 1)) / DAY_MS;
}

/** Day `anchor` of a month at 00:00 UTC, clamped to the month's last day (anchor 31 in Feb → 28/29). */
function anchorInMonth(year: number, month: number, anchor: number): Millis {
  // Month overflow is normalised (month 12 → January of the next year); utcDate, not Date.UTC,
  // which would put the years 0-99 in the 1900s and leave an instant outside its own period.
  const y = year + Math.floor(month / 12);
  const m = month - Math.floor(month / 12) * 12;
  return utcDate(y, m, Math.min(anchor, daysInMonth(y, m)));
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
  const first = utcDate(year, month - 1, 1);
  const p = periodAt(rule, first);
  return p.start >= first ? p : nextPeriod(rule, p);
}
