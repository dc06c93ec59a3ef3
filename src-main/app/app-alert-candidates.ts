import type { Alert } from '../../src-shared/engine/alerts';
import type { WorkspaceCard } from '../../src-shared/ipc/snapshot';
import { candidateFromEngineAlert, type AlertCandidate } from '../alerts/alert-candidate';
import { formatCredits } from '../../src-shared/display/credits';
import { describeFreshness } from '../sync/freshness';

/**
 * Every alert condition that holds now: the engine's alerts of the current periods, plus the app's
 * own. sync-stale is keyed by the last successful sync, so each stale spell raises once and a new
 * one (after a recovery) raises again; drift is keyed by pool and period, so a lasting difference
 * raises once a period rather than after every sync.
 */
export function appAlertCandidates(
  engineAlerts: readonly Alert[],
  workspaces: readonly WorkspaceCard[],
  locale?: string,
): AlertCandidate[] {
  const out = engineAlerts.map(candidateFromEngineAlert);
  for (const ws of workspaces) {
    const f = ws.freshness;
    // A workspace kept by hand has no sync to go stale: the reading reminder asks for its data.
    if (f.kind === 'stale' && f.lastSyncAt !== null && f.basis !== 'reading') {
      out.push({
        key: [ws.id, '-', f.lastSyncAt, 'sync-stale', '-'].join('|'),
        kind: 'sync-stale',
        workspaceId: ws.id,
        pool: null,
        percent: null,
        at: f.lastSyncAt,
        message: `${ws.name}: the balance is ${describeFreshness(f)}: Creditbar could not sync since ${f.lastSyncAt.slice(0, 16).replace('T', ' ')} UTC.`,
      });
    }
    for (const pool of ws.pools) {
      const d = pool.drift;
      if (!d || d.difference === 0) continue;
      const more = d.difference > 0 ? 'more' : 'less';
      out.push({
        key: [ws.id, pool.pool, pool.periodStart, 'drift', '-'].join('|'),
        kind: 'drift',
        workspaceId: ws.id,
        pool: pool.pool,
        percent: null,
        at: d.checkedAt,
        message: `${ws.name} ${pool.pool}: Creditbar counts ${formatCredits(Math.abs(d.difference), locale)} credits ${more} left than the account API says (${formatCredits(d.localRemaining, locale)} against ${formatCredits(d.serverRemaining, locale)}).`,
      });
    }
  }
  return out;
}
