// The Electron shell: windows, tray, IPC, notifications, the sync scheduler and the alert loop,
// put together over ShellServices. Every decision is made by the pure modules it calls.
import { app, powerMonitor, session, shell as electronShell, type WebContents } from 'electron';
import { runAlertPass } from '../alerts/alert-loop';
import { snoozeUntil } from '../alerts/snooze';
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
import { SyncScheduler } from './scheduler';
import type { ShellServices } from './shell-services';
import { syncPolicyOf } from './sync-policy';

export interface ShellPaths {
  preload: string;
  origin: AppOrigin;
}

/** Redraws countdowns and staleness, and runs the alert loop for time-driven alerts. */
const TICK_MS = 60_000;
/** Windows truncates tray tooltips at 127 characters. */
const WINDOWS_TOOLTIP_MAX = 127;

export interface Shell {
  /** Opens the main window (second instance, dock click). */
  openMainWindow(): void;
  dispose(): void;
}

/** Starts the shell; call once, after app.whenReady(). */
export function startShell(services: ShellServices, paths: ShellPaths): Shell {
  const appUrl = (url: string) => isAppUrl(url, paths.origin);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const trusted = new TrustedSenders();

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appUrl, (url) => void electronShell.openExternal(url)));
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
  const push = createPusher(() => [popover.window.webContents, ...(mainWindow.current() ? [mainWindow.current()!.webContents] : [])]);

  const openWorkspace = (workspaceId: string) => {
    popover.show(tray.bounds());
    push('onOpenWorkspace', { workspaceId });
  };
  const notifier = createElectronNotifier(openWorkspace, (content) => services.log.info('notification (unsupported here)', { title: content.title }));

  const alertPass = () =>
    runAlertPass(
      { store: services.alertStore, notify: (n) => notifier.show(n), now: Date.now, timeZone },
      { candidates: services.alertCandidates(), workspaces: services.snapshot().workspaces, settings: services.settings(), pausedUntil: services.pausedUntil() },
    );

  const scheduler = new SyncScheduler({
    clock: { now: Date.now, setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
    policy: () => syncPolicyOf(services.snapshot(), services.settings()),
    runSync: async (reason) => {
      try {
        await services.sync(reason);
      } finally {
        alertPass();
      }
    },
  });

  const pauseAlerts = (span: '1h' | 'tomorrow' | 'off') => {
    const until = snoozeUntil(span, Date.now(), timeZone);
    services.setPausedUntil(until);
    alertPass();
    return { pausedUntil: until === null ? null : new Date(until).toISOString() };
  };

  const tray = createAppTray(
    { openWorkspace, syncNow: () => scheduler.requestSync('manual'), pauseAlerts, openApp: openMain, quit: () => app.quit() },
    (bounds) => popover.toggle(bounds),
  );
  const render = () =>
    tray.apply(
      buildTrayModel({
        snapshot: services.snapshot(),
        settings: services.settings(),
        now: Date.now(),
        timeZone,
        maxTooltipLength: process.platform === 'win32' ? WINDOWS_TOOLTIP_MAX : undefined,
      }),
    );

  const unregister = registerInvokeHandlers(
    {
      ...services.handlers,
      syncNow: () => ({ started: scheduler.requestSync('manual') }),
      snoozeAlerts: (input) => pauseAlerts(input.for),
    },
    trusted,
    appUrl,
    services.log,
  );

  let startAtLogin: boolean | null = null;
  const unsubscribe = services.subscribe((snapshot) => {
    render();
    push('onSnapshot', snapshot);
    scheduler.reschedule();
    const wanted = services.settings().startAtLogin;
    if (wanted !== startAtLogin && app.isPackaged) app.setLoginItemSettings({ openAtLogin: wanted });
    startAtLogin = wanted;
  });
  const onResume = () => scheduler.onResume();
  powerMonitor.on('resume', onResume);
  const ticker = setInterval(() => {
    render();
    alertPass();
  }, TICK_MS);

  render();
  scheduler.start();
  services.log.info('shell started', { timeZone, origin: paths.origin.kind });

  return {
    openMainWindow: openMain,
    dispose() {
      clearInterval(ticker);
      powerMonitor.off('resume', onResume);
      scheduler.stop();
      unsubscribe();
      unregister();
      tray.destroy();
    },
  };
}
