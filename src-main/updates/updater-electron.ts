// electron-updater behind the Updater interface: the GitHub provider configured by electron-builder.yml
// (`publish`), written into the package as app-update.yml. Every decision (when to check, whether
// to download, what to say) is in update-policy.ts and update-service.ts.
import { app, net } from 'electron';
import electronUpdater from 'electron-updater';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { networkState, probeNetworkCost } from './network-cost';
import { unsupportedReason, type NetworkState } from './update-policy';
import type { Updater } from './update-service';

export interface UpdaterLog {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

function packageType(): string | null {
  try {
    return readFileSync(join(process.resourcesPath, 'package-type'), 'utf8').trim();
  } catch {
    return null;
  }
}

/** The release updater of an installed copy, or one that only says why it cannot update. */
export function createElectronUpdater(log: UpdaterLog): Updater {
  const currentVersion = app.getVersion();
  const unsupported = unsupportedReason({
    packaged: app.isPackaged,
    platform: process.platform,
    appImage: process.env['APPIMAGE'],
    packageType: process.platform === 'linux' ? packageType() : null,
  });
  if (unsupported) {
    return {
      currentVersion,
      unsupported,
      check: () => Promise.reject(new Error('This copy cannot update itself.')),
      download: () => Promise.reject(new Error('This copy cannot update itself.')),
      install: () => undefined,
    };
  }
  // Reached only in an installed copy: electron-updater picks its AppImage, deb, NSIS or macOS updater here.
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = false; // update-service decides (never on a metered connection)
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.logger = {
    info: (message: unknown) => log.info(`updater: ${String(message)}`),
    warn: (message: unknown) => log.warn(`updater: ${String(message)}`),
    error: (message: unknown) => log.error(`updater: ${String(message)}`),
  };
  return {
    currentVersion,
    unsupported: null,
    async check() {
      const result = await autoUpdater.checkForUpdates();
      if (!result?.isUpdateAvailable) return null;
      const sizes = result.updateInfo.files.map((f) => f.size ?? 0);
      return {
        version: result.updateInfo.version,
        bytes: sizes.length > 0 ? Math.max(...sizes) || null : null,
      };
    },
    async download(onProgress) {
      const listener = (progress: { percent: number }) => onProgress(progress.percent);
      autoUpdater.on('download-progress', listener);
      try {
        await autoUpdater.downloadUpdate();
      } finally {
        autoUpdater.off('download-progress', listener);
      }
    },
    // Not silent (Windows shows its installer's progress), and start the new version afterwards.
    install: () => autoUpdater.quitAndInstall(false, true),
  };
}

/** The network for the update policy: Electron's online flag and the OS's metered answer. */
export async function electronNetworkState(): Promise<NetworkState> {
  return networkState(net.isOnline(), await probeNetworkCost(process.platform));
}
