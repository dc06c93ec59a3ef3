import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { WhatIfCalculator } from '../../../../src-renderer/features/workspace-detail/what-if-calculator';

describe('WhatIfCalculator', () => {
  it("starts from the seed's example: 3 credits × 500 users = 1,500 a day", () => {
    render(<WhatIfCalculator allowance={50_000} remaining={19_000} periodDays={30} />);
    expect(screen.getByTestId('what-if-result')).toHaveTextContent(
      '1,500 credits a day, 45,000 over a 30-day period: fits the 50,000 allowance. On its own it would use up the 19,000 left in 12.67 days.',
    );
  });

  it('recomputes with the engine as the inputs change', async () => {
    const user = userEvent.setup();
    render(<WhatIfCalculator allowance={50_000} remaining={19_000} periodDays={30} />);
    await user.clear(screen.getByLabelText('Daily users'));
    await user.type(screen.getByLabelText('Daily users'), '1000');
    expect(screen.getByTestId('what-if-result')).toHaveTextContent(
      '3,000 credits a day, 90,000 over a 30-day period: does not fit the 50,000 allowance.',
    );
  });

  it('asks for numbers instead of computing nonsense', async () => {
    const user = userEvent.setup();
    render(<WhatIfCalculator allowance={50_000} remaining={19_000} periodDays={30} />);
    await user.clear(screen.getByLabelText('Credits per interaction'));
    expect(screen.getByTestId('what-if-result')).toHaveTextContent(
      'Enter numbers of 0 or more in every field.',
    );
    expect(screen.getByLabelText('Credits per interaction')).toHaveAttribute('aria-invalid', 'true');
  });

  it('says a dry pool has nothing left instead of "0 days"', () => {
    render(<WhatIfCalculator allowance={10_000} remaining={0} periodDays={30} />);
    expect(screen.getByTestId('what-if-result')).toHaveTextContent(
      'Nothing is left in this period: it would have to wait for the reset.',
    );
  });
});
