// Electron entry point: one instance, then the shell over the app's services.
import { app } from 'electron';
import { join } from 'node:path';
import { createOnboardingServices } from './app/onboarding-services';
import { startShell } from './app/shell';
import { resolveAppOrigin } from './windows/app-origin';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A tray app lives on with every window closed; only the Quit item ends it.
  app.on('window-all-closed', () => {});
  void app.whenReady().then(() => {
    if (process.platform === 'darwin') app.dock?.hide();
    const shell = startShell(createOnboardingServices(), {
      // CommonJS: a sandboxed renderer cannot load an ES module preload (see electron.vite.config.ts).
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      origin: resolveAppOrigin(process.env['ELECTRON_RENDERER_URL'], join(import.meta.dirname, '../renderer/index.html')),
    });
    app.on('second-instance', () => shell.openMainWindow());
    app.on('before-quit', () => shell.dispose());
  });
}
