import type { Alert } from '../../src-shared/engine/alerts';
import type { RaisedAlert } from '../../src-shared/ipc/snapshot';
import { toIso } from '../../src-shared/time/instant';

/**
 * A condition that holds now and deserves an alert: the engine's alerts of the current periods plus
 * the app's own (sync-stale, drift). The loop raises each key once; a candidate that disappears
 * (period ended, sync recovered) lets a queued alert expire instead of firing late.
 */
export type AlertCandidate = Pick<
  RaisedAlert,
  'key' | 'kind' | 'workspaceId' | 'pool' | 'percent' | 'at' | 'message' | 'accountId' | 'workspaceName'
>;

/** An engine alert as a candidate. */
export function candidateFromEngineAlert(alert: Alert): AlertCandidate {
  return {
    key: alert.key,
    kind: alert.kind,
    workspaceId: alert.workspaceId,
    pool: alert.pool,
    percent: alert.percent ?? null,
    at: toIso(alert.at),
    message: alert.message,
  };
}
