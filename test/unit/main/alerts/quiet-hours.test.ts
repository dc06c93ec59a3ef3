import { describe, expect, it } from 'vitest';
import { isQuietAt, quietHoursEnd } from '../../../../src-main/alerts/quiet-hours';
import { instantOfWallTime, wallTimeAt } from '../../../../src-main/alerts/local-time';

const PARIS = 'Europe/Paris';
/** An instant given as Paris wall-clock time on a winter day (UTC+1). */
const paris = (hhmm: string, day = 20) => {
  const [h, m] = hhmm.split(':').map(Number);
  return instantOfWallTime({ year: 2026, month: 11, day, hour: h!, minute: m! }, PARIS);
};
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

describe('quiet hours', () => {
  const night = { enabled: true, start: '22:00', end: '07:00' };
  const lunch = { enabled: true, start: '12:00', end: '13:30' };

  it.each([
    [night, '21:59', false],
    [night, '22:00', true],
    [night, '23:59', true],
    [night, '00:00', true],
    [night, '06:59', true],
    [night, '07:00', false],
    [night, '12:00', false],
    [lunch, '11:59', false],
    [lunch, '12:00', true],
    [lunch, '13:29', true],
    [lunch, '13:30', false],
    [{ enabled: false, start: '22:00', end: '07:00' }, '23:00', false],
    [{ enabled: true, start: '22:00', end: '22:00' }, '23:00', false],
  ])('%j at %s local: quiet=%s', (quiet, time, expected) => {
    expect(isQuietAt(paris(time), quiet, PARIS)).toBe(expected);
  });

  it('ends at the next end time, tomorrow morning when the window crosses midnight', () => {
    expect(iso(quietHoursEnd(paris('23:30'), night, PARIS))).toBe('2026-11-21T06:00:00.000Z');
    expect(iso(quietHoursEnd(paris('02:00', 21), night, PARIS))).toBe('2026-11-21T06:00:00.000Z');
    expect(quietHoursEnd(paris('09:00'), night, PARIS)).toBeNull();
  });

  it('uses local time, not UTC: 22:30 in New York is quiet though it is 03:30 UTC', () => {
    const t = Date.parse('2026-11-21T03:30:00Z');
    expect(isQuietAt(t, { enabled: true, start: '22:00', end: '07:00' }, 'America/New_York')).toBe(true);
    expect(isQuietAt(t, { enabled: true, start: '22:00', end: '07:00' }, 'Asia/Tokyo')).toBe(false);
  });

  it('ends at 07:00 local on the night clocks go back (Paris, 25 Oct 2026: 25 h night)', () => {
    const start = instantOfWallTime({ year: 2026, month: 10, day: 24, hour: 23, minute: 0 }, PARIS);
    const end = quietHoursEnd(start, night, PARIS)!;
    expect(iso(end)).toBe('2026-10-25T06:00:00.000Z');
    expect(wallTimeAt(end, PARIS)).toMatchObject({ day: 25, hour: 7, minute: 0 });
    expect((end - start) / 3_600_000).toBe(9);
  });
});
