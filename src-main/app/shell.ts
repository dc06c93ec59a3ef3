// The Electron shell: windows, tray, IPC and notifications around the app runtime. Every decision
// is made by the runtime and the pure modules it calls; this only applies them to Electron.
import { app, powerMonitor, session, shell as electronShell, type WebContents } from 'electron';
import type { NotificationContent } from '../alerts/notification-text';
import { createElectronLoginItem } from '../desktop/login-item-electron';
import { startAtLoginSetting, syncLoginItem } from '../desktop/login-item';
import { createPusher } from '../ipc/push-to-renderer';
import { registerInvokeHandlers } from '../ipc/register-invoke-handlers';
import { TrustedSenders } from '../ipc/trusted-senders';
import { createElectronNotifier } from '../notifications/notifier-electron';
import type { SettingsStore } from '../settings/settings-store';
import { createAppTray } from '../tray/tray';
import { tooltipLimit, trayClickKind } from '../tray/tray-applier';
import { buildTrayModel } from '../tray/tray-model';
import type { UpdateService } from '../updates/update-service';
import { isAppUrl, type AppOrigin } from '../windows/app-origin';
import { createMainWindowController } from '../windows/main-window';
import { createPopoverWindow } from '../windows/popover-window';
import { denyAllPermissions, hardenWebContents } from '../windows/secure-window-options';
import type { AppLog, AppRuntime } from './app-runtime';

export interface ShellPaths {
  preload: string;
  origin: AppOrigin;
}

/** The services the shell ties to the desktop besides the runtime. */
export interface ShellServices {
  /** Start at login follows (and, at start, adopts) its setting. */
  settings: SettingsStore;
  updates: UpdateService;
}

export interface Shell {
  /** Opens the main window (second instance, dock click). */
  openMainWindow(): void;
  /** Shows a desktop notification whose click opens its workspace (the runtime's notify). */
  notify(content: NotificationContent): void;
  dispose(): void;
}

/** Starts the shell; call once, after app.whenReady(), before runtime.start(). */
export function startShell(
  runtime: AppRuntime,
  paths: ShellPaths,
  services: ShellServices,
  log: AppLog,
): Shell {
  const { updates } = services;
  const appUrl = (url: string) => isAppUrl(url, paths.origin);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const trusted = new TrustedSenders();

  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, appUrl, (url) => void electronShell.openExternal(url)),
  );
  denyAllPermissions(session.defaultSession);

  const trust = (contents: WebContents) => {
    const id = contents.id;
    trusted.add(id);
    contents.once('destroyed', () => trusted.remove(id));
  };
  const popover = createPopoverWindow(paths.preload, paths.origin);
  trust(popover.window.webContents);
  const mainWindow = createMainWindowController(paths.preload, paths.origin);
  const openMain = () => void mainWindow.open().then((win) => trust(win.webContents));
  const push = createPusher(() => [
    popover.window.webContents,
    ...(mainWindow.current() ? [mainWindow.current()!.webContents] : []),
  ]);

  const openWorkspace = (workspaceId: string, readingPool?: NotificationContent['readingPool']) => {
    popover.show(tray.bounds());
    push('onOpenWorkspace', readingPool ? { workspaceId, readingPool } : { workspaceId });
  };
  const notifier = createElectronNotifier(openWorkspace, (content) =>
    log.info('notification (not supported on this desktop)', { title: content.title }),
  );

  const tray = createAppTray(
    {
      showPopover: () => popover.show(tray.bounds()),
      openWorkspace,
      syncNow: () => runtime.requestSync('manual'),
      pauseAlerts: (span) => runtime.pauseAlerts(span),
      installUpdate: () => updates.install(),
      openApp: openMain,
      quit: () => app.quit(),
    },
    (bounds) => popover.toggle(bounds),
  );
  const render = () => {
    const update = updates.status();
    tray.apply(
      buildTrayModel({
        snapshot: runtime.snapshot(),
        now: Date.now(),
        timeZone,
        maxTooltipLength: tooltipLimit(process.platform),
        clickKind: trayClickKind(process.platform),
        updateReady: update.kind === 'ready' ? { version: update.version } : null,
      }),
    );
  };

  const unregister = registerInvokeHandlers(
    {
      ...runtime.handlers,
      hidePopover: () => {
        popover.hide();
        return { hidden: true };
      },
    },
    trusted,
    appUrl,
    log,
  );

  // The runtime publishes after every sync, settings change and minute tick: countdowns stay current.
  const unsubscribe = runtime.subscribe((snapshot) => {
    render();
    push('onSnapshot', snapshot);
  });
  const unwatchUpdates = updates.onChange((status) => {
    render();
    push('onUpdateStatus', status);
  });
  const loginItem = createElectronLoginItem();
  const unwatchLogin = loginItem
    ? syncLoginItem(loginItem, startAtLoginSetting(services.settings), log)
    : () => undefined;
  let checkUpdates = services.settings.get().checkForUpdates;
  const unwatchSettings = services.settings.onChange((settings) => {
    // Switched back on: an automatic check may be due now rather than within the hour.
    if (settings.checkForUpdates && !checkUpdates) updates.poke('timer');
    checkUpdates = settings.checkForUpdates;
  });
  const onResume = () => {
    runtime.onResume();
    updates.poke('resume');
  };
  powerMonitor.on('resume', onResume);

  render();
  log.info('shell started', { timeZone, origin: paths.origin.kind });

  return {
    openMainWindow: openMain,
    notify: (content) => notifier.show(content),
    dispose() {
      powerMonitor.off('resume', onResume);
      unsubscribe();
      unwatchUpdates();
      unwatchLogin();
      unwatchSettings();
      unregister();
      tray.destroy();
    },
  };
}
