import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ID, appUserModelId } from '../../../../src-main/desktop/app-user-model-id';

const root = join(import.meta.dirname, '../../../..');

describe('the Windows AppUserModelID', () => {
  it("is electron-builder's appId, which the NSIS installer gives the Start-menu shortcut", () => {
    const yml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    const appId = /^appId:\s*(\S+)\s*$/m.exec(yml)?.[1];
    expect(appId).toBeDefined();
    expect(APP_ID).toBe(appId);
    expect(appUserModelId(true, 'C:\\Program Files\\Creditbar\\Creditbar.exe')).toBe(appId);
  });

  it('is the executable path in a development run, which has no shortcut with the appId', () => {
    const electronExe = 'C:\\src\\creditbar\\node_modules\\electron\\dist\\electron.exe';
    expect(appUserModelId(false, electronExe)).toBe(electronExe);
  });

  it('is claimed by the Electron entry on Windows before the app is ready (before any notification)', () => {
    const entry = readFileSync(join(root, 'src-main/index.ts'), 'utf8');
    const claim = entry.indexOf("if (process.platform === 'win32') app.setAppUserModelId(appUserModelId(");
    expect(claim).toBeGreaterThan(-1);
    expect(claim).toBeLessThan(entry.indexOf('app.whenReady()'));
  });
});
