import type { DigestSettings } from '../../src-shared/settings/settings';
import { instantOfWallTime, parseClockTime, wallTimeAt } from '../alerts/local-time';

/** One scheduled digest: which, when, and when the one before it was due (the window it covers). */
export interface DigestSlot {
  /** "daily|2026-11-20" or "weekly|2026-11-16" (the local date of the slot). */
  key: string;
  schedule: 'daily' | 'weekly';
  at: number;
  previousAt: number;
}

/** A slot missed by more than this (the machine was off all morning) is not sent late. */
export const DIGEST_GRACE_MS = 12 * 3_600_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** Whether a digest is scheduled on this local date (0 = Sunday). */
function scheduledOn(schedule: DigestSettings['schedule'], weekday: number): boolean {
  switch (schedule) {
    case 'off':
      return false;
    case 'daily':
      return true;
    case 'weekdays':
      return weekday >= 1 && weekday <= 5;
    case 'weekly':
      return weekday === 1;
  }
}

/** Scheduled instants at or before `from`, newest first, looking back at most `days` local days. */
function slotsBefore(from: number, digest: DigestSettings, timeZone: string, days: number) {
  const minutes = parseClockTime(digest.time);
  const today = wallTimeAt(from, timeZone);
  const out: { at: number; date: string }[] = [];
  for (let back = 0; back <= days; back++) {
    // Date.UTC normalises day overflow: day 0 is the last day of the month before.
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day - back));
    if (!scheduledOn(digest.schedule, day.getUTCDay())) continue;
    const wall = {
      year: day.getUTCFullYear(),
      month: day.getUTCMonth() + 1,
      day: day.getUTCDate(),
      hour: Math.floor(minutes / 60),
      minute: minutes % 60,
    };
    const at = instantOfWallTime(wall, timeZone);
    if (at <= from) out.push({ at, date: `${wall.year}-${pad(wall.month)}-${pad(wall.day)}` });
  }
  return out;
}

/**
 * The digest due at `now`: the latest scheduled slot at or before it (local time in `timeZone`:
 * weekdays at 09:00 by default, every day, or Mondays for the weekly variant), if it is less than
 * `DIGEST_GRACE_MS` old; null when the digest is off or its slot has passed long ago.
 */
export function dueSlot(now: number, digest: DigestSettings, timeZone: string): DigestSlot | null {
  if (digest.schedule === 'off') return null;
  const [latest, previous] = slotsBefore(now, digest, timeZone, 15);
  if (!latest || now - latest.at > DIGEST_GRACE_MS) return null;
  const schedule = digest.schedule === 'weekly' ? 'weekly' : 'daily';
  return {
    key: `${schedule}|${latest.date}`,
    schedule,
    at: latest.at,
    previousAt: previous?.at ?? latest.at - (schedule === 'weekly' ? 7 : 1) * 86_400_000,
  };
}
