import { randomUUID } from 'node:crypto';
import type { Catalog } from '../../src-shared/catalog/catalog';
import { parseMonth } from '../../src-shared/engine/report';
import { reportJson, type ReportJson } from '../../src-shared/engine/report-json';
import type { HistoryResult } from '../../src-shared/ipc/contract';
import type { Snapshot } from '../../src-shared/ipc/snapshot';
import type { Account } from '../../src-shared/settings/settings';
import type { SnoozeSpan } from '../alerts/snooze';
import type { Cache } from '../cache/cache';
import { historyMonths } from '../cache/history-months';
import { reviewMonthFromCache } from '../cache/month-review';
import type { InvokeHandlers } from '../ipc/invoke-handlers';
import type { Millis } from '../../src-shared/time/instant';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import { updateStatus } from '../updates/update-policy';
import type { UpdateService } from '../updates/update-service';
import { testConnection } from '../sync/test-connection';
import { DEMO_ACCOUNT_ID, type DemoServer } from './demo-server';
import { settingsOverrides, shownWorkspaces } from './engine-view';
import { exportReport } from './history-export';
import type { createAlertHandlers } from './alert-handlers';
import type { createChannelHandlers } from './channel-handlers';
import { createManualHandlers } from './manual-handlers';
import type { SyncReason } from './scheduler';

/** What the handlers need from the runtime around them. */
export interface AppHandlerDeps {
  cache: Cache;
  /** The clock a month is reviewed at (a period still running is in progress, not closed). */
  now(): Millis;
  settings: SettingsStore;
  secrets: SecretStore;
  catalog: () => Catalog;
  shownAccountIds(): string[];
  snapshot(): Snapshot;
  requestSync(reason: SyncReason): boolean;
  /** Why "Sync now" cannot sync anything (every account lacks its token), or null. */
  syncBlockedReason(): string | null;
  /** A token was stored or removed: re-check which accounts can sync. */
  tokensChanged(): Promise<void>;
  dismissNotice(key: string): boolean;
  /**
   * Runs a write of the lead's now, or once the cache's write lock is free (a sync storing usage
   * holds it): never by waiting for it on this thread (db/main-writes.ts).
   */
  writeSoon<T>(fn: () => T): Promise<Awaited<T>>;
  /** Cancels the account's running sync and waits for it to stop (before its cached usage goes). */
  stopSync(accountId: string): Promise<void>;
  /** Syncs now, or right after the running sync. */
  syncSoon(reason: SyncReason): void;
  pauseAlerts(span: SnoozeSpan): { pausedUntil: string | null };
  ensureDemo(): Promise<DemoServer>;
  stopDemo(): Promise<void>;
  refresh(): Snapshot;
  /** The release updater (the desktop app); null in browser mode and tests, which cannot update. */
  updates: UpdateService | null;
  /** The running version, said by Settings' update line. */
  appVersion: string;
  now(): number;
  /** The channel calls (Settings → Channels), built by the runtime around its delivery service. */
  channels: ReturnType<typeof createChannelHandlers>;
  /** Acknowledging alerts and the account-removal preview (alert-handlers.ts). */
  alerts: ReturnType<typeof createAlertHandlers>;
}

/** A month reviewed from the cache for the shown accounts (or one workspace of them). */
function reviewMonth(
  deps: AppHandlerDeps,
  period: string,
  workspaceId: string | undefined,
): { report: ReportJson; names: Record<string, string>; members: Record<string, Record<string, string>> } {
  const shown = shownWorkspaces(deps.cache, deps.shownAccountIds());
  const wanted = workspaceId === undefined ? shown : shown.filter((w) => w.workspace.id === workspaceId);
  if (workspaceId !== undefined && wanted.length === 0)
    throw new Error(`There is no workspace "${workspaceId}" in this account's history.`);
  const names = Object.fromEntries(shown.map((w) => [w.workspace.id, w.workspace.name || w.workspace.id]));
  const members = Object.fromEntries(
    wanted.map((w) => [
      w.workspace.id,
      Object.fromEntries((w.workspace.members ?? []).map((m) => [m.id, m.name])),
    ]),
  );
  if (wanted.length === 0) return { report: { period, pools: [], alerts: [] }, names, members };
  const catalog = deps.catalog();
  const report = reviewMonthFromCache(deps.cache, parseMonth(period), {
    catalog,
    overrides: settingsOverrides(wanted, deps.settings.get(), catalog),
    workspaceIds: wanted.map((w) => w.workspace.id),
    // The current month is reviewed as it stands now: in progress, not as a closed month.
    asOf: deps.now(),
  });
  return { report: reportJson(report), names, members };
}

/** Every call of the IPC contract over the runtime: the one implementation both transports register. */
export function createAppHandlers(deps: AppHandlerDeps): InvokeHandlers {
  const { cache, settings, secrets } = deps;

  /** Drops the demo's server and cached data: real accounts replace it. */
  async function leaveDemo(): Promise<void> {
    await deps.stopDemo();
    if (cache.read.accounts.get(DEMO_ACCOUNT_ID))
      await deps.writeSoon(() => cache.transaction(() => cache.write.accounts.remove(DEMO_ACCOUNT_ID)));
    if (settings.get().demo) settings.update({ demo: false });
  }

  return {
    getSnapshot: () => deps.snapshot(),
    syncNow() {
      const reason = deps.syncBlockedReason();
      return reason ? { started: false, reason } : { started: deps.requestSync('manual') };
    },
    getHistoryMonths: () => historyMonths(cache),
    getHistory({ period, workspaceId }): HistoryResult {
      const { report, names, members } = reviewMonth(deps, period, workspaceId);
      return { report, months: historyMonths(cache), names, memberNames: members };
    },
    exportHistory({ period, format, workspaceId }) {
      const { report, names, members } = reviewMonth(deps, period, workspaceId);
      return exportReport(report, format, names, members, workspaceId);
    },
    getSettings: () => settings.get(),
    updateSettings: (patch) => settings.update(patch),
    async addAccount({ label, serverUrl, token }): Promise<Account> {
      const check = await testConnection(serverUrl, token);
      if (!check.ok) throw new Error(`${check.message} The account was not added.`);
      const account: Account = {
        id: `acc-${randomUUID().slice(0, 8)}`,
        label,
        serverUrl: serverUrl.replace(/\/+$/, ''),
      };
      await secrets.set(account.id, token);
      await leaveDemo();
      settings.addAccount(account);
      if (!settings.get().onboarded) settings.update({ onboarded: true });
      deps.syncSoon('settings');
      return account;
    },
    async removeAccount({ id }) {
      if (!settings.get().accounts.some((a) => a.id === id))
        throw new Error(`There is no account "${id}" to remove.`);
      const next = settings.removeAccount(id);
      await secrets.delete(id);
      // A sync of it still running would store pages, or record its failure, for an account no
      // longer there: it stops first, then its cached usage goes.
      await deps.stopSync(id);
      // Its cached usage goes with it, so its workspaces leave the overview and the tray.
      await deps.writeSoon(() => cache.transaction(() => cache.write.accounts.remove(id)));
      await deps.tokensChanged();
      deps.refresh();
      return next;
    },
    async setAccountToken({ id, token }): Promise<Account> {
      const account = settings.get().accounts.find((a) => a.id === id);
      if (!account) throw new Error(`There is no account "${id}" to give a token to.`);
      const check = await testConnection(account.serverUrl, token);
      if (!check.ok) throw new Error(`${check.message} The token was not changed.`);
      await secrets.set(account.id, token);
      await deps.tokensChanged();
      deps.syncSoon('settings');
      return account;
    },
    dismissNotice: ({ key }) => ({ dismissed: deps.dismissNotice(key) }),
    testConnection: ({ serverUrl, token }) => testConnection(serverUrl, token),
    async startDemo() {
      await deps.ensureDemo();
      const next = settings.update({ demo: true, onboarded: true });
      deps.syncSoon('settings');
      return next;
    },
    snoozeAlerts: (input) => deps.pauseAlerts(input.for),
    getUpdateStatus: () => deps.updates?.status() ?? browserUpdates(),
    checkForUpdates: () => deps.updates?.checkNow() ?? browserUpdates(),
    downloadUpdate: () => deps.updates?.download() ?? browserUpdates(),
    installUpdate() {
      if (!deps.updates) return { installing: false };
      deps.updates.install();
      return { installing: true };
    },
    // The Electron shell replaces this with one that hides its popover window.
    hidePopover: () => ({ hidden: false }),
    ...deps.channels,
    ...createManualHandlers({
      cache,
      settings,
      catalog: deps.catalog,
      now: deps.now,
      leaveDemo,
      writeSoon: deps.writeSoon,
      refresh: () => void deps.refresh(),
    }),
    ...deps.alerts,
  };

  function browserUpdates() {
    return updateStatus({ kind: 'unsupported', reason: 'browser' }, deps.appVersion, null);
  }
}
