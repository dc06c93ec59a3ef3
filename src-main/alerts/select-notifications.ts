import type { RaisedAlert } from '../../src-shared/ipc/snapshot';

type Selectable = Pick<RaisedAlert, 'key' | 'kind' | 'workspaceId' | 'pool' | 'percent'>;

const POOL_KINDS = new Set<RaisedAlert['kind']>([
  'threshold',
  'exhausted',
  'projected-run-out',
  'mid-period-audit',
]);

/** How loud an alert of a pool is: exhausted, then the highest threshold, then a projected run-out, then the audit. */
export function severity(alert: Selectable): number {
  switch (alert.kind) {
    case 'exhausted':
      return 400;
    case 'threshold':
      return 200 + Math.min(alert.percent ?? 0, 100);
    case 'projected-run-out':
      return 100;
    case 'mid-period-audit':
      return 50;
    default:
      return 0;
  }
}

function groupOf(alert: Selectable): string {
  // Alerts about a pool's balance share one notification; budgets, staleness and drift stand alone.
  return POOL_KINDS.has(alert.kind) && alert.pool !== null
    ? `pool|${alert.workspaceId}|${alert.pool}`
    : `own|${alert.key}`;
}

/**
 * Picks what to notify among alerts due together (one sync, or a release after quiet hours): one
 * notification per pool, naming its most severe alert (a jump from 40 % to 95 % says "90 %", not
 * "50 %" then "90 %"); the others of that pool are superseded. Order of the input is kept.
 */
export function selectNotifications<T extends Selectable>(
  alerts: readonly T[],
): { notify: T[]; superseded: T[] } {
  const best = new Map<string, T>();
  for (const alert of alerts) {
    const group = groupOf(alert);
    const current = best.get(group);
    if (!current || severity(alert) > severity(current)) best.set(group, alert);
  }
  const chosen = new Set(best.values());
  return { notify: alerts.filter((a) => chosen.has(a)), superseded: alerts.filter((a) => !chosen.has(a)) };
}
