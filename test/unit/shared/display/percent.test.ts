import { describe, expect, it } from 'vitest';
import {
  formatChangePercent,
  formatPercentUsed,
  shownPercent,
  wholePercent,
} from '../../../../src-shared/display/percent';

describe('the one rounding rule for percent used: down, to one decimal', () => {
  it.each([
    [49.98, 49.9, 49, '49.9%'],
    [50, 50, 50, '50%'],
    [57.3, 57.3, 57, '57.3%'], // 57.3 * 10 is 572.99999... in floats: still 57.3
    [89.97, 89.9, 89, '89.9%'],
    [99.96, 99.9, 99, '99.9%'],
    [100, 100, 100, '100%'],
    [0.04, 0, 0, '0%'],
    [-3, 0, 0, '0%'],
    [Number.NaN, 0, 0, '0%'],
  ])('%d %% reads %d (badge %d, text %s)', (percent, shown, whole, text) => {
    expect(shownPercent(percent)).toBe(shown);
    expect(wholePercent(percent)).toBe(whole);
    expect(formatPercentUsed(percent)).toBe(text);
  });

  it("writes it in the user's locale", () => {
    expect(formatPercentUsed(49.98, 'de-DE')).toBe('49,9\u00a0%');
  });
});

describe('formatChangePercent: one change format for History and creditbar report', () => {
  it.each([
    // Worked out by hand: +518 on 24,387 is +2.124 %; -8,561 on 26,737 is -32.02 %; +10 on 77 is +12.99 %.
    [(518 / 24_387) * 100, '+2.1%'],
    [(-8_561 / 26_737) * 100, '-32%'],
    [(10 / 77) * 100, '+13%'],
    [400, '+400%'],
    [0, '0%'],
  ])('%s reads %s', (value, text) => {
    expect(formatChangePercent(value)).toBe(text);
  });
});
