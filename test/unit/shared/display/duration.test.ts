import { describe, expect, it } from 'vitest';
import { durationParts, formatDuration, formatSpan } from '../../../../src-shared/display/duration';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('durations: whole units, counted down', () => {
  it.each([
    [9 * DAY + 4 * HOUR + 59 * MIN, '9d 4h'],
    [26 * DAY + 23 * HOUR, '26d 23h'],
    [3 * DAY, '3d'],
    [4 * HOUR + 12 * MIN + 30_000, '4h 12m'],
    [3 * MIN + 5_000, '3m 5s'],
    [-5_000, '0s'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('stops at minutes for texts that do not tick, and never reads "0m"', () => {
    expect(formatDuration(4 * HOUR + 12 * MIN + 30_000, 'en-US', 'minute')).toBe('4h 12m');
    expect(formatDuration(40_000, 'en-US', 'minute')).toBe('< 1m');
    expect(durationParts(40_000, 'minute')).toEqual([{ value: 0, unit: 'minute' }]);
  });

  it('says spans in sentences in their largest whole unit, never "0 days"', () => {
    // 26 days 23 hours before the reset is 26 days, as the countdown counts it (never 27).
    expect(formatSpan(26 * DAY + 23 * HOUR)).toBe('26 days');
    expect(formatSpan(DAY)).toBe('1 day');
    expect(formatSpan(5 * HOUR + 59 * MIN)).toBe('5 hours');
    expect(formatSpan(20 * MIN)).toBe('20 minutes');
    expect(formatSpan(10_000)).toBe('1 minute');
  });
});
