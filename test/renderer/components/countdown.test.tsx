import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Countdown } from '../../../src-renderer/components/countdown';

describe('Countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-21T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('shows days and hours to the reset and ticks as time passes', () => {
    render(<Countdown to="2026-12-01T00:00:00Z" />);
    expect(screen.getByTestId('countdown')).toHaveTextContent('resets in 9d 14h');
    act(() => vi.advanceTimersByTime(60 * 60_000));
    expect(screen.getByTestId('countdown')).toHaveTextContent('resets in 9d 13h');
  });

  it('ticks every second in the last day', () => {
    render(<Countdown to="2026-11-21T10:05:10Z" />);
    expect(screen.getByTestId('countdown')).toHaveTextContent('resets in 5m 10s');
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByTestId('countdown')).toHaveTextContent('resets in 5m 9s');
    act(() => vi.advanceTimersByTime(9000));
    expect(screen.getByTestId('countdown')).toHaveTextContent('resets in 5m 0s');
  });

  it('says the reset is happening once it is due, and carries the instant for machines', () => {
    render(<Countdown to="2026-11-21T10:00:01Z" />);
    act(() => vi.advanceTimersByTime(2000));
    const el = screen.getByTestId('countdown');
    expect(el).toHaveTextContent('resetting now');
    expect(el).toHaveAttribute('datetime', '2026-11-21T10:00:01Z');
  });
});
