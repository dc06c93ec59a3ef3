import { formatCredits } from './credits';
import { formatPercentUsed } from './percent';

/** What a member budget counts, said where budgets are set (see engine/member-budgets.ts). */
export const BUDGET_SCOPE =
  "Budgets count integration credits, what each member's published apps spend; message credits spent while building are not budgeted.";

/** "476 of 2,500 (19%)": a member's use against the budget, on the workspace screen and in creditbar status. */
export function budgetUseText(
  used: number,
  budget: number,
  locale: string | readonly string[] = 'en-US',
): string {
  const percent = budget > 0 ? (used / budget) * 100 : 0;
  return `${formatCredits(used, locale)} of ${formatCredits(budget, locale)} (${formatPercentUsed(percent, locale)})`;
}
