import type { Snapshot } from '../../src-shared/ipc/snapshot';
import type { Settings } from '../../src-shared/settings/settings';
import { holdUntil } from '../alerts/alert-hold';
import type { NotificationContent } from '../alerts/notification-text';
import type { AppLog } from '../app/app-runtime';
import type { Cache } from '../cache/cache';
import type { DeliveryService } from '../delivery/delivery-service';
import { buildDigest } from './build-digest';
import { dueSlot } from './digest-schedule';

export interface DigestDeps {
  cache: Cache;
  settings(): Settings;
  delivery: Pick<DeliveryService, 'routeDigest'>;
  notify(content: NotificationContent): void;
  now(): number;
  timeZone: string;
  locale?: string;
  log: AppLog;
}

/** Data this old at the slot is waited for (a sync is on its way); after that the digest goes with what there is. */
const FRESH_WAIT_MS = 3_600_000;

/**
 * The daily (or weekly) digest: on every alert pass, for each shown account whose slot is due and
 * not yet recorded, builds the summary once its data is at least as new as the slot (or an hour
 * late), records it, routes it to the channels that take digests (one transaction), then shows one
 * desktop notification. Skipped (recorded, nothing sent) when nothing changed since the last one, and
 * for an account first synced after the slot (a fresh install gets its first digest the next time).
 */
export function createDigestService(deps: DigestDeps) {
  return {
    /** Returns the slot keys sent this call (tests and the watch log read them). */
    check(snapshot: Snapshot): string[] {
      const settings = deps.settings();
      const now = deps.now();
      const slot = dueSlot(now, settings.digest, deps.timeZone);
      if (!slot) return [];
      const sent: string[] = [];
      const accounts = [...new Set(snapshot.workspaces.map((w) => w.accountId))];
      for (const accountId of accounts) {
        if (deps.cache.read.digests.has(accountId, slot.key)) continue;
        const lastSync = deps.cache.read.syncState.account(accountId).lastSuccessAt;
        if ((lastSync ?? 0) < slot.at && now < slot.at + FRESH_WAIT_MS) continue;
        const workspaces = snapshot.workspaces.filter((w) => w.accountId === accountId);
        const ids = new Set(workspaces.map((w) => w.id));
        const previous = deps.cache.read.digests.latest(accountId);
        // After the previous digest (alerts of its own pass were in it), or from the slot before.
        const from = previous?.builtAt ?? slot.previousAt;
        const inWindow = (raisedAt: number) => (previous ? raisedAt > from : raisedAt >= from);
        const built = buildDigest({
          account: { id: accountId, label: deps.cache.read.accounts.get(accountId)?.label ?? accountId },
          slot,
          now,
          workspaces,
          previous,
          from,
          alerts: deps.cache.alerts
            .list({ limit: 500 })
            .filter((a) => ids.has(a.workspaceId) && inWindow(Date.parse(a.raisedAt))),
          timeZone: deps.timeZone,
          ...(deps.locale ? { locale: deps.locale } : {}),
        });
        // An account first synced after this slot gets its first digest at the next one: this one
        // only records the figures that digest measures its change against.
        const firstSync = deps.cache.read.accounts.createdAt(accountId);
        const baseline = firstSync !== null && firstSync > slot.at;
        const send = built.changed && !baseline;
        deps.cache.transaction(() => {
          deps.cache.write.digests.record({
            accountId,
            slot: slot.key,
            builtAt: now,
            sent: send,
            pools: built.figures,
          });
          if (send) deps.delivery.routeDigest(built.body.id, built.body);
        });
        if (!send) {
          const why = baseline ? 'first sync after its slot, figures kept for the next' : 'nothing changed';
          deps.log.info(`digest skipped: ${why}`, { account: accountId, slot: slot.key });
          continue;
        }
        sent.push(slot.key);
        deps.log.info('digest', { account: accountId, slot: slot.key, text: built.body.text });
        const held = holdUntil(
          now,
          settings.quietHours,
          snapshot.pausedUntil ? Date.parse(snapshot.pausedUntil) : null,
          deps.timeZone,
        );
        if (settings.digest.desktop && settings.notifications.enabled && held === null)
          deps.notify(built.notification);
      }
      return sent;
    },
  };
}

export type DigestService = ReturnType<typeof createDigestService>;
