// The Electron side of start at login: macOS login items and the Windows Run key through
// app.get/setLoginItemSettings (macOS and Windows only), Linux through the XDG autostart entry.
import { app } from 'electron';
import { createLinuxLoginItem, type LoginItemBackend } from './login-item';

/**
 * The platform's start-at-login mechanism, or null for a development build: registering the bare
 * Electron binary (which opens its default app) at login would be worse than doing nothing.
 */
export function createElectronLoginItem(
  platform: NodeJS.Platform = process.platform,
): LoginItemBackend | null {
  if (!app.isPackaged) return null;
  if (platform === 'linux')
    return createLinuxLoginItem({ env: process.env, home: app.getPath('home'), execPath: process.execPath });
  return {
    read() {
      const settings = app.getLoginItemSettings();
      // Windows: openAtLogin stays true when the user switched the entry off in Task Manager's
      // Startup tab; executableWillLaunchAtLogin says whether it will really start.
      const enabled = platform === 'win32' ? settings.executableWillLaunchAtLogin : settings.openAtLogin;
      return { enabled, current: true };
    },
    // On Windows `enabled` (default true) also switches the Task Manager entry back on.
    enable: () => app.setLoginItemSettings({ openAtLogin: true }),
    disable: () => app.setLoginItemSettings({ openAtLogin: false }),
  };
}
