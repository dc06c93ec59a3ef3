import type { PoolKind } from '../../src-shared/types/ledger';
import type { Millis } from '../../src-shared/time/instant';
import { minuteOfDay, parseClockTime, wallTimeAt } from '../alerts/local-time';

/** When to ask for a reading (Settings); the defaults ask each weekday at 09:00 for a reading older than 24 h. */
export interface ReadingReminderSetting {
  enabled: boolean;
  /** A workspace whose last reading is older than this is due. */
  afterHours: number;
  weekdaysOnly: boolean;
  /** Local time of day, HH:MM. */
  at: string;
}

/** A workspace kept by hand and its latest reading. */
export interface ReminderCandidate {
  workspaceId: string;
  name: string;
  /** The pool a click opens the reading field of (its integration pool where it has one). */
  pool: PoolKind;
  lastReadingAt: Millis | null;
}

/** The one notification of a day that asks for readings. */
export interface ReadingReminder {
  /** The local day it is for, YYYY-MM-DD: at most one a day. */
  day: string;
  workspaceId: string;
  pool: PoolKind;
  title: string;
  body: string;
}

function localDay(instant: Millis, timeZone: string): { key: string; weekday: number } {
  const w = wallTimeAt(instant, timeZone);
  const key = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
  return { key, weekday: new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() };
}

/**
 * The reading reminder due at `now`, if any: once the local clock has passed the set time (on a
 * weekday, unless every day is asked for), one notification for the workspaces whose last reading
 * is older than the setting; none if one was already sent that local day (`lastSentDay`). A click
 * opens the reading field of the workspace that has waited longest. Pure: the caller keeps the day.
 */
export function dueReadingReminder(input: {
  now: Millis;
  timeZone: string;
  setting: ReadingReminderSetting;
  workspaces: readonly ReminderCandidate[];
  lastSentDay: string | null;
}): ReadingReminder | null {
  const { now, timeZone, setting } = input;
  if (!setting.enabled) return null;
  const today = localDay(now, timeZone);
  if (input.lastSentDay === today.key) return null;
  if (setting.weekdaysOnly && (today.weekday === 0 || today.weekday === 6)) return null;
  if (minuteOfDay(now, timeZone) < parseClockTime(setting.at)) return null;
  const limit = now - setting.afterHours * 3_600_000;
  const due = input.workspaces
    .filter((w) => w.lastReadingAt === null || w.lastReadingAt < limit)
    .sort(
      (a, b) =>
        (a.lastReadingAt ?? -Infinity) - (b.lastReadingAt ?? -Infinity) || a.name.localeCompare(b.name),
    );
  const first = due[0];
  if (!first) return null;
  const names = due.map((w) => w.name);
  const list =
    names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  return {
    day: today.key,
    workspaceId: first.workspaceId,
    pool: first.pool,
    title: due.length === 1 ? `Today's reading for ${first.name}` : "Today's readings",
    body: `${list}: type what the usage page shows so the balance and forecast stay current.`,
  };
}
