import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BalanceBar, markPosition } from '../../../src-renderer/components/balance-bar';
import { StateBadge } from '../../../src-renderer/components/state-badge';

describe('BalanceBar', () => {
  it('puts a mark at each threshold, solid once reached', () => {
    render(
      <BalanceBar
        label="Zite Pro integration credits"
        percentUsed={62}
        used={31_000}
        available={50_000}
        state="warn"
        marks={[90, 50, 100]}
      />,
    );
    const marks = screen.getAllByTestId('threshold-mark');
    expect(marks.map((m) => m.style.left)).toEqual(['50%', '90%', '100%']);
    expect(marks.map((m) => m.classList.contains('reached'))).toEqual([true, false, false]);
  });

  it('is a meter whose name and value text say the numbers and the state in words', () => {
    render(
      <BalanceBar
        label="Zite Pro integration credits"
        percentUsed={62}
        used={31_000}
        available={50_000}
        state="warn"
        marks={[50, 90, 100]}
      />,
    );
    const meter = screen.getByRole('meter', { name: 'Zite Pro integration credits used' });
    expect(meter).toHaveAttribute('aria-valuenow', '62');
    expect(meter.getAttribute('aria-valuetext')).toBe(
      '62% used, 31,000 of 50,000 credits, Past 50%. Thresholds at 50%, 90%, 100%.',
    );
    expect(meter).toHaveClass('bar-warn');
  });

  it('fills to the edge at most, and pins marks past 100 % to the end', () => {
    const { container } = render(
      <BalanceBar label="x" percentUsed={130} used={130} available={100} state="exhausted" marks={[50]} />,
    );
    expect((container.querySelector('.balance-bar-fill') as HTMLElement).style.width).toBe('100%');
    expect(markPosition(140)).toBe(100);
    expect(markPosition(-3)).toBe(0);
  });
});

describe('StateBadge', () => {
  it.each([
    ['ok', 'OK'],
    ['warn', 'Past 50%'],
    ['critical', 'Past 90%'],
    ['exhausted', 'Ran dry'],
  ] as const)('says %s in words next to its icon', (state, text) => {
    render(<StateBadge state={state} />);
    const badge = screen.getByTestId('state-badge');
    expect(badge).toHaveTextContent(text);
    expect(badge.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
  });
});
