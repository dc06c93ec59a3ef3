// The Electron side of the tray: it applies a TrayModel and forwards clicks. Every decision lives in
// tray-model.ts, tray-menu.ts and tray-image.ts, which are tested without Electron.
import { Menu, Tray, nativeImage, type Rectangle } from 'electron';
import { TrayIconCache } from './icon-renderer';
import { trayImageSpec } from './tray-image';
import { toMenuTemplate, type TrayActions } from './tray-menu';
import type { TrayModel } from './tray-model';

export interface AppTray {
  apply(model: TrayModel): void;
  bounds(): Rectangle;
  destroy(): void;
}

/** Creates the tray icon. `onClick` gets the icon's bounds so the popover can open next to it. */
export function createAppTray(
  actions: TrayActions,
  onClick: (bounds: Rectangle) => void,
  platform = process.platform,
): AppTray {
  const cache = new TrayIconCache();
  const tray = new Tray(nativeImage.createEmpty());
  let menu = Menu.buildFromTemplate([]);
  let menuKey = '';
  tray.on('click', () => onClick(tray.getBounds()));
  // macOS opens a context menu set with setContextMenu on a left click, which would hide the popover.
  if (platform === 'darwin') tray.on('right-click', () => tray.popUpContextMenu(menu));

  return {
    apply(model) {
      const spec = trayImageSpec(model.icon, platform, cache);
      const image = nativeImage.createEmpty();
      for (const r of spec.representations) image.addRepresentation(r);
      image.setTemplateImage(spec.template);
      tray.setImage(image);
      // setTitle exists on macOS only; elsewhere the tooltip carries the same text.
      if (platform === 'darwin') tray.setTitle(model.title, { fontType: 'monospacedDigit' });
      tray.setToolTip(model.tooltip);
      const key = JSON.stringify(model.menu);
      if (key !== menuKey) {
        menuKey = key;
        menu = Menu.buildFromTemplate(toMenuTemplate(model.menu, actions));
        if (platform !== 'darwin') tray.setContextMenu(menu);
      }
    },
    bounds: () => tray.getBounds(),
    destroy: () => tray.destroy(),
  };
}
