import { join } from 'node:path';
import { afterEach } from 'vitest';
import { startServer, type RunningServer } from '../../../src-server/start-server';
import type { NotificationContent } from '../../../src-main/alerts/notification-text';
import {
  createAppRuntime,
  type AppLog,
  type AppRuntime,
  type AppRuntimeDeps,
} from '../../../src-main/app/app-runtime';
import { DEMO_ACCOUNT_ID, type DemoServer } from '../../../src-main/app/demo-server';
import { openCache, type Cache } from '../../../src-main/cache/cache';
import { createMemorySecretStore, type SecretStore } from '../../../src-main/secrets/secret-store';
import {
  createMemorySettingsBackend,
  createSettingsStore,
  type SettingsBackend,
} from '../../../src-main/settings/settings-store';
import { tempDir } from '../../fixtures/temp-dir';

/** A log that keeps what it was told, so a test can read it and the run stays quiet. */
export function recordingLog(): AppLog & { lines: string[] } {
  const lines: string[] = [];
  const put = (level: string) => (message: string, context?: Record<string, unknown>) =>
    void lines.push(`${level} ${message} ${JSON.stringify(context ?? {})}`);
  return { lines, info: put('info'), warn: put('warn'), error: put('error') };
}

/**
 * One app "install" for a test: a data folder with the cache file and the demo server's database,
 * settings and secrets that outlive a runtime (so a restart can be played), and the demo server
 * with its simulator held by hand (no live timer: the test adds usage when it wants).
 */
export function appInstall() {
  const dir = tempDir('creditbar-app-');
  const settingsBackend: SettingsBackend = createMemorySettingsBackend();
  const secrets: SecretStore = createMemorySecretStore();
  const servers: RunningServer[] = [];
  const runtimes: { runtime: AppRuntime; cache: Cache }[] = [];
  const state = { demo: null as RunningServer | null };

  const startDemo = async (): Promise<DemoServer> => {
    const server = await startServer({
      dbPath: join(dir.dir, 'demo-server.sqlite'),
      demo: { autoTick: false },
    });
    servers.push(server);
    state.demo = server;
    return {
      account: { id: DEMO_ACCOUNT_ID, label: 'Demo team', serverUrl: server.url },
      token: server.demoToken!,
      close: () => server.close(),
    };
  };

  /** Starts the app over the install's files (a second call after stop() is a restart). */
  function start(overrides: Partial<AppRuntimeDeps> = {}, open: (file: string) => Cache = openCache) {
    const cache = open(dir.file('cache.sqlite'));
    const notifications: NotificationContent[] = [];
    const log = recordingLog();
    const runtime = createAppRuntime({
      cache,
      settings: createSettingsStore(settingsBackend),
      secrets,
      startDemo,
      notify: (n) => notifications.push(n),
      log,
      timeZone: 'UTC',
      sync: { timeoutMs: 5_000, retry: { retries: 1, baseDelayMs: 10, maxDelayMs: 20 } },
      ...overrides,
    });
    runtimes.push({ runtime, cache });
    return { runtime, cache, notifications, log };
  }

  async function stop(): Promise<void> {
    for (const { runtime, cache } of runtimes.splice(0)) {
      await runtime.dispose();
      if (cache.db.open) cache.close();
    }
  }

  return {
    dir,
    secrets,
    state,
    start,
    stop,
    async cleanup() {
      await stop();
      for (const s of servers.splice(0)) await s.close().catch(() => undefined);
      dir.cleanup();
    },
  };
}

/** One app install as `appInstall` makes it. */
export type AppInstall = ReturnType<typeof appInstall>;

/**
 * `appInstall` for the tests of one file (call at its top level): each test's installs are stopped
 * and removed after it.
 */
export function appInstalls(): () => AppInstall {
  const installs: AppInstall[] = [];
  afterEach(async () => {
    for (const i of installs.splice(0)) await i.cleanup();
  });
  return () => {
    const install = appInstall();
    installs.push(install);
    return install;
  };
}

/** Starts the app over an install, adds the demo account and waits for its first sync. */
export async function startedWithDemo(install: AppInstall, overrides: Partial<AppRuntimeDeps> = {}) {
  const app = install.start(overrides);
  app.runtime.start();
  await app.runtime.handlers.startDemo(undefined);
  await app.runtime.whenIdle();
  return app;
}
