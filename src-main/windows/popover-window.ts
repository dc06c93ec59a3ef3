// The popover next to the tray icon. Placement is decided by popover-position.ts; this file only
// asks Electron for the tray bounds and the display, and shows or hides the window.
import { BrowserWindow, screen, type Rectangle } from 'electron';
import type { AppOrigin } from './app-origin';
import { loadRenderer } from './load-renderer';
import { hasUsableBounds, popoverPosition } from './popover-position';
import { popoverWindowOptions } from './secure-window-options';

/** A tray click this soon after the popover hid on blur is the click that hid it. */
const BLUR_CLICK_MS = 300;

export interface PopoverWindow {
  /** Shows the popover next to the tray icon, or hides it when it is open. */
  toggle(trayBounds: Rectangle): void;
  show(trayBounds: Rectangle): void;
  hide(): void;
  readonly window: BrowserWindow;
}

export function createPopoverWindow(preloadPath: string, origin: AppOrigin): PopoverWindow {
  const window = new BrowserWindow(popoverWindowOptions(preloadPath));
  void loadRenderer(window, origin, 'popover');
  // A popover closes when the user clicks elsewhere, like every menu-bar app's. Clicking the tray
  // icon to close it blurs it first; the click that follows must not reopen it.
  let hiddenByBlurAt = 0;
  window.on('blur', () => {
    if (window.webContents.isDevToolsOpened()) return;
    hiddenByBlurAt = Date.now();
    window.hide();
  });

  const show = (trayBounds: Rectangle): void => {
    // Linux AppIndicator reports empty bounds: the cursor is where the icon was clicked.
    const anchor = hasUsableBounds(trayBounds)
      ? trayBounds
      : { ...screen.getCursorScreenPoint(), width: 1, height: 1 };
    const display = screen.getDisplayNearestPoint({
      x: anchor.x + anchor.width / 2,
      y: anchor.y + anchor.height / 2,
    });
    const [width = 0, height = 0] = window.getSize();
    const { x, y } = popoverPosition({
      trayBounds: anchor,
      windowSize: { width, height },
      displayBounds: display.bounds,
      workArea: display.workArea,
    });
    window.setPosition(x, y, false);
    window.show();
    window.focus();
  };

  return {
    window,
    show,
    hide: () => window.hide(),
    toggle: (trayBounds) => {
      if (window.isVisible()) window.hide();
      else if (Date.now() - hiddenByBlurAt > BLUR_CLICK_MS) show(trayBounds);
    },
  };
}
