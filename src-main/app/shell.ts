// The Electron shell: windows, tray, IPC and notifications around the app runtime. Every decision
// is made by the runtime and the pure modules it calls; this only applies them to Electron.
import { app, powerMonitor, session, shell as electronShell, type WebContents } from 'electron';
import type { NotificationContent } from '../alerts/notification-text';
import { createPusher } from '../ipc/push-to-renderer';
import { registerInvokeHandlers } from '../ipc/register-invoke-handlers';
import { TrustedSenders } from '../ipc/trusted-senders';
import { createElectronNotifier } from '../notifications/notifier-electron';
import { createAppTray } from '../tray/tray';
import { buildTrayModel } from '../tray/tray-model';
import { isAppUrl, type AppOrigin } from '../windows/app-origin';
import { createMainWindowController } from '../windows/main-window';
import { createPopoverWindow } from '../windows/popover-window';
import { denyAllPermissions, hardenWebContents } from '../windows/secure-window-options';
import type { AppLog, AppRuntime } from './app-runtime';

export interface ShellPaths {
  preload: string;
  origin: AppOrigin;
}

/** Windows truncates tray tooltips at 127 characters. */
const WINDOWS_TOOLTIP_MAX = 127;

export interface Shell {
  /** Opens the main window (second instance, dock click). */
  openMainWindow(): void;
  /** Shows a desktop notification whose click opens its workspace (the runtime's notify). */
  notify(content: NotificationContent): void;
  dispose(): void;
}

/** Starts the shell; call once, after app.whenReady(), before runtime.start(). */
export function startShell(runtime: AppRuntime, paths: ShellPaths, log: AppLog): Shell {
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

  const openWorkspace = (workspaceId: string) => {
    popover.show(tray.bounds());
    push('onOpenWorkspace', { workspaceId });
  };
  const notifier = createElectronNotifier(openWorkspace, (content) =>
    log.info('notification (not supported on this desktop)', { title: content.title }),
  );

  const tray = createAppTray(
    {
      openWorkspace,
      syncNow: () => runtime.requestSync('manual'),
      pauseAlerts: (span) => runtime.pauseAlerts(span),
      openApp: openMain,
      quit: () => app.quit(),
    },
    (bounds) => popover.toggle(bounds),
  );
  const render = () =>
    tray.apply(
      buildTrayModel({
        snapshot: runtime.snapshot(),
        settings: runtime.settings(),
        now: Date.now(),
        timeZone,
        maxTooltipLength: process.platform === 'win32' ? WINDOWS_TOOLTIP_MAX : undefined,
      }),
    );

  const unregister = registerInvokeHandlers(runtime.handlers, trusted, appUrl, log);

  let startAtLogin: boolean | null = null;
  // The runtime publishes after every sync, settings change and minute tick: countdowns stay current.
  const unsubscribe = runtime.subscribe((snapshot) => {
    render();
    push('onSnapshot', snapshot);
    const wanted = runtime.settings().startAtLogin;
    if (wanted !== startAtLogin && app.isPackaged) app.setLoginItemSettings({ openAtLogin: wanted });
    startAtLogin = wanted;
  });
  const onResume = () => runtime.onResume();
  powerMonitor.on('resume', onResume);

  render();
  log.info('shell started', { timeZone, origin: paths.origin.kind });

  return {
    openMainWindow: openMain,
    notify: (content) => notifier.show(content),
    dispose() {
      powerMonitor.off('resume', onResume);
      unsubscribe();
      unregister();
      tray.destroy();
    },
  };
}
