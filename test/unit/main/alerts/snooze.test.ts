import { describe, expect, it } from 'vitest';
import { instantOfWallTime, wallTimeAt } from '../../../../src-main/alerts/local-time';
import { isSnoozed, snoozeUntil } from '../../../../src-main/alerts/snooze';

const PARIS = 'Europe/Paris';
const paris = (day: number, hour: number, minute = 0) =>
  instantOfWallTime({ year: 2026, month: 11, day, hour, minute }, PARIS);
const local = (t: number | null) => {
  if (t === null) return null;
  const w = wallTimeAt(t, PARIS);
  return `${w.day} ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
};

describe('snoozeUntil', () => {
  it('pauses for exactly one hour', () => {
    expect(snoozeUntil('1h', paris(20, 15, 10), PARIS)! - paris(20, 15, 10)).toBe(3_600_000);
  });

  it.each([
    ['in the afternoon: tomorrow 08:00', paris(20, 15), '21 08:00'],
    ['late in the evening: tomorrow 08:00 (not midnight, minutes away)', paris(20, 23, 30), '21 08:00'],
    ['after midnight, still the night before: this morning 08:00', paris(21, 1), '21 08:00'],
    ['early morning, the day has begun: the next day 08:00', paris(21, 6, 30), '22 08:00'],
    ['at 08:00 sharp: the next day', paris(21, 8), '22 08:00'],
  ])('until tomorrow %s', (_name, now, expected) => {
    expect(local(snoozeUntil('tomorrow', now, PARIS))).toBe(expected);
  });

  it('turns a snooze off', () => {
    expect(snoozeUntil('off', paris(20, 15), PARIS)).toBeNull();
  });

  it('holds until the instant, then releases', () => {
    const until = paris(20, 16);
    expect(isSnoozed(until - 1, until)).toBe(true);
    expect(isSnoozed(until, until)).toBe(false);
    expect(isSnoozed(until, null)).toBe(false);
  });

  it('lands on 08:00 local across a DST change (Paris, 29 Mar 2026)', () => {
    const now = instantOfWallTime({ year: 2026, month: 3, day: 28, hour: 22, minute: 0 }, PARIS);
    const until = snoozeUntil('tomorrow', now, PARIS)!;
    expect(wallTimeAt(until, PARIS)).toMatchObject({ day: 29, hour: 8, minute: 0 });
    expect(new Date(until).toISOString()).toBe('2026-03-29T06:00:00.000Z');
  });
});
