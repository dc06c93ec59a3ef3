import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { APP_ID } from '../../../src-main/desktop/app-user-model-id';
import { ELECTRON_SQLITE_DIR, PACKAGED_SQLITE_DIR } from '../../../src-main/native/electron-sqlite-binding';

const root = join(import.meta.dirname, '../../..');

async function load(): Promise<Configuration> {
  return getConfig(root, join(root, 'electron-builder.yml'), null);
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    const config = await load();
    const debug = { add: () => {}, isEnabled: false } as unknown as Parameters<
      typeof validateConfiguration
    >[1];
    await expect(validateConfiguration(config, debug)).resolves.toBeUndefined();
  });

  it('targets AppImage and deb, dmg (and the zip the macOS updater needs) and NSIS, and leaves node_modules unrebuilt', async () => {
    const config = await load();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg', 'zip']);
    expect(config.win?.target).toBe('nsis');
    expect(config.npmRebuild).toBe(false);
  });

  it('points at icons that exist and are big enough (1024 for macOS, ≥256 for Windows, the Linux set)', async () => {
    const config = await load();
    const size = (file: string) => PNG.sync.read(readFileSync(join(root, file))).width;
    expect(size(config.mac!.icon as string)).toBe(1024);
    expect(size(config.win!.icon as string)).toBeGreaterThanOrEqual(256);
    for (const n of [16, 32, 48, 64, 128, 256, 512])
      expect(existsSync(join(root, config.linux!.icon as string, `${n}x${n}.png`))).toBe(true);
  });

  it('tells electron-updater to look for releases on GitHub, under the appId the app claims', async () => {
    const config = await load();
    expect(config.publish).toEqual({
      provider: 'github',
      owner: 'creditbar',
      repo: 'creditbar',
      releaseType: 'release',
    });
    expect(config.appId).toBe(APP_ID);
  });

  it('ships the Electron copy of better-sqlite3 where the app looks for it', async () => {
    const config = await load();
    expect(config.extraResources).toEqual([
      expect.objectContaining({ from: ELECTRON_SQLITE_DIR, to: PACKAGED_SQLITE_DIR }),
    ]);
  });
});
