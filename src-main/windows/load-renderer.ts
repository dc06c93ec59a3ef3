import type { BrowserWindow } from 'electron';
import type { AppOrigin } from './app-origin';

/** Which layout the renderer shows; passed as `?window=` so one bundle serves both windows. */
export type WindowView = 'popover' | 'main';

/** Loads the renderer into a window from the dev server or the built files. */
export function loadRenderer(win: BrowserWindow, origin: AppOrigin, view: WindowView): Promise<void> {
  if (origin.kind === 'dev-server') {
    const url = new URL(origin.url);
    url.searchParams.set('window', view);
    return win.loadURL(url.href);
  }
  return win.loadFile(origin.indexFile, { query: { window: view } });
}
