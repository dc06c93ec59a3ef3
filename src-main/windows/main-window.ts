// The regular window, created on first use and re-shown afterwards rather than duplicated.
import { BrowserWindow } from 'electron';
import type { AppOrigin } from './app-origin';
import { loadRenderer } from './load-renderer';
import { mainWindowOptions } from './secure-window-options';

export interface MainWindow {
  /** Shows (creating it if needed) and focuses the window; resolves once its page has loaded. */
  open(): Promise<BrowserWindow>;
  current(): BrowserWindow | null;
}

export function createMainWindowController(preloadPath: string, origin: AppOrigin): MainWindow {
  let window: BrowserWindow | null = null;
  let loaded: Promise<void> = Promise.resolve();
  return {
    async open() {
      if (!window || window.isDestroyed()) {
        const created = new BrowserWindow(mainWindowOptions(preloadPath));
        created.once('ready-to-show', () => created.show());
        created.on('closed', () => {
          if (window === created) window = null;
        });
        window = created;
        loaded = loadRenderer(created, origin, 'main');
      } else {
        if (window.isMinimized()) window.restore();
        window.show();
      }
      window.focus();
      await loaded;
      return window;
    },
    current: () => (window && !window.isDestroyed() ? window : null),
  };
}
