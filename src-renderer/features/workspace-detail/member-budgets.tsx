import { useId } from 'react';
import { budgetUseText } from '../../../src-shared/display/member-budget';
import { BUDGETED_POOL } from '../../../src-shared/engine/member-budgets';
import type { PoolCard } from '../../../src-shared/ipc/snapshot';
import { formatDateTime, locales } from '../../components/format';

/**
 * Members with a budget: used against it, and when they passed it. Budgets are set in Settings and
 * count the integration pool only, so the block stands under that pool and nowhere else.
 */
export function MemberBudgets({
  pool,
}: {
  pool: Pick<PoolCard, 'pool' | 'budgets'>;
}): React.JSX.Element | null {
  const id = useId();
  if (pool.pool !== BUDGETED_POOL) return null;
  const budgets = pool.budgets;
  return (
    <section className="member-budgets" aria-labelledby={id}>
      <h3 id={id}>Member budgets</h3>
      {budgets.length === 0 ? (
        <p className="muted">
          No member has a budget. <a href="#/settings">Set budgets in Settings</a> to be told when someone
          passes theirs.
        </p>
      ) : (
        <ul>
          {budgets.map((b) => {
            const over = b.reachedAt !== null || b.used >= b.budget;
            return (
              <li key={b.memberId} className={over ? 'over' : undefined}>
                <span className="breakdown-name">{b.name}</span>
                <span className="breakdown-value">{budgetUseText(b.used, b.budget, locales())}</span>
                <meter
                  min={0}
                  max={b.budget}
                  value={Math.min(b.used, b.budget)}
                  aria-label={`${b.name}'s budget used`}
                />
                {over ? (
                  <span className="over-note">
                    Over budget{b.reachedAt ? ` since ${formatDateTime(b.reachedAt)}` : ''}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
