import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WhatIfCalculator } from '../../../../src-renderer/features/workspace-detail/what-if-calculator';

/** Nov 21, 10:00 UTC; the period resets Dec 1: 9 days 14 hours left. */
const NOW = '2026-11-21T10:00:00.000Z';
const END = '2026-12-01T00:00:00.000Z';

describe('WhatIfCalculator', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(NOW));
  });
  afterEach(() => vi.useRealTimers());

  it("starts from the seed's example: 3 credits × 500 users = 1,500 a day", () => {
    render(<WhatIfCalculator allowance={50_000} remaining={19_000} periodDays={30} periodEnd={END} />);
    expect(screen.getByTestId('what-if-result')).toHaveTextContent(
      // 19,000 / 1,500 = 12.67 days: past the reset 9 days 14 hours away, so it lasts.
      '1,500 credits a day, 45,000 over a 30-day period: fits the 50,000 allowance. On its own it would not use up the 19,000 left before the reset (in 9 days).',
    );
  });

  it('recomputes with the engine as the inputs change', async () => {
    const user = userEvent.setup();
    render(<WhatIfCalculator allowance={50_000} remaining={19_000} periodDays={30} periodEnd={END} />);
    await user.clear(screen.getByLabelText('Daily users'));
    await user.type(screen.getByLabelText('Daily users'), '1000');
    expect(screen.getByTestId('what-if-result')).toHaveTextContent(
      '3,000 credits a day, 90,000 over a 30-day period: does not fit the 50,000 allowance.',
    );
  });

  it('asks for numbers instead of computing nonsense', async () => {
    const user = userEvent.setup();
    render(<WhatIfCalculator allowance={50_000} remaining={19_000} periodDays={30} periodEnd={END} />);
    await user.clear(screen.getByLabelText('Credits per interaction'));
    expect(screen.getByTestId('what-if-result')).toHaveTextContent(
      'Enter numbers of 0 or more in every field.',
    );
    expect(screen.getByLabelText('Credits per interaction')).toHaveAttribute('aria-invalid', 'true');
  });

  it('speaks in whole days (or hours) before the reset, never "665.61 days" or "in 0 days"', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(<WhatIfCalculator allowance={50_000} remaining={19_000} periodDays={30} periodEnd={END} />);
    await user.clear(screen.getByLabelText('Daily users'));
    await user.type(screen.getByLabelText('Daily users'), '4000');
    // 3 × 4,000 = 12,000 a day: the 19,000 left last 1.58 days (1 d 14 h), ~2 days; 9 d 14 h − 1 d 14 h = 8 days.
    expect(screen.getByTestId('what-if-result')).toHaveTextContent(
      'On its own it would use up the 19,000 left in ~2 days, ~8 days before the reset.',
    );
    await user.clear(screen.getByLabelText('Daily users'));
    await user.type(screen.getByLabelText('Daily users'), '20000');
    // 60,000 a day: 19,000 last 7.6 hours, "~8 hours", never "0 days"; 9 d 14 h − 7.6 h = 9 d 6.4 h, ~9 days.
    expect(screen.getByTestId('what-if-result')).toHaveTextContent(
      'left in ~8 hours, ~9 days before the reset.',
    );
  });

  it('says a dry pool has nothing left instead of "0 days"', () => {
    render(<WhatIfCalculator allowance={10_000} remaining={0} periodDays={30} periodEnd={END} />);
    expect(screen.getByTestId('what-if-result')).toHaveTextContent(
      'Nothing is left in this period: it would have to wait for the reset.',
    );
  });
});
