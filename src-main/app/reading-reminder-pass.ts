import type { Snapshot } from '../../src-shared/ipc/snapshot';
import type { Settings } from '../../src-shared/settings/settings';
import type { Millis } from '../../src-shared/time/instant';
import type { NotificationContent } from '../alerts/notification-text';
import type { Cache } from '../cache/cache';
import { isQuietAt } from '../alerts/quiet-hours';
import { dueReadingReminder } from '../manual/reading-reminder';

/**
 * Sends the day's reading reminder when one is due (see dueReadingReminder) and remembers the day
 * in the cache, so a restart never sends it twice. Workspaces kept by hand are read off the snapshot:
 * their freshness counts from their last reading.
 */
export function readingReminderPass(deps: {
  cache: Cache;
  snapshot: Snapshot;
  settings: Pick<Settings, 'readingReminder' | 'notifications' | 'quietHours'>;
  /** Notifications are held until then (a snooze), or null. */
  pausedUntil: Millis | null;
  now: Millis;
  timeZone: string;
  notify(content: NotificationContent): void;
}): boolean {
  if (!deps.settings.notifications.enabled) return false;
  // Held while quiet or snoozed; it goes out once they end, the same day.
  if (isQuietAt(deps.now, deps.settings.quietHours, deps.timeZone)) return false;
  if (deps.pausedUntil !== null && deps.pausedUntil > deps.now) return false;
  const workspaces = deps.snapshot.workspaces
    .filter((w) => w.source === 'manual' && w.pools.length > 0)
    .map((w) => ({
      workspaceId: w.id,
      name: w.name,
      pool: w.pools.some((p) => p.pool === 'integration') ? ('integration' as const) : w.pools[0]!.pool,
      lastReadingAt: w.freshness.lastSyncAt === null ? null : Date.parse(w.freshness.lastSyncAt),
    }));
  const due = dueReadingReminder({
    now: deps.now,
    timeZone: deps.timeZone,
    setting: deps.settings.readingReminder,
    workspaces,
    lastSentDay: deps.cache.read.appState.get('readingReminderDay', null),
  });
  if (!due) return false;
  deps.cache.write.appState.set('readingReminderDay', due.day);
  deps.notify({
    key: `reading-reminder|${due.day}`,
    workspaceId: due.workspaceId,
    readingPool: due.pool,
    title: due.title,
    body: due.body,
  });
  return true;
}
