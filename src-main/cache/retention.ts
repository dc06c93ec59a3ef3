import { periodAt, previousPeriod } from '../../src-shared/engine/periods';
import type { ResetRule } from '../../src-shared/types/ledger';
import type { Millis } from '../../src-shared/time/instant';

/**
 * The instant before which a pool's raw events may be dropped at `now`: the start of the period
 * before the current one, so the current and the previous period always stay raw (late events and
 * a past asOf inside them can still be answered exactly). A daily pool keeps the current and the
 * previous calendar month instead of two days.
 */
export function retentionHorizon(rule: ResetRule, now: Millis): Millis {
  if (rule.kind === 'daily') {
    const d = new Date(now);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1);
  }
  return previousPeriod(rule, periodAt(rule, now)).start;
}
