import { afterEach } from 'vitest';
import { startServer, type RunningServer } from '../../../src-server/start-server';
import type { ChannelInput } from '../../../src-shared/ipc/channels';
import type { Ledger, UsageEvent } from '../../../src-shared/types/ledger';
import type { NotificationContent } from '../../../src-main/alerts/notification-text';
import { createAppRuntime, type AppRuntimeDeps } from '../../../src-main/app/app-runtime';
import { openCache, type Cache } from '../../../src-main/cache/cache';
import { createMemorySecretStore } from '../../../src-main/secrets/secret-store';
import { createMemorySettingsBackend, createSettingsStore } from '../../../src-main/settings/settings-store';
import { DEFAULT_SETTINGS } from '../../../src-shared/settings/settings';
import { tempDir } from '../../fixtures/temp-dir';
import { FakeClock } from '../../unit/main/helpers/fake-clock';
import { recordingLog } from '../app/runtime-fixture';
import { startReceiver, type Receiver } from './receiver';

/** 2026-11-20T12:00:00Z: a Friday, past mid-period, ten and a half days before the Dec 1 reset. */
export const NOW = Date.parse('2026-11-20T12:00:00Z');
export const PERIOD = '2026-11-01T00:00:00.000Z';

/** "Marketing site", a Zite Free workspace: 1,000 integration credits a month, reset on the 1st (UTC). */
export const WORKSPACE = {
  id: 'mkt',
  name: 'Marketing site',
  provider: 'zite',
  plan: 'free',
  members: [
    { id: 'ana', name: 'Ana' },
    { id: 'bo', name: 'Bo' },
  ],
} as const;

/** Usage events charged `credits` each by the provider, `at` ISO instants. */
export function charged(
  prefix: string,
  member: string,
  action: string,
  credits: number,
  at: string[],
): UsageEvent[] {
  return at.map((occurredAt, i) => ({
    id: `${prefix}-${i}`,
    workspaceId: WORKSPACE.id,
    pool: 'integration',
    memberId: member,
    app: 'site',
    action,
    credits,
    occurredAt,
  }));
}

export function ledgerOf(events: UsageEvent[]): Ledger {
  return { version: 1, workspaces: [{ ...WORKSPACE, members: [...WORKSPACE.members] }], grants: [], events };
}

/** 400 credits early in the month (Ana's four emails on Nov 2): 40 %, and nothing in the forecast's 7-day window. */
export const EARLY = charged('early', 'ana', 'email', 100, [
  '2026-11-02T09:00:00Z',
  '2026-11-02T10:00:00Z',
  '2026-11-02T11:00:00Z',
  '2026-11-02T12:00:00Z',
]);

/**
 * One team's install: a reference server holding one account (a fake clock drives the server and
 * the app alike), and a cache file, settings and secrets that outlive a runtime so a restart can be
 * played. Everything stops in `cleanup`.
 */
export async function deliveryInstall() {
  const clock = new FakeClock(NOW);
  const server: RunningServer = await startServer({ clock: () => clock.now() });
  const { accountId, token } = server.admin.createAccount('team');
  server.admin.importLedger(accountId, ledgerOf(EARLY));
  const dir = tempDir('creditbar-delivery-');
  const settings = createSettingsStore(
    createMemorySettingsBackend({
      ...DEFAULT_SETTINGS,
      onboarded: true,
      accounts: [{ id: 'acc-team', label: 'Team', serverUrl: server.url }],
      // Deterministic: no digest unless a test asks for one.
      digest: { ...DEFAULT_SETTINGS.digest, schedule: 'off' },
    }),
  );
  const secrets = createMemorySecretStore({ 'acc-team': token });
  const running: { runtime: ReturnType<typeof createAppRuntime>; cache: Cache }[] = [];

  function start(overrides: Partial<AppRuntimeDeps> = {}) {
    const cache = openCache(dir.file('cache.sqlite'), { now: () => clock.now() });
    const notifications: NotificationContent[] = [];
    const log = recordingLog();
    const runtime = createAppRuntime({
      cache,
      settings,
      secrets,
      startDemo: () => Promise.reject(new Error('no demo in this test')),
      notify: (n) => notifications.push(n),
      log,
      clock,
      timeZone: 'UTC',
      random: () => 0.5,
      sync: { timeoutMs: 5_000, retry: { retries: 1, baseDelayMs: 10, maxDelayMs: 20 } },
      delivery: { random: () => 0.5 },
      ...overrides,
    });
    running.push({ runtime, cache });
    return { runtime, cache, notifications, log };
  }

  async function stop(): Promise<void> {
    for (const { runtime, cache } of running.splice(0)) {
      await runtime.dispose();
      if (cache.db.open) cache.close();
    }
  }

  return {
    clock,
    server,
    settings,
    secrets,
    start,
    stop,
    /** Usage the team's apps spent since the last sync (the server's admin import, as the collector would). */
    spend: (events: UsageEvent[]) => server.admin.importLedger(accountId, ledgerOf(events)),
    /** Any ledger into the team's account (another workspace, its events). */
    importLedger: (ledger: Ledger) => server.admin.importLedger(accountId, ledger),
    async cleanup() {
      await stop();
      await server.close();
      dir.cleanup();
    },
  };
}

export type DeliveryInstall = Awaited<ReturnType<typeof deliveryInstall>>;

/** Installs and receivers made by one test, all stopped after it (call at the top of a test file). */
export function deliveryScope() {
  const installs: DeliveryInstall[] = [];
  const receivers: Receiver[] = [];
  afterEach(async () => {
    for (const i of installs.splice(0)) await i.cleanup();
    for (const r of receivers.splice(0)) await r.close();
  });
  return {
    async install(): Promise<DeliveryInstall> {
      const i = await deliveryInstall();
      installs.push(i);
      return i;
    },
    async receiver(options?: Parameters<typeof startReceiver>[0]): Promise<Receiver> {
      const r = await startReceiver(options);
      receivers.push(r);
      return r;
    },
  };
}

/** Bo's two LLM calls at 11:00 and 11:30 on Nov 20: +200 credits, 40 % → 60 %, past 50 % at 11:00. */
export const CROSS_50 = charged('late', 'bo', 'llm', 100, ['2026-11-20T11:00:00Z', '2026-11-20T11:30:00Z']);

/**
 * The app after its first sync (40 %, nothing raised) with one channel added and delivery running,
 * as after start-up: what a test then spends is what the channel hears about.
 */
export async function appWithChannel(install: DeliveryInstall, channel: ChannelInput) {
  const app = install.start();
  await app.runtime.syncOnce();
  const added = await app.runtime.handlers.addChannel(channel);
  app.runtime.delivery.start();
  return { ...app, channel: added };
}

/** Spends, syncs and waits until every message due now went out (or failed). */
export async function spendAndSync(
  install: DeliveryInstall,
  app: { runtime: ReturnType<typeof createAppRuntime> },
  events = CROSS_50,
) {
  install.spend(events);
  await app.runtime.syncOnce();
  await app.runtime.delivery.flush();
}
