import { trayIconSize, type TrayIconCache } from './icon-renderer';
import type { TrayIconState } from './tray-model';

/** One bitmap of a multi-resolution tray image (nativeImage.addRepresentation's argument). */
export interface ImageRepresentation {
  scaleFactor: number;
  width: number;
  height: number;
  buffer: Buffer;
}

export interface TrayImageSpec {
  template: boolean;
  representations: ImageRepresentation[];
}

/**
 * Which bitmaps a platform gets. macOS shows the template badge while all is well, so it follows the
 * menu bar's light or dark look like every other menu-bar icon, and the colour badge from the warning
 * level on, because then the colour is the message. Windows also gets 1.5x for 150 % displays.
 */
export function trayImageSpec(
  state: TrayIconState,
  platform: NodeJS.Platform,
  cache: TrayIconCache,
): TrayImageSpec {
  const size = trayIconSize(platform);
  const template = platform === 'darwin' && state.level === 'ok';
  const scales = platform === 'win32' ? [1, 1.5, 2] : [1, 2];
  return {
    template,
    representations: scales.map((scaleFactor) => {
      const px = Math.round(size * scaleFactor);
      return {
        scaleFactor,
        width: px,
        height: px,
        buffer: cache.get(state, { size, scale: scaleFactor, template }),
      };
    }),
  };
}
