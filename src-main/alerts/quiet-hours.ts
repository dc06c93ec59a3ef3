import type { Settings } from '../../src-shared/settings/settings';
import { minuteOfDay, nextLocalTime, parseClockTime } from './local-time';

export type QuietHours = Settings['quietHours'];

/**
 * Whether notifications are held at `instant`. The window is [start, end) in local time and may
 * cross midnight (22:00-07:00). start = end is an empty window: "from 22:00 to 22:00" more likely
 * means a slip than a wish to silence the app for good, and the alert centre still lists everything.
 */
export function isQuietAt(instant: number, quiet: QuietHours, timeZone: string): boolean {
  if (!quiet.enabled) return false;
  const start = parseClockTime(quiet.start);
  const end = parseClockTime(quiet.end);
  if (start === end) return false;
  const now = minuteOfDay(instant, timeZone);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** When the current quiet window ends, or null when it is not quiet at `instant`. */
export function quietHoursEnd(instant: number, quiet: QuietHours, timeZone: string): number | null {
  if (!isQuietAt(instant, quiet, timeZone)) return null;
  return nextLocalTime(instant, parseClockTime(quiet.end), timeZone);
}
