import type { QuietHours } from './quiet-hours';
import { quietHoursEnd } from './quiet-hours';

/**
 * Until when notifications are held at `now`: through a snooze and quiet hours, chained (a snooze
 * that ends inside quiet hours holds until they end too). Null when nothing holds them.
 */
export function holdUntil(
  now: number,
  quiet: QuietHours,
  pausedUntil: number | null,
  timeZone: string,
): number | null {
  let t = now;
  // Each step moves t forward to the end of a hold; two holds cannot chain more than a few times.
  for (let i = 0; i < 4; i++) {
    const before = t;
    if (pausedUntil !== null && t < pausedUntil) t = pausedUntil;
    const quietEnd = quietHoursEnd(t, quiet, timeZone);
    if (quietEnd !== null) t = quietEnd;
    if (t === before) break;
  }
  return t > now ? t : null;
}
