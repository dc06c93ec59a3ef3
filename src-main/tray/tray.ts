// The Electron side of the tray: it applies a TrayModel and forwards clicks. Every decision lives in
// tray-model.ts, tray-menu.ts, tray-image.ts and tray-applier.ts, which are tested without Electron.
import { Menu, Tray, nativeImage, type Rectangle } from 'electron';
import { createTrayApplier } from './tray-applier';
import { toMenuTemplate, type TrayActions } from './tray-menu';
import type { TrayModel } from './tray-model';

export interface AppTray {
  apply(model: TrayModel): void;
  bounds(): Rectangle;
  destroy(): void;
}

/**
 * Creates the tray icon. `onClick` gets the icon's bounds so the popover can open next to it. The
 * caller keeps the returned object (and with it the Tray) for the app's lifetime: a Tray that is
 * garbage-collected disappears from the panel.
 */
export function createAppTray(
  actions: TrayActions,
  onClick: (bounds: Rectangle) => void,
  platform = process.platform,
): AppTray {
  const tray = new Tray(nativeImage.createEmpty());
  let menu = Menu.buildFromTemplate([]);
  tray.on('click', () => onClick(tray.getBounds()));
  // macOS opens a context menu set with setContextMenu on a left click, which would hide the popover.
  if (platform === 'darwin') tray.on('right-click', () => tray.popUpContextMenu(menu));

  const apply = createTrayApplier(
    {
      setImage(spec) {
        const image = nativeImage.createEmpty();
        for (const r of spec.representations) image.addRepresentation(r);
        image.setTemplateImage(spec.template);
        tray.setImage(image);
      },
      setToolTip: (text) => tray.setToolTip(text),
      setTitle: (text) => tray.setTitle(text, { fontType: 'monospacedDigit' }),
      buildMenu(items) {
        menu = Menu.buildFromTemplate(toMenuTemplate(items, actions));
      },
      attachMenu: () => tray.setContextMenu(menu),
    },
    platform,
  );

  return {
    apply,
    bounds: () => tray.getBounds(),
    destroy: () => tray.destroy(),
  };
}
