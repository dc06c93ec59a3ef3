import { budgetUseText } from '../../../src-shared/display/member-budget';
import type { Evaluation } from '../../../src-shared/engine/evaluate';
import { toIso } from '../../../src-shared/time/instant';
import { shortInstant } from './table';

/**
 * The workspace screen's Member budgets block as lines of `creditbar evaluate` and `status`: under
 * the pool the budgets count (the engine gives budgets to that pool only), in the card's words.
 */
export function budgetLines(evaluation: Evaluation): string[] {
  const out: string[] = [];
  for (const p of evaluation.pools) {
    const marks = p.current.budgets;
    if (marks.length === 0) continue;
    const names = new Map((p.workspace.members ?? []).map((m) => [m.id, m.name]));
    out.push('', `Member budgets, ${p.workspace.name || p.workspace.id} (${p.pool}):`);
    for (const b of marks) {
      const over = b.reachedAt !== null || b.used >= b.budget;
      const since = b.reachedAt !== null ? ` since ${shortInstant(toIso(b.reachedAt))} UTC` : '';
      out.push(
        `  ${names.get(b.memberId) || b.memberId}: ${budgetUseText(b.used, b.budget)}${over ? `, over budget${since}` : ''}`,
      );
    }
  }
  return out;
}
