import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ICON_SIZES, renderAppIcon } from './app-icon-renderer';
import { encodePng } from './png-encoder';

/**
 * Writes the packaging icons (`npm run icons`): resources/icons/icon.png (1024, which electron-builder
 * turns into .icns and .ico) and resources/icons/linux/NxN.png (the Linux set).
 */
export function renderAppIcons(resourcesDir: string): string[] {
  const dir = join(resourcesDir, 'icons');
  mkdirSync(join(dir, 'linux'), { recursive: true });
  const written: string[] = [];
  for (const size of APP_ICON_SIZES) {
    const file = join(dir, 'linux', `${size}x${size}.png`);
    writeFileSync(file, encodePng(renderAppIcon(size)));
    written.push(file);
  }
  const master = join(dir, 'icon.png');
  writeFileSync(master, encodePng(renderAppIcon(1024)));
  written.push(master);
  return written;
}
