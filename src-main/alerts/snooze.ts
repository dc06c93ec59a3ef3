import { minuteOfDay, nextLocalTime } from './local-time';

/** The tray's and the alert centre's choices (the contract's snoozeSchema). */
export type SnoozeSpan = '1h' | 'tomorrow' | 'off';

const HOUR = 3_600_000;
/** "Tomorrow" resumes at 08:00 local: the start of a working day, not midnight (which would wake a lead who paused at 23:00). */
export const SNOOZE_MORNING_MINUTES = 8 * 60;
/** Before 05:00 it is still the night before, so "tomorrow" means this morning. */
export const NIGHT_ENDS_MINUTES = 5 * 60;

/**
 * When a snooze ends: one hour from now, or the next morning at 08:00 local (today's when it is
 * between midnight and 05:00, otherwise tomorrow's); 'off' ends any snooze (null).
 */
export function snoozeUntil(span: SnoozeSpan, now: number, timeZone: string): number | null {
  switch (span) {
    case 'off':
      return null;
    case '1h':
      return now + HOUR;
    case 'tomorrow': {
      const morning = nextLocalTime(now, SNOOZE_MORNING_MINUTES, timeZone);
      const minute = minuteOfDay(now, timeZone);
      // Between 05:00 and 08:00 the next 08:00 is today's, which is not "tomorrow": take the one after.
      return minute >= NIGHT_ENDS_MINUTES && minute < SNOOZE_MORNING_MINUTES
        ? nextLocalTime(morning, SNOOZE_MORNING_MINUTES, timeZone)
        : morning;
    }
  }
}

/** True while a snooze set to end at `pausedUntil` holds notifications. */
export function isSnoozed(now: number, pausedUntil: number | null): boolean {
  return pausedUntil !== null && now < pausedUntil;
}
