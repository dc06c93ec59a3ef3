import { badgeText, TrayIconCache } from './icon-renderer';
import { trayImageSpec, type TrayImageSpec } from './tray-image';
import type { TrayMenuItem, TrayModel } from './tray-model';

/** The calls the tray adapter makes on Electron's Tray; tray.ts implements it, tests record it. */
export interface TraySurface {
  setImage(spec: TrayImageSpec): void;
  setToolTip(text: string): void;
  /** macOS only: the text next to the icon in the menu bar. */
  setTitle(text: string): void;
  /** Builds the menu the adapter keeps (and pops up on right-click on macOS). */
  buildMenu(items: readonly TrayMenuItem[]): void;
  /** Hands the last built menu to the tray (setContextMenu). */
  attachMenu(): void;
}

/** Windows cuts tray tooltips at 127 characters (NOTIFYICONDATA's szTip holds 128 with the NUL). */
export const WINDOWS_TOOLTIP_MAX = 127;

/** The longest tooltip a platform shows whole, or undefined when it has no such limit. */
export function tooltipLimit(platform: NodeJS.Platform): number | undefined {
  return platform === 'win32' ? WINDOWS_TOOLTIP_MAX : undefined;
}

/** How a platform delivers the tray's primary action. */
export function trayClickKind(platform: NodeJS.Platform): 'click' | 'menu' {
  // Linux panels speak StatusNotifierItem (AppIndicator): Electron gets no click event there, and
  // the panel opens the context menu instead, so the menu must lead with "open".
  return platform === 'linux' ? 'menu' : 'click';
}

/** The badge as drawn: the same key means the same pixels. */
function badgeKey(model: TrayModel): string {
  const { icon } = model;
  return `${badgeText(icon)}|${icon.level}|${icon.dimmed}`;
}

/**
 * Applies tray models to a surface, calling Electron only for what changed: the tray redraws every
 * minute and after every sync while the badge changes a few times a day, and every setImage makes
 * the panel repaint (and, on some Linux panels, flicker). Rules by platform:
 * - the image is set only when the drawn badge (text, level, dimmed) differs from the last one;
 * - tooltip and title only when their text changed (the title on macOS only);
 * - macOS never attaches the menu: setContextMenu would open it on a left click instead of the
 *   popover, so the adapter pops it up on right-click;
 * - Windows attaches it when the menu changed;
 * - Linux attaches it again after every change of the model: an AppIndicator menu is exported over
 *   D-Bus once per setContextMenu, and Electron's documentation requires calling it again for a
 *   change to show.
 */
export function createTrayApplier(
  surface: TraySurface,
  platform: NodeJS.Platform,
  cache: TrayIconCache = new TrayIconCache(),
): (model: TrayModel) => void {
  let lastModel = '';
  let lastBadge = '';
  let lastTooltip: string | null = null;
  let lastTitle: string | null = null;
  let lastMenu = '';
  return (model) => {
    const modelKey = JSON.stringify(model);
    if (modelKey === lastModel) return;
    lastModel = modelKey;

    const badge = badgeKey(model);
    if (badge !== lastBadge) {
      lastBadge = badge;
      surface.setImage(trayImageSpec(model.icon, platform, cache));
    }
    if (platform === 'darwin' && model.title !== lastTitle) {
      lastTitle = model.title;
      surface.setTitle(model.title);
    }
    if (model.tooltip !== lastTooltip) {
      lastTooltip = model.tooltip;
      surface.setToolTip(model.tooltip);
    }
    const menuKey = JSON.stringify(model.menu);
    const menuChanged = menuKey !== lastMenu;
    lastMenu = menuKey;
    if (menuChanged) surface.buildMenu(model.menu);
    if (platform === 'win32' ? menuChanged : platform !== 'darwin') surface.attachMenu();
  };
}
