import type { NotificationStatus } from '../../src-shared/ipc/snapshot';
import type { Settings } from '../../src-shared/settings/settings';
import { toIso } from '../../src-shared/time/instant';
import { holdUntil } from './alert-hold';

/**
 * What the "Notifications" status line says, by the same rules the alert loop applies: off when the
 * switch is off (whatever else holds); paused while a snooze runs, quiet during quiet hours, each
 * until the instant held notifications are released (holdUntil chains a snooze ending in quiet
 * hours); on otherwise. Never "on" while nothing would be shown.
 */
export function notificationStatus(
  settings: Pick<Settings, 'notifications' | 'quietHours'>,
  pausedUntil: number | null,
  now: number,
  timeZone: string,
): NotificationStatus {
  if (!settings.notifications.enabled) return { state: 'off', until: null };
  const until = holdUntil(now, settings.quietHours, pausedUntil, timeZone);
  if (until === null) return { state: 'on', until: null };
  const paused = pausedUntil !== null && pausedUntil > now;
  return { state: paused ? 'paused' : 'quiet', until: toIso(until) };
}
