import type { Freshness } from '../../src-shared/ipc/snapshot';
import { toIso, type Millis } from '../../src-shared/time/instant';

export interface FreshnessPolicy {
  /** Synced within this long ago counts as live (the sync interval). */
  liveForMs: Millis;
  /** Older than this is stale (raises the sync-stale alert). */
  staleAfterMs: Millis;
}

/**
 * How old the data behind a balance is: live within the sync interval, cached up to the stale
 * limit, stale past it or when never synced. Data whose next sync attempt failed (`failure`) is the
 * cached copy, never live, however young. Ages are measured on our clock only (the server's may be
 * skewed); a sync stamped in our future counts as just now.
 */
export function freshnessOf(
  lastSyncAt: Millis | null,
  now: Millis,
  policy: FreshnessPolicy,
  failure: Freshness['failure'] = null,
): Freshness {
  if (lastSyncAt === null) return { kind: 'stale', lastSyncAt: null, ageSeconds: null, failure };
  const age = Math.max(0, now - lastSyncAt);
  const kind =
    age <= policy.liveForMs && failure === null ? 'live' : age <= policy.staleAfterMs ? 'cached' : 'stale';
  return { kind, lastSyncAt: toIso(lastSyncAt), ageSeconds: Math.floor(age / 1000), failure };
}
