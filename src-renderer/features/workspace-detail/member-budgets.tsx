import { useId } from 'react';
import type { PoolCard } from '../../../src-shared/ipc/snapshot';
import { formatCredits, formatDateTime, formatPercentUsed } from '../../components/format';

/** Members with a budget: used against it, and when they passed it. Budgets are set in Settings. */
export function MemberBudgets({ budgets }: { budgets: PoolCard['budgets'] }): React.JSX.Element {
  const id = useId();
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
            const pct = b.budget > 0 ? (b.used / b.budget) * 100 : 0;
            const over = b.reachedAt !== null || b.used >= b.budget;
            return (
              <li key={b.memberId} className={over ? 'over' : undefined}>
                <span className="breakdown-name">{b.name}</span>
                <span className="breakdown-value">
                  {formatCredits(b.used)} of {formatCredits(b.budget)} ({formatPercentUsed(pct)})
                </span>
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
