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
        level="warn"
        stateText="Past 50%"
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
        level="warn"
        stateText="Past 50%"
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
      <BalanceBar
        label="x"
        percentUsed={130}
        used={130}
        available={100}
        level="dry"
        stateText="Dry"
        marks={[50]}
      />,
    );
    expect((container.querySelector('.balance-bar-fill') as HTMLElement).style.width).toBe('100%');
    expect(markPosition(140)).toBe(100);
    expect(markPosition(-3)).toBe(0);
  });
});

describe('StateBadge', () => {
  it.each([
    [{ state: 'ok', balance: 'ok', level: 'ok', passedThreshold: null }, 'OK'],
    [{ state: 'past-threshold', balance: 'past-threshold', level: 'warn', passedThreshold: 50 }, 'Past 50%'],
    [
      { state: 'past-threshold', balance: 'past-threshold', level: 'critical', passedThreshold: 90 },
      'Past 90%',
    ],
    [{ state: 'at-risk', balance: 'at-risk', level: 'critical', passedThreshold: null }, 'At risk'],
    [{ state: 'dry', balance: 'dry', level: 'dry', passedThreshold: 90 }, 'Dry'],
    [{ state: 'stale', balance: 'at-risk', level: 'critical', passedThreshold: null }, 'Stale'],
  ] as const)('%#: says %s in words next to its icon', (pool, text) => {
    render(<StateBadge pool={pool} />);
    const badge = screen.getByTestId('state-badge');
    expect(badge).toHaveTextContent(text);
    expect(badge.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
  });

  it('says what stale data last showed in its title', () => {
    render(
      <StateBadge pool={{ state: 'stale', balance: 'at-risk', level: 'critical', passedThreshold: null }} />,
    );
    expect(screen.getByTestId('state-badge')).toHaveAttribute('title', 'Stale data (last known: At risk)');
  });
});
