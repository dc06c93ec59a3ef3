import { describe, expect, it } from 'vitest';
import { formatCredits, wholePercent } from '../../../../src-main/format/credits';
import { formatDuration } from '../../../../src-main/format/duration';

describe('formatDuration', () => {
  it.each([
    [-5, '< 1 min'],
    [59_999, '< 1 min'],
    [60_000, '1 min'],
    [59 * 60_000 + 59_999, '59 min'],
    [3_600_000, '1 h'],
    [3 * 3_600_000 + 12 * 60_000 + 30_000, '3 h 12 min'],
    [86_400_000, '1 d'],
    [9 * 86_400_000 + 4 * 3_600_000 + 59 * 60_000, '9 d 4 h'],
    [Number.NaN, '< 1 min'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatCredits and wholePercent', () => {
  it.each([
    [1234.56, '1,235'],
    [99.456, '99.46'],
    [0.5, '0.5'],
    [0, '0'],
  ])('%d credits → %s', (value, text) => {
    expect(formatCredits(value)).toBe(text);
  });

  it('rounds percents down so a threshold is never shown before it is reached', () => {
    expect([wholePercent(89.99), wholePercent(90), wholePercent(-3), wholePercent(Number.NaN)]).toEqual([
      89, 90, 0, 0,
    ]);
  });
});
