import { describe, expect, it } from 'vitest';
import {
  durationParts,
  formatApproxSpan,
  formatDuration,
  formatRelative,
  formatSpan,
} from '../../../../src-shared/display/duration';

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

describe('an estimated span ("~N"): the nearest whole unit, carried up when it fills the unit', () => {
  it.each([
    // 2 h 58 min is nearer 3 hours than 2: "~2 hours" was the count-down rule under a "~".
    [2 * HOUR + 58 * MIN, '~3 hours'],
    [2 * HOUR + 30 * MIN, '~3 hours'],
    [2 * HOUR + 29 * MIN, '~2 hours'],
    // 23 h 40 min rounds to 24 hours: one day, not "~24 hours".
    [23 * HOUR + 40 * MIN, '~1 day'],
    [23 * HOUR + 29 * MIN, '~23 hours'],
    [DAY + 12 * HOUR, '~2 days'],
    [DAY + 11 * HOUR + 59 * MIN, '~1 day'],
    [26 * DAY + 23 * HOUR, '~27 days'],
    [59 * MIN + 30_000, '~1 hour'],
    [59 * MIN + 29_000, '~59 minutes'],
    // Never "~0": under a minute (or a bound already passed) is a minute.
    [10_000, '~1 minute'],
    [-5_000, '~1 minute'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatApproxSpan(ms)).toBe(text);
  });

  it('keeps the count-down rule for spans between known instants', () => {
    expect(formatSpan(2 * HOUR + 58 * MIN)).toBe('2 hours');
    expect(formatApproxSpan(2 * HOUR + 58 * MIN)).toBe('~3 hours');
  });
});

describe('relative time: under a day in whole units, from a day on in calendar days', () => {
  const ago = (then: string, now: string, timeZone: string) =>
    formatRelative(Date.parse(then) - Date.parse(now), Date.parse(now), { locale: 'en-US', timeZone });

  it('says "yesterday" only of the day before today', () => {
    // 47 hours before Thursday 20:00 is Tuesday 21:00: the day before yesterday, not "yesterday".
    expect(ago('2026-11-17T21:00:00Z', '2026-11-19T20:00:00Z', 'UTC')).toBe('2 days ago');
    // 25 hours before Thursday 10:00 is Wednesday 09:00.
    expect(ago('2026-11-18T09:00:00Z', '2026-11-19T10:00:00Z', 'UTC')).toBe('yesterday');
    // Under a day it counts hours, across midnight too (23:00 the evening before, 00:30 now).
    expect(ago('2026-11-18T23:00:00Z', '2026-11-19T00:30:00Z', 'UTC')).toBe('1 hour ago');
    expect(ago('2026-11-18T00:40:00Z', '2026-11-19T00:30:00Z', 'UTC')).toBe('23 hours ago');
    // The future the same way: 46 hours after Thursday 01:00 is Friday 23:00.
    expect(ago('2026-11-20T23:00:00Z', '2026-11-19T01:00:00Z', 'UTC')).toBe('tomorrow');
    expect(ago('2026-11-21T02:00:00Z', '2026-11-19T23:00:00Z', 'UTC')).toBe('in 2 days');
  });

  it("counts the days of the user's zone, not UTC's", () => {
    // 27 hours: Nov 18 23:00 to Nov 20 02:00 UTC is two UTC days; in New York (UTC-5) it is Nov 18
    // 18:00 to Nov 19 21:00, one day.
    expect(ago('2026-11-18T23:00:00Z', '2026-11-20T02:00:00Z', 'UTC')).toBe('2 days ago');
    expect(ago('2026-11-18T23:00:00Z', '2026-11-20T02:00:00Z', 'America/New_York')).toBe('yesterday');
  });

  it('keeps hours for 24 hours within one 25-hour day (the end of daylight saving time)', () => {
    // New York, Nov 1 2026: 00:30 EDT (04:30 UTC) to 23:30 EST (04:30 UTC on Nov 2) is 24 hours on
    // one calendar day.
    expect(ago('2026-11-01T04:30:00Z', '2026-11-02T04:30:00Z', 'America/New_York')).toBe('24 hours ago');
    // Berlin, Mar 29 2026 (a 23-hour day): 00:30 CET (23:30 UTC on the 28th) to 00:30 CEST on the
    // 30th (22:30 UTC on the 29th) is a calendar day apart but 23 hours: under a day, in hours.
    expect(ago('2026-03-28T23:30:00Z', '2026-03-29T22:30:00Z', 'Europe/Berlin')).toBe('23 hours ago');
  });
});
