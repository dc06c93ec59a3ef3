import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createLinuxLoginItem,
  planLoginItem,
  startAtLoginSetting,
  syncLoginItem,
} from '../../../../src-main/desktop/login-item';
import { AUTOSTART_FILE } from '../../../../src-main/desktop/xdg-autostart';
import {
  createMemorySettingsBackend,
  createSettingsStore,
} from '../../../../src-main/settings/settings-store';
import { DEFAULT_SETTINGS } from '../../../../src-shared/settings/settings';

const homes: string[] = [];
function home(): string {
  const dir = mkdtempSync(join(tmpdir(), 'creditbar-home-'));
  homes.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of homes.splice(0)) rmSync(d, { recursive: true, force: true });
});

function recordingLog() {
  const lines: { level: string; message: string; context?: Record<string, unknown> }[] = [];
  return {
    lines,
    info: (message: string, context?: Record<string, unknown>) =>
      lines.push({ level: 'info', message, context }),
    error: (message: string, context?: Record<string, unknown>) =>
      lines.push({ level: 'error', message, context }),
  };
}

function settingsWith(startAtLogin: boolean) {
  return createSettingsStore(createMemorySettingsBackend({ ...DEFAULT_SETTINGS, startAtLogin }));
}

describe('planLoginItem', () => {
  it.each([
    // At start the system's state wins when it differs: the lead changed it outside Creditbar.
    {
      wanted: true,
      system: { enabled: false, current: false },
      atStart: true,
      plan: { apply: null, adopt: false },
    },
    {
      wanted: false,
      system: { enabled: true, current: true },
      atStart: true,
      plan: { apply: null, adopt: true },
    },
    {
      wanted: true,
      system: { enabled: true, current: true },
      atStart: true,
      plan: { apply: null, adopt: null },
    },
    // An entry that starts another path (a moved AppImage) is rewritten, at start too.
    {
      wanted: true,
      system: { enabled: true, current: false },
      atStart: true,
      plan: { apply: 'enable', adopt: null },
    },
    // After start, the setting's changes are applied.
    {
      wanted: true,
      system: { enabled: false, current: false },
      atStart: false,
      plan: { apply: 'enable', adopt: null },
    },
    {
      wanted: false,
      system: { enabled: true, current: true },
      atStart: false,
      plan: { apply: 'disable', adopt: null },
    },
    {
      wanted: false,
      system: { enabled: false, current: false },
      atStart: false,
      plan: { apply: null, adopt: null },
    },
  ])('wanted $wanted, system $system, at start $atStart', ({ wanted, system, atStart, plan }) => {
    expect(planLoginItem(wanted, system, atStart)).toEqual(plan);
  });
});

describe('start at login on Linux (XDG autostart)', () => {
  const linux = (homeDir: string, env: Record<string, string> = {}) =>
    createLinuxLoginItem({ env, home: homeDir, execPath: '/opt/Creditbar/creditbar' });

  it('writes ~/.config/autostart/creditbar.desktop when the lead ticks the box, and removes it again', () => {
    const homeDir = home();
    const path = join(homeDir, '.config', 'autostart', AUTOSTART_FILE);
    const settings = settingsWith(false);
    const log = recordingLog();
    const stop = syncLoginItem(linux(homeDir), startAtLoginSetting(settings), log);
    expect(existsSync(path)).toBe(false);

    settings.update({ startAtLogin: true });
    expect(readFileSync(path, 'utf8')).toContain('Exec=/opt/Creditbar/creditbar\n');

    settings.update({ startAtLogin: false });
    expect(existsSync(path)).toBe(false);

    stop();
    settings.update({ startAtLogin: true });
    expect(existsSync(path)).toBe(false);
    expect(log.lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('starts the AppImage file itself, and rewrites the entry when the AppImage moved', () => {
    const homeDir = home();
    const path = join(homeDir, '.config', 'autostart', AUTOSTART_FILE);
    const before = createLinuxLoginItem({
      env: { APPIMAGE: '/home/ana/Downloads/Creditbar.AppImage' },
      home: homeDir,
      execPath: '/tmp/.mount_CreditAbc/creditbar',
    });
    before.enable();
    expect(readFileSync(path, 'utf8')).toContain('Exec=/home/ana/Downloads/Creditbar.AppImage\n');

    const moved = createLinuxLoginItem({
      env: { APPIMAGE: '/home/ana/Apps/Creditbar.AppImage' },
      home: homeDir,
      execPath: '/tmp/.mount_CreditXyz/creditbar',
    });
    syncLoginItem(moved, startAtLoginSetting(settingsWith(true)), recordingLog())();
    expect(readFileSync(path, 'utf8')).toContain('Exec=/home/ana/Apps/Creditbar.AppImage\n');
  });

  it('unticks the box at start when the lead removed the entry in the desktop’s startup apps', () => {
    const homeDir = home();
    const settings = settingsWith(true);
    const log = recordingLog();
    syncLoginItem(linux(homeDir), startAtLoginSetting(settings), log)();
    expect(settings.get().startAtLogin).toBe(false);
    expect(existsSync(join(homeDir, '.config', 'autostart', AUTOSTART_FILE))).toBe(false);
    expect(log.lines.map((l) => l.message)).toContain(
      'start at login changed outside Creditbar: the setting follows',
    );
  });

  it('honours $XDG_CONFIG_HOME', () => {
    const homeDir = home();
    const config = join(homeDir, 'elsewhere');
    const item = linux(homeDir, { XDG_CONFIG_HOME: config });
    item.enable();
    expect(existsSync(join(config, 'autostart', AUTOSTART_FILE))).toBe(true);
    expect(existsSync(join(homeDir, '.config'))).toBe(false);
  });

  it('logs a folder it cannot write, unticks the box again and keeps the app running', () => {
    const homeDir = home();
    // A file where the .config folder should be: mkdir fails with ENOTDIR (root ignores chmod).
    writeFileSync(join(homeDir, '.config'), 'not a folder');
    const settings = settingsWith(false);
    const log = recordingLog();
    syncLoginItem(linux(homeDir), startAtLoginSetting(settings), log);
    expect(() => settings.update({ startAtLogin: true })).not.toThrow();
    expect(log.lines.find((l) => l.level === 'error')?.message).toBe('start at login could not be updated');
    // The checkbox must not claim what the system will not do.
    expect(settings.get().startAtLogin).toBe(false);
  });
});
