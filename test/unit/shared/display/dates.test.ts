import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatDateTime,
  formatDay,
  formatDayKey,
  formatTime,
  plainSpaces,
} from '../../../../src-shared/display/dates';

const NBSP = '\u00a0';
const utc = (locale: string) => ({ locale, timeZone: 'UTC' });
const AT = Date.UTC(2026, 11, 1, 14, 5); // Tue Dec 1 2026, 14:05 UTC

// "...since the period started on Dec 1." wrapped "1." onto a line of its own at the 380 px popover:
// a day never parts from its month, nor a time from its AM/PM, in any surface's sentence.
describe('dates hold a day to its month', () => {
  it('joins day and month with an unbroken space, in either order', () => {
    expect(formatDay(AT, utc('en-US'))).toBe(`Dec${NBSP}1`);
    expect(formatDay(AT, utc('en-GB'))).toBe(`1${NBSP}Dec`);
    expect(formatDay(AT, utc('de-DE'))).toBe(`1.${NBSP}Dez.`);
    expect(formatDayKey('2026-12-01', utc('en-US'))).toBe(`Dec${NBSP}1`);
  });

  it('keeps a time with its AM/PM, and the comma between day and time a place to break', () => {
    expect(formatDateTime(AT, utc('en-US'))).toBe(`Dec${NBSP}1, 2:05${NBSP}PM`);
    expect(formatDateTime(AT, utc('en-GB'))).toBe(`1${NBSP}Dec, 14:05`);
    expect(formatTime(AT, utc('en-US'))).toBe(`2:05${NBSP}PM`);
    expect(formatClock(AT + 2 * 86_400_000, AT, utc('en-US'))).toBe(`Thu 2:05${NBSP}PM`);
  });

  it('gives a terminal plain spaces back', () => {
    expect(plainSpaces(`resets on Dec${NBSP}1, 2:05${NBSP}PM.`)).toBe('resets on Dec 1, 2:05 PM.');
  });
});
