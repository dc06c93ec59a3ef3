/** A wall-clock reading in some time zone. */
export interface WallTime {
  year: number;
  /** 1-12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The wall clock in `timeZone` at an instant. Quiet hours and snoozes are local times, the engine's are UTC. */
export function wallTimeAt(instant: number, timeZone: string): WallTime & { second: number } {
  const parts: Record<string, number> = {};
  for (const part of formatFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts['year']!,
    month: parts['month']!,
    day: parts['day']!,
    hour: parts['hour']!,
    minute: parts['minute']!,
    second: parts['second']!,
  };
}

function offsetAt(instant: number, timeZone: string): number {
  const w = wallTimeAt(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant a wall-clock time happens in `timeZone`. Day overflow is normalised (day 32 is the
 * 1st of the next month). A time skipped by a DST jump lands an hour later; a repeated one, on its
 * first occurrence.
 */
export function instantOfWallTime(wall: WallTime, timeZone: string): number {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  if (first === second) return first;
  // Around a transition the two estimates differ: prefer the one whose wall time matches.
  const matches = (t: number) => {
    const w = wallTimeAt(t, timeZone);
    return w.hour === wall.hour && w.minute === wall.minute;
  };
  if (matches(Math.min(first, second))) return Math.min(first, second);
  if (matches(Math.max(first, second))) return Math.max(first, second);
  return Math.max(first, second);
}

/** Minutes since local midnight, 0-1439. */
export function minuteOfDay(instant: number, timeZone: string): number {
  const w = wallTimeAt(instant, timeZone);
  return w.hour * 60 + w.minute;
}

/** Parses "HH:MM" (as the settings schema stores it) to minutes since midnight. */
export function parseClockTime(text: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!match) throw new Error(`Expected a time as HH:MM, got "${text}".`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The next instant strictly after `after` at which the local clock reads `minutes` past midnight. */
export function nextLocalTime(after: number, minutes: number, timeZone: string): number {
  const today = wallTimeAt(after, timeZone);
  for (let dayOffset = 0; dayOffset <= 2; dayOffset++) {
    const candidate = instantOfWallTime(
      {
        year: today.year,
        month: today.month,
        day: today.day + dayOffset,
        hour: Math.floor(minutes / 60),
        minute: minutes % 60,
      },
      timeZone,
    );
    if (candidate > after) return candidate;
  }
  throw new Error(
    `No local time ${minutes} min past midnight after ${new Date(after).toISOString()} in ${timeZone}.`,
  );
}
