import { useId, useState } from 'react';
import { whatIf } from '../../../src-shared/engine/advisors/what-if';
import { formatApproxSpan, formatCredits, formatSpan } from '../../components/format';
import { useNow } from '../../components/use-now';

export interface WhatIfCalculatorProps {
  allowance: number;
  remaining: number;
  periodDays: number;
  /** The reset (ISO): the burn is measured against the time left in the period. */
  periodEnd: string;
}

const DAY = 86_400_000;

/**
 * What the burn does to what is left, in the period's terms: "in 8 days", "in 5 hours", or that it
 * lasts to the reset; never "665.61 days" or "in 0 days".
 */
export function whatIfOutlook(daysToExhaustion: number | null, remaining: number, msToReset: number): string {
  if (daysToExhaustion === null) return 'It burns nothing.';
  if (remaining <= 0) return 'Nothing is left in this period: it would have to wait for the reset.';
  const ms = daysToExhaustion * DAY;
  if (ms >= msToReset)
    return `On its own it would not use up the ${formatCredits(remaining)} left before the reset (in ${formatSpan(msToReset)}).`;
  return `On its own it would use up the ${formatCredits(remaining)} left in ${formatApproxSpan(ms)}, ${formatApproxSpan(msToReset - ms)} before the reset.`;
}

function parse(value: string): number | null {
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : null;
}

/** Prices a feature before launch with the engine's own what-if: credits per interaction × daily users. */
export function WhatIfCalculator({
  allowance,
  remaining,
  periodDays,
  periodEnd,
}: WhatIfCalculatorProps): React.JSX.Element {
  const id = useId();
  const now = useNow(60_000);
  const [credits, setCredits] = useState('3');
  const [users, setUsers] = useState('500');
  const [perUser, setPerUser] = useState('1');
  const c = parse(credits);
  const u = parse(users);
  const p = parse(perUser);
  const valid = c !== null && u !== null && p !== null;
  const result = valid
    ? whatIf({
        creditsPerInteraction: c,
        dailyUsers: u,
        interactionsPerUser: p,
        allowance,
        remaining,
        periodDays,
      })
    : null;
  return (
    <form className="what-if" aria-label="What-if calculator" onSubmit={(e) => e.preventDefault()}>
      <div className="field-row">
        <label htmlFor={`${id}-c`}>Credits per interaction</label>
        <input
          id={`${id}-c`}
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          value={credits}
          onChange={(e) => setCredits(e.target.value)}
          aria-invalid={c === null}
        />
      </div>
      <div className="field-row">
        <label htmlFor={`${id}-u`}>Daily users</label>
        <input
          id={`${id}-u`}
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          value={users}
          onChange={(e) => setUsers(e.target.value)}
          aria-invalid={u === null}
        />
      </div>
      <div className="field-row">
        <label htmlFor={`${id}-p`}>Interactions per user a day</label>
        <input
          id={`${id}-p`}
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          value={perUser}
          onChange={(e) => setPerUser(e.target.value)}
          aria-invalid={p === null}
        />
      </div>
      <output
        className="what-if-result"
        htmlFor={`${id}-c ${id}-u ${id}-p`}
        aria-live="polite"
        data-testid="what-if-result"
      >
        {result === null ? (
          'Enter numbers of 0 or more in every field.'
        ) : (
          <>
            <strong>{formatCredits(result.dailyBurn)} credits a day</strong>,{' '}
            {formatCredits(result.periodDemand)} over a {periodDays}-day period:{' '}
            {result.fitsPlan ? 'fits' : 'does not fit'} the {formatCredits(allowance)} allowance.{' '}
            {whatIfOutlook(result.daysToExhaustion, remaining, Math.max(0, Date.parse(periodEnd) - now))}
          </>
        )}
      </output>
    </form>
  );
}
