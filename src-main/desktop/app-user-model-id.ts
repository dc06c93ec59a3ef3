/**
 * electron-builder's `appId` (electron-builder.yml). The NSIS installer gives the Start-menu shortcut
 * this AppUserModelID; Windows shows and groups a notification only when the running process says the
 * same ID, so the app sets it before the first notification (a unit test keeps the two equal).
 */
export const APP_ID = 'dev.creditbar.app';

/**
 * The AppUserModelID the process should claim on Windows. An installed copy: the appId, matching its
 * shortcut. A development run has no shortcut with that ID, so it uses the executable's path, the
 * common way to see notifications while developing (Electron's notification samples,
 * electron-toolkit's setAppUserModelId).
 */
export function appUserModelId(packaged: boolean, execPath: string): string {
  return packaged ? APP_ID : execPath;
}
