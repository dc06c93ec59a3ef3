import type { Alert } from '../../src-shared/engine/alerts';
import type { WorkspaceCard } from '../../src-shared/ipc/snapshot';
import { candidateFromEngineAlert, type AlertCandidate } from '../alerts/alert-candidate';
import { alertMessage, type AlertMessageContext } from '../alerts/alert-message';
import { formatCredits, formatCreditsPhrase } from '../../src-shared/display/credits';
import { formatDateTime } from '../../src-shared/display/dates';
import { formatSpan } from '../../src-shared/display/duration';
import { toIso, type Millis } from '../../src-shared/time/instant';
import { failedAfterSuccess } from '../alerts/account-sync-facts';
import type { Cache } from '../cache/cache';

/** What the stale-data rule needs to know of an account: its name and how its syncs went. */
export interface AccountSyncFacts {
  id: string;
  label: string;
  lastSuccessAt: Millis | null;
  /** The last failed attempt when it came after the last success (cancelled ones are not failures). */
  failedAt: Millis | null;
}

export interface CandidateContext extends AlertMessageContext {
  /** The shown accounts' sync facts. */
  accounts: readonly AccountSyncFacts[];
  /** When this run of the app started: stale data is only an alert once a sync of this run failed. */
  runStartedAt: Millis;
  now: Millis;
}

/**
 * Every alert condition that holds now: the engine's alerts of the current periods (worded in the
 * user's locale and time zone), plus the app's own. sync-stale is one per account, naming its stale
 * workspaces, and only once a sync attempt of this run failed while the data is past the stale
 * limit (never at start-up before the first attempt); it is keyed by the last successful sync, so
 * each stale spell raises once. Drift is keyed by pool and period, so a lasting difference raises
 * once a period rather than after every sync.
 */
export function appAlertCandidates(
  engineAlerts: readonly Alert[],
  workspaces: readonly WorkspaceCard[],
  ctx: CandidateContext,
): AlertCandidate[] {
  const locale = ctx.style.locale;
  const byId = new Map(workspaces.map((w) => [w.id, w]));
  const out = engineAlerts.map((a) => ({
    ...candidateFromEngineAlert(a),
    message: alertMessage(a, byId.get(a.workspaceId), ctx),
  }));
  for (const account of ctx.accounts) {
    // A workspace kept by hand has no sync to go stale: the reading reminder asks for its data.
    const stale = workspaces.filter(
      (w) => w.accountId === account.id && w.freshness.kind === 'stale' && w.freshness.basis !== 'reading',
    );
    if (stale.length === 0 || account.failedAt === null || account.failedAt < ctx.runStartedAt) continue;
    const since = account.lastSuccessAt;
    const names = stale.map((w) => w.name).join(', ');
    const when =
      since === null
        ? 'has never synced'
        : `has not synced since ${formatDateTime(since, ctx.style)} (${formatSpan(ctx.now - since, locale)} ago)`;
    out.push({
      key: [`account:${account.id}`, '-', since === null ? 'never' : toIso(since), 'sync-stale', '-'].join(
        '|',
      ),
      kind: 'sync-stale',
      workspaceId: stale[0]!.id,
      accountId: account.id,
      workspaceName: account.label,
      pool: null,
      percent: null,
      at: toIso(account.failedAt),
      message: `${account.label} ${when}: the last attempt failed, so the balances of ${names} are stale.`,
    });
  }
  for (const ws of workspaces) {
    for (const pool of ws.pools) {
      const d = pool.drift;
      if (!d || d.difference === 0) continue;
      const more = d.difference > 0 ? 'more' : 'fewer';
      out.push({
        key: [ws.id, pool.pool, pool.periodStart, 'drift', '-'].join('|'),
        kind: 'drift',
        workspaceId: ws.id,
        pool: pool.pool,
        percent: null,
        at: d.checkedAt,
        message: `${ws.name} ${pool.pool}: Creditbar counts ${formatCreditsPhrase(Math.abs(d.difference), locale)} ${more} left than the account API says (${formatCredits(d.localRemaining, locale)} against ${formatCredits(d.serverRemaining, locale)}).`,
      });
    }
  }
  return out;
}

/** The sync facts of the shown accounts, from the cache (so they hold across restarts). */
export function accountSyncFacts(cache: Cache, accountIds: readonly string[]): AccountSyncFacts[] {
  return accountIds.map((id) => {
    const state = cache.read.syncState.account(id);
    return {
      id,
      label: cache.read.accounts.get(id)?.label ?? id,
      lastSuccessAt: state.lastSuccessAt,
      failedAt: failedAfterSuccess(state),
    };
  });
}
