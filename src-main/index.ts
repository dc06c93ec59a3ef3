// Electron entry point: one instance, then the app runtime over the user's files, then the shell.
import { app, dialog } from 'electron';
import { join } from 'node:path';
import { systemClock } from './app/scheduler';
import { createAppRuntime } from './app/app-runtime';
import { builtWorker } from './evaluator/worker-spawn';
import { embeddedDemoServer } from './app/demo-server';
import { startShell, type Shell } from './app/shell';
import { damagedCacheNotice, openAppCache } from './cache/open-app-cache';
import { appUserModelId } from './desktop/app-user-model-id';
import { createFileLog } from './logging/file-log';
import { resolveSqliteBinding } from './native/electron-sqlite-binding';
import { readSqliteManifest } from './native/read-sqlite-manifest';
import { createElectronSecretStore, electronKeychainFacts } from './secrets/secret-store-electron';
import { createMemorySecretStore } from './secrets/secret-store';
import { createSessionOnlySwitch } from './secrets/session-only-switch';
import { planTokenStorage, TOKEN_STORAGE_NOTICE_KEY } from './secrets/token-storage-policy';
import { createElectronSettingsBackend } from './settings/settings-store-electron';
import { createSettingsStore } from './settings/settings-store';
import { cacheUpdateMemory } from './updates/update-memory';
import { createUpdateService } from './updates/update-service';
import { createElectronUpdater, electronNetworkState } from './updates/updater-electron';
import { resolveAppOrigin } from './windows/app-origin';

/**
 * The shell, and with it the Tray, lives as long as the app: a Tray that nothing references can be
 * garbage-collected, and its icon then vanishes from the panel.
 */
let shell: Shell | null = null;

async function main(): Promise<void> {
  const userData = app.getPath('userData');
  const log = createFileLog(join(app.getPath('logs'), 'creditbar.log'), { echo: !app.isPackaged });
  try {
    const sqlite = resolveSqliteBinding({
      electronVersion: process.versions.electron,
      platform: process.platform,
      arch: process.arch,
      packaged: app.isPackaged,
      projectRoot: app.getAppPath(),
      resourcesPath: process.resourcesPath,
      readManifest: readSqliteManifest,
    });
    // quick_check here only after a crash (or damage found last run), else in the evaluator thread once
    // the first snapshot is out; a damaged cache is moved aside (never deleted) and rebuilt by syncing.
    const opened = openAppCache(join(userData, 'cache.sqlite'), { ...sqlite, deferCheck: true });
    const cache = opened.cache;
    log.info('cache opened', {
      checkMs: opened.checkMs,
      checkDeferred: opened.deferredCheck !== null,
      abnormalShutdown: opened.abnormalShutdown,
      movedAside: opened.movedAside,
    });
    let notify: Parameters<typeof createAppRuntime>[0]['notify'] = () => {};
    const settings = createSettingsStore(createElectronSettingsBackend());
    const updates = createUpdateService({
      updater: createElectronUpdater(log),
      network: electronNetworkState,
      enabled: () => settings.get().checkForUpdates,
      memory: cacheUpdateMemory(cache),
      clock: systemClock,
      log,
    });
    // Where tokens go is decided in plain Node (token-storage-policy.ts); this only gathers the facts.
    const tokenPlan = planTokenStorage(electronKeychainFacts(), settings.get().tokensSessionOnly);
    const secrets = createSessionOnlySwitch(
      tokenPlan.store === 'session' && !settings.get().tokensSessionOnly
        ? createMemorySecretStore()
        : createElectronSecretStore(),
      settings,
    );
    const runtime = createAppRuntime({
      cache,
      settings,
      updates,
      appVersion: app.getVersion(),
      secrets,
      startDemo: embeddedDemoServer(userData, {}, sqlite),
      notify: (content) => notify(content),
      log,
      // The engine's thread: electron-vite builds its entry beside this one (electron.vite.config.ts).
      evaluator: { spawn: builtWorker(join(import.meta.dirname, 'evaluator-worker.js')), ...sqlite },
      // The sync's thread (page fetch, parse, store), built beside this one too; it uses the same binding.
      syncThread: { spawn: builtWorker(join(import.meta.dirname, 'sync-worker.js')) },
      checkCache: opened.deferredCheck,
    });
    const started = startShell(
      runtime,
      {
        // CommonJS: a sandboxed renderer cannot load an ES module preload (see electron.vite.config.ts).
        preload: join(import.meta.dirname, '../preload/index.cjs'),
        origin: resolveAppOrigin(
          process.env['ELECTRON_RENDERER_URL'],
          join(import.meta.dirname, '../renderer/index.html'),
        ),
      },
      { settings, updates },
      log,
    );
    shell = started;
    notify = started.notify;
    const damaged = damagedCacheNotice(opened);
    if (damaged) runtime.addNotice('cache-damaged', damaged);
    if (tokenPlan.notice) runtime.addNotice(TOKEN_STORAGE_NOTICE_KEY, tokenPlan.notice, { standing: true });
    runtime.start();
    updates.start();
    app.on('second-instance', () => shell?.openMainWindow());
    let quitting = false;
    app.on('before-quit', (event) => {
      if (quitting) return;
      // Let a running sync stop and the demo server close before the cache does.
      quitting = true;
      event.preventDefault();
      updates.dispose();
      shell?.dispose();
      shell = null;
      void runtime.dispose().finally(() => {
        opened.close();
        app.quit();
      });
    });
  } catch (err) {
    // A cache from a newer Creditbar, a missing native build...: one sentence, then quit (nothing is deleted).
    log.error('Creditbar could not start', { error: err });
    dialog.showErrorBox('Creditbar could not start', (err as Error).message);
    app.exit(1);
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A tray app lives on with every window closed; only the Quit item ends it.
  app.on('window-all-closed', () => {});
  // Windows shows and groups notifications by this ID; it must match the installer's shortcut.
  if (process.platform === 'win32') app.setAppUserModelId(appUserModelId(app.isPackaged, process.execPath));
  void app.whenReady().then(() => {
    if (process.platform === 'darwin') app.dock?.hide();
    return main();
  });
}
